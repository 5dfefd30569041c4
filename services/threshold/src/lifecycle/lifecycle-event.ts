import { createHash } from 'node:crypto';
import {
  type LifecycleChangedEvent,
  type LifecycleScores,
  type ScoreChangedEvent,
} from '@leadscore/contracts';
import { tierNamesOf, type Transition } from '@leadscore/lifecycle';
import { lifecycleEventId, THRESHOLD_EVENT_SOURCE } from '@leadscore/score-events';

export const LIFECYCLE_EVENT_SOURCE = THRESHOLD_EVENT_SOURCE;
export { lifecycleEventId };

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
      ...tierNamesOf(transition),
      sequence: data.sequence,
      scoreChangedId: scoreChanged.id,
      scores: { ...data.current },
      cause: data.cause.type === 'rescore' ? 'rescore' : 'score',
      contributions: data.contributions.map((c) => ({ ...c })),
    },
  };
}

/** What a transition set by sales refers to: the contact's last applied score change. */
export interface SalesAcceptance {
  readonly workspace: string;
  readonly contact: string;
  readonly model: { readonly id: string; readonly version: number };
  readonly sequence: number;
  readonly scores: LifecycleScores;
  /** The contact.updated event that carried the flag. */
  readonly eventId: string;
  readonly time: string;
}

/** The leads.lifecycle.v1 CloudEvent of a transition set by sales (cause `sales-accepted`). */
export function salesLifecycleEvent(
  acceptance: SalesAcceptance,
  transition: Transition,
  index: number,
): LifecycleChangedEvent {
  const id = createHash('sha256')
    .update(
      `${acceptance.workspace}\n${acceptance.model.id}\n${acceptance.contact}\nsales:${acceptance.eventId}\n${index}`,
    )
    .digest('hex');
  return {
    specversion: '1.0',
    id,
    source: LIFECYCLE_EVENT_SOURCE,
    type: 'stage.changed',
    time: acceptance.time,
    subject: acceptance.contact,
    workspace: acceptance.workspace,
    datacontenttype: 'application/json',
    data: {
      contact: acceptance.contact,
      model: { ...acceptance.model },
      kind: transition.kind,
      previous: transition.from,
      current: transition.to,
      sequence: acceptance.sequence,
      scoreChangedId: '',
      scores: { ...acceptance.scores },
      cause: 'sales-accepted',
      contributions: [],
    },
  };
}
