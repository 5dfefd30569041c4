import { createHash } from 'node:crypto';
import { type LifecycleChangedEvent, type ScoreChangedEvent } from '@leadscore/contracts';
import { type Transition } from '@leadscore/lifecycle';

export const LIFECYCLE_EVENT_SOURCE = 'leadscore/threshold';

/**
 * Deterministic id of the `index`-th transition caused by score change `sequence`: a replayed or
 * duplicated score change yields the same ids, so the outbox and consumers drop the copy.
 */
export function lifecycleEventId(
  workspace: string,
  modelId: string,
  contact: string,
  sequence: number,
  index: number,
): string {
  return createHash('sha256')
    .update(`${workspace}\n${modelId}\n${contact}\n${sequence}\n${index}`)
    .digest('hex');
}

/** The leads.lifecycle.v1 CloudEvent of one transition, with the score snapshot and explanation behind it. */
export function lifecycleEvent(
  scoreChanged: ScoreChangedEvent,
  transition: Transition,
  index: number,
): LifecycleChangedEvent {
  const { data } = scoreChanged;
  return {
    specversion: '1.0',
    id: lifecycleEventId(scoreChanged.workspace, data.model.id, data.contact, data.sequence, index),
    source: LIFECYCLE_EVENT_SOURCE,
    type: transition.kind === 'tier' ? 'tier.changed' : 'stage.changed',
    time: scoreChanged.time,
    subject: scoreChanged.subject,
    workspace: scoreChanged.workspace,
    datacontenttype: 'application/json',
    data: {
      contact: data.contact,
      model: { id: data.model.id, version: data.model.version },
      kind: transition.kind,
      previous: transition.from,
      current: transition.to,
      sequence: data.sequence,
      scoreChangedId: scoreChanged.id,
      scores: { ...data.current },
      cause: 'score',
      contributions: data.contributions.map((c) => ({ ...c })),
    },
  };
}
