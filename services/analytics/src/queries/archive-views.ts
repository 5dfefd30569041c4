import type {
  ContactArchive,
  ContactScoreHistory,
  ContactTimeline,
  DeadLetterSummary,
  EventsPerDay,
  LeadFunnel,
  ReplayContacts,
  ReplayEvents,
  ScoreDistributionAt,
  TopRules,
} from '@leadscore/contracts';
import {
  isoTimeOf,
  type ContactEventRow,
  type ContactLifecycleChangeRow,
  type DeadLettersRow,
  type DistributionAtRow,
  type EventsPerDayRow,
  type LeadFunnelRow,
  type OldestEventRow,
  type ReplayContactEventRow,
  type ReplayEventRow,
  type ScoreHistoryRow,
  type TimelineRow,
  type TopRuleRow,
} from '@leadscore/analytics';
import { roundScore } from '@leadscore/scoring';

type Change = ContactScoreHistory['changes'][number];

export function scoreHistoryView(contact: string, rows: readonly ScoreHistoryRow[]): ContactScoreHistory {
  return {
    contact,
    changes: rows.map((row) => ({
      model: row.model,
      modelVersion: Number(row.model_version),
      sequence: Number(row.sequence),
      time: isoTimeOf(row.time),
      cause: row.cause as Change['cause'],
      causeEventId: row.cause_event_id === '' ? null : row.cause_event_id,
      fit: row.fit,
      engagement: row.engagement,
      total: row.total,
      previousTotal: row.previous_total,
      tier: row.tier === '' ? null : row.tier,
      grade: row.grade === '' ? null : row.grade,
      contributions: JSON.parse(row.contributions || '[]') as Change['contributions'],
    })),
  };
}

/** The query's one row per event and model, as one entry per event with its scores. */
export function timelineView(contact: string, rows: readonly TimelineRow[]): ContactTimeline {
  const events: ContactTimeline['events'] = [];
  for (const row of rows) {
    let entry = events.at(-1);
    if (entry?.id !== row.id) {
      entry = { id: row.id, type: row.type, time: isoTimeOf(row.time), scores: [] };
      events.push(entry);
    }
    if (row.model !== '') entry.scores.push({ model: row.model, points: row.points, rules: [...row.rules] });
  }
  return { contact, events };
}

export function eventsPerDayView(from: string, to: string, rows: readonly EventsPerDayRow[]): EventsPerDay {
  return {
    from,
    to,
    days: rows.map((row) => ({ day: row.day, type: row.type, events: Number(row.events) })),
  };
}

export function deadLetterSummaryView(
  from: string,
  to: string,
  rows: readonly DeadLettersRow[],
): DeadLetterSummary {
  return {
    from,
    to,
    reasons: rows.map((row) => ({
      reason: row.reason,
      rejectedBy: row.source_topic,
      records: Number(row.records),
      latest: isoTimeOf(row.latest),
      example: row.example,
    })),
  };
}

const PERCENTILES = ['p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99'] as const;

export function distributionAtView(
  modelId: string,
  at: string,
  bucketWidth: number,
  row: DistributionAtRow | undefined,
): ScoreDistributionAt {
  const contacts = Number(row?.contacts ?? 0);
  if (row === undefined || contacts === 0)
    return {
      modelId,
      at,
      contacts: 0,
      min: null,
      max: null,
      mean: null,
      percentiles: null,
      bucketWidth,
      histogram: [],
      tiers: [],
    };
  const [starts, counts] = row.histogram;
  const [tiers, tierCounts] = row.tiers;
  return {
    modelId,
    at,
    contacts,
    min: roundScore(row.min),
    max: roundScore(row.max),
    mean: roundScore(row.mean),
    percentiles: Object.fromEntries(
      PERCENTILES.map((name, index) => [name, roundScore(row.percentiles[index] ?? 0)]),
    ) as Record<(typeof PERCENTILES)[number], number>,
    bucketWidth,
    histogram: starts.map((from, index) => ({
      from,
      to: from + bucketWidth,
      contacts: Number(counts[index]),
    })),
    tiers: tiers
      .map((tier, index) => ({ tier: tier === '' ? null : tier, contacts: Number(tierCounts[index]) }))
      .sort((a, b) => b.contacts - a.contacts || String(a.tier).localeCompare(String(b.tier))),
  };
}

/** A rate to four decimals; null when there is nothing to convert from. */
function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

export function leadFunnelView(
  modelId: string,
  from: string,
  to: string,
  rows: readonly LeadFunnelRow[],
): LeadFunnel {
  return {
    modelId,
    from,
    to,
    cohorts: rows.map((row) => {
      const [leads, mqls, sqls] = [Number(row.leads), Number(row.mqls), Number(row.sqls)];
      return {
        week: row.cohort_week,
        leads,
        mqls,
        sqls,
        // A cohort has at least one lead, so its rates from leads are numbers.
        conversion: {
          leadToMql: rate(mqls, leads) ?? 0,
          mqlToSql: rate(sqls, mqls),
          leadToSql: rate(sqls, leads) ?? 0,
        },
        timeToMql:
          row.to_mql_median_ms === null || row.to_mql_p90_ms === null
            ? null
            : { median: Number(row.to_mql_median_ms) / 1000, p90: Number(row.to_mql_p90_ms) / 1000 },
      };
    }),
  };
}

export function topRulesView(
  modelId: string,
  from: string,
  to: string,
  rows: readonly TopRuleRow[],
): TopRules {
  return {
    modelId,
    from,
    to,
    rules: rows.map((row) => ({
      ruleId: row.rule,
      kind: row.kind as TopRules['rules'][number]['kind'],
      awards: Number(row.awards),
      contacts: Number(row.contacts),
      points: row.points,
    })),
  };
}

/** Everything the archive holds of one contact (its data export). */
export function contactArchiveView(
  contact: string,
  events: readonly ContactEventRow[],
  history: readonly ScoreHistoryRow[],
  lifecycle: readonly ContactLifecycleChangeRow[],
): ContactArchive {
  return {
    contact,
    events: events.map((row) => ({
      id: row.id,
      source: row.source,
      type: row.type,
      time: isoTimeOf(row.time),
      data: JSON.parse(row.data || '{}') as Record<string, unknown>,
    })),
    scoreChanges: scoreHistoryView(contact, history).changes,
    lifecycleChanges: lifecycle.map((row) => ({
      model: row.model,
      time: isoTimeOf(row.time),
      id: row.id,
      kind: row.kind as ContactArchive['lifecycleChanges'][number]['kind'],
      previous: row.previous,
      current: row.current,
      ...(row.previousName === '' ? {} : { previousName: row.previousName }),
      ...(row.currentName === '' ? {} : { currentName: row.currentName }),
      sequence: Number(row.sequence),
    })),
  };
}

/** The archive's events for a replay, with where the archive ends (analytics.runtime archivedOffsets). */
export function replayEventsView(
  rows: readonly ReplayEventRow[],
  archivedThrough: ReplayEvents['archivedThrough'],
): ReplayEvents {
  return {
    events: rows.map((row) => ({
      contact: row.contact,
      id: row.id,
      source: row.source,
      type: row.type,
      time: isoTimeOf(row.time),
      data: JSON.parse(row.data || '{}') as Record<string, unknown>,
      partition: Number(row.partition),
      offset: row.offset,
    })),
    archivedThrough,
  };
}

/**
 * A page of contacts with their events (rows in contact order, each contact's in the order the scorer saw
 * them). A full page (`pageSize` contacts) may have more after it: `next` is its last contact key.
 */
export function replayContactsView(
  rows: readonly ReplayContactEventRow[],
  pageSize: number,
  /** The archive's extent, on the first page only. */
  extent: OldestEventRow | undefined,
  archivedThrough: ReplayContacts['archivedThrough'],
): ReplayContacts {
  const contacts: ReplayContacts['contacts'] = [];
  for (const row of rows) {
    let entry = contacts.at(-1);
    if (entry?.contact !== row.contact) {
      entry = { contact: row.contact, events: [] };
      contacts.push(entry);
    }
    entry.events.push({
      id: row.id,
      source: row.source,
      type: row.type,
      time: isoTimeOf(row.time),
      data: JSON.parse(row.data || '{}') as Record<string, unknown>,
      partition: Number(row.partition),
      offset: row.offset,
    });
  }
  const last = contacts.at(-1);
  return {
    contacts,
    next: contacts.length >= pageSize && last !== undefined ? last.contact : null,
    archivedThrough,
    ...(extent && {
      archivedFrom: extent.oldest == null ? null : isoTimeOf(extent.oldest),
      archivedContacts: Number(extent.contacts),
    }),
  };
}
