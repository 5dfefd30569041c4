import {
  accountSubject,
  type AccountLifecycleChangedEvent,
  type AccountScoreChangedData,
  type AccountScoreChangedEvent,
} from '@leadscore/contracts';
import { tierNamesOf, type AccountTransition } from '@leadscore/lifecycle';
import { lifecycleEventId, scoreChangedEventId, THRESHOLD_EVENT_SOURCE } from '@leadscore/score-events';

/** What one account change writes: its event, its transitions and their lifecycle events. */
export interface AccountChangeOutput {
  readonly change: AccountScoreChangedEvent;
  readonly transitions: readonly AccountTransition[];
  readonly published: readonly AccountLifecycleChangedEvent[];
}

/**
 * The leads.account-score-changed.v1 CloudEvent of one account change. Its id hashes workspace, model,
 * `account:<id>` and the account's sequence, as a contact's does, so a redelivered batch yields the same id.
 */
export function accountScoreChangedEvent(
  workspace: string,
  time: string,
  data: AccountScoreChangedData,
): AccountScoreChangedEvent {
  const subject = accountSubject(data.account);
  return {
    specversion: '1.0',
    id: scoreChangedEventId(workspace, data.model.id, subject, data.sequence),
    source: THRESHOLD_EVENT_SOURCE,
    type: 'account.score.changed',
    time,
    subject,
    workspace,
    datacontenttype: 'application/json',
    data,
  };
}

/** The leads.lifecycle.v1 CloudEvent of an account's `index`-th transition caused by `change`. */
export function accountLifecycleEvent(
  change: AccountScoreChangedEvent,
  transition: AccountTransition,
  index: number,
): AccountLifecycleChangedEvent {
  const { data } = change;
  return {
    specversion: '1.0',
    id: lifecycleEventId(change.workspace, data.model.id, change.subject, data.sequence, index),
    source: THRESHOLD_EVENT_SOURCE,
    type: transition.kind === 'tier' ? 'account.tier.changed' : 'account.stage.changed',
    time: change.time,
    subject: change.subject,
    workspace: change.workspace,
    datacontenttype: 'application/json',
    data: {
      account: data.account,
      model: { ...data.model },
      kind: transition.kind,
      previous: transition.from,
      current: transition.to,
      ...tierNamesOf(transition),
      sequence: data.sequence,
      accountScoreChangedId: change.id,
      scores: { ...data.current },
    },
  };
}
