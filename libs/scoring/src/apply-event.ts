import { type ScoringModel } from '@leadscore/contracts';
import {
  PROCESSED_EVENT_IDS_KEPT,
  draftOf,
  type ContactScoreState,
  type CorrelationValue,
  type StateDraft,
} from './contact-score.state.js';
import { ruleDecayKey } from './decay-rate.js';
import { award, type AppliedPoints } from './engagement-points.js';
import { fieldAt, filtersHold } from './field-conditions.js';
import { countEvent, isFrequencyPoints } from './frequency-points.js';
import { pointsOf } from './value-points.js';
import { limitsAllow, recordAward } from './rule-limits.js';
import { finish, type ScoringResult } from './score-change.js';
import { DAY_MS, effectiveTime } from './scoring-time.js';
import { settle } from './time-effects.js';
import { countPredictiveEvent } from './predictive-score.js';

/** What the engine needs of an event: a CloudEvent (leads.events.v1) has all of it. */
export interface ScoringEvent {
  /** Unique per source: (source, id) is the dedupe key. */
  readonly id: string;
  /** The CloudEvents source; without one the id alone is the key. */
  readonly source?: string;
  /** Canonical type, e.g. `email.clicked`. */
  readonly type: string;
  /** The event's `data`; filters and correlations read its fields. */
  readonly data?: unknown;
}

function correlationOf(
  fields: readonly string[] | undefined,
  data: unknown,
): Record<string, CorrelationValue> {
  const correlation: Record<string, CorrelationValue> = {};
  for (const field of fields ?? []) {
    const value = fieldAt(data, field);
    correlation[field] =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  }
  return correlation;
}

function sameCorrelation(
  a: Readonly<Record<string, CorrelationValue>>,
  b: Readonly<Record<string, CorrelationValue>>,
): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * What a state remembers of an applied event: `<source length>:<source>:<id>`, which no two (source, id)
 * pairs share whatever characters they hold; the bare id for an event without a source.
 */
export function rememberedEventKey(event: Pick<ScoringEvent, 'id' | 'source'>): string {
  return event.source === undefined ? event.id : `${event.source.length}:${event.source}:${event.id}`;
}

/**
 * Whether the state applied this event already. States written before sources were remembered hold
 * bare ids; such an id still stands for its event from any source until newer ids push it out.
 */
export function alreadyApplied(state: ContactScoreState, event: ScoringEvent): boolean {
  const ids = state.processedEventIds;
  return ids.includes(rememberedEventKey(event)) || (event.source !== undefined && ids.includes(event.id));
}

function rememberEvent(draft: StateDraft, eventId: string): void {
  draft.processedEventIds.push(eventId);
  if (draft.processedEventIds.length > PROCESSED_EVENT_IDS_KEPT) {
    draft.processedEventIds.splice(0, draft.processedEventIds.length - PROCESSED_EVENT_IDS_KEPT);
  }
}

/**
 * Scores one event at `now` (the scorer passes the event's own time, so replays give the same result).
 * Time effects that came due before it apply first; then every engagement rule whose type and filters
 * match awards its points within its limits (a frequency rule counts the event, and gives points when
 * the count enters a new range); pending absences the event fulfils are cleared, and
 * absence rules it triggers start waiting. An event seen before (same source and id) changes nothing.
 */
export function applyEvent(
  model: ScoringModel,
  state: ContactScoreState,
  event: ScoringEvent,
  now: number,
): ScoringResult {
  if (alreadyApplied(state, event)) return { state };
  const time = effectiveTime(now, state.asOf);
  const draft = draftOf(state, model);
  const applied: AppliedPoints[] = settle(model, draft, time);

  // The follow-up arrived in time: the absence is off (a late one arrives after settle applied the penalty).
  for (const rule of model.absence ?? []) {
    if (rule.expect.event !== event.type || !filtersHold(rule.expect.filters, event.data)) continue;
    const correlation = correlationOf(rule.correlateOn, event.data);
    draft.pendingAbsences = draft.pendingAbsences.filter(
      (pending) =>
        !(
          pending.ruleId === rule.id &&
          time < pending.dueAt &&
          sameCorrelation(pending.correlation, correlation)
        ),
    );
  }

  let engaged = false;
  for (const rule of model.engagement ?? []) {
    if (rule.event !== event.type || !filtersHold(rule.filters, event.data)) continue;
    const rulePoints = rule.points;
    if (isFrequencyPoints(rulePoints)) {
      if (rulePoints.ranges.some((range) => range.points > 0)) engaged = true;
      applied.push(...countEvent(model, draft, rule.id, time, event.id));
      continue;
    }
    const points = pointsOf(rulePoints, event.data);
    // Points from a field the event lacks (or that is not a number): the rule does not apply.
    if (points === undefined) continue;
    if (points > 0) engaged = true;
    if (!limitsAllow(draft, rule.id, rule.limits, time)) {
      applied.push({
        ruleId: rule.id,
        kind: 'engagement',
        outcome: 'limited',
        points: 0,
        eventId: event.id,
        at: time,
      });
      continue;
    }
    const result = award(model, draft, {
      ruleId: rule.id,
      kind: 'engagement',
      points,
      decay: ruleDecayKey(model, rule.decay),
      expiresAfterDays: rule.expiresAfterDays,
      eventId: event.id,
      at: time,
    });
    if (result.points !== 0) recordAward(draft, rule.id, rule.limits, time);
    applied.push(result);
  }
  if (engaged) draft.lastEngagementAt = time;

  for (const rule of model.absence ?? []) {
    if (rule.trigger.event !== event.type || !filtersHold(rule.trigger.filters, event.data)) continue;
    const correlation = correlationOf(rule.correlateOn, event.data);
    const waiting = draft.pendingAbsences.some(
      (pending) => pending.ruleId === rule.id && sameCorrelation(pending.correlation, correlation),
    );
    if (!waiting) {
      draft.pendingAbsences.push({
        ruleId: rule.id,
        triggerEventId: event.id,
        triggeredAt: time,
        dueAt: time + Math.round(rule.windowDays * DAY_MS),
        correlation,
      });
    }
  }

  countPredictiveEvent(model, draft, event.type);
  rememberEvent(draft, rememberedEventKey(event));
  return finish(model, draft, time, { type: 'event', eventId: event.id, eventType: event.type }, applied);
}
