import { createHash } from 'node:crypto';
import { type ScoreChangedEvent } from '@leadscore/contracts';
import { toScoreChangedData, type ScoreChange } from '@leadscore/scoring';

/** Deterministic id of a score change: the same change always gets the same id, so consumers dedupe. */
export function scoreChangedEventId(
  workspace: string,
  modelId: string,
  contact: string,
  sequence: number,
): string {
  return createHash('sha256').update(`${workspace}\n${modelId}\n${contact}\n${sequence}`).digest('hex');
}

/** The CloudEvents `source` of what the threshold service publishes (transitions, account changes). */
export const THRESHOLD_EVENT_SOURCE = 'leadscore/threshold';

/**
 * Deterministic id of the `index`-th transition caused by change `sequence` of `subject` (a contact key,
 * or `account:<id>`): a replayed or duplicated change yields the same ids, so the outbox and consumers
 * drop the copy.
 */
export function lifecycleEventId(
  workspace: string,
  modelId: string,
  subject: string,
  sequence: number,
  index: number,
): string {
  return createHash('sha256')
    .update(`${workspace}\n${modelId}\n${subject}\n${sequence}\n${index}`)
    .digest('hex');
}

/**
 * The leads.score-changed.v1 CloudEvent for one change. `trigger` names the event whose profile caused
 * a refit: the scorer refits without an id (the event itself is deduped by applyEvent right after).
 */
export function scoreChangedEvent(
  workspace: string,
  contact: string,
  change: ScoreChange,
  source: string,
  trigger?: { id: string; type: string },
): ScoreChangedEvent {
  const data = toScoreChangedData(change, contact);
  if (trigger && data.cause.type === 'refit')
    data.cause = { type: 'refit', eventId: trigger.id, eventType: trigger.type };
  return {
    specversion: '1.0',
    id: scoreChangedEventId(workspace, change.model.id, contact, change.sequence),
    source,
    type: 'score.changed',
    time: new Date(change.at).toISOString(),
    subject: contact,
    workspace,
    datacontenttype: 'application/json',
    data,
  };
}
