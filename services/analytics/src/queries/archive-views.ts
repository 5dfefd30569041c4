import type {
  ContactScoreHistory,
  ContactTimeline,
  DeadLetterSummary,
  EventsPerDay,
} from '@leadscore/contracts';
import {
  isoTimeOf,
  type DeadLettersRow,
  type EventsPerDayRow,
  type ScoreHistoryRow,
  type TimelineRow,
} from '@leadscore/analytics';

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
