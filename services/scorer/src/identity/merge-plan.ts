import { contactKey, type ArchivedReplayEvent, type ScoringModel } from '@leadscore/contracts';
import {
  type ContactProfileRow,
  type ContactScoreRow,
  type EventPositions,
  type OutboxMessage,
  type RankedScoreRow,
} from '@leadscore/persistence';
import { scoreChangedEvent, scoreRowOf } from '@leadscore/score-events';
import {
  adoptState,
  emptyState,
  refit,
  replayContact,
  stitchedReplayOrder,
  type ContactProfile,
  type ContactScoreState,
  type ReplayEvent,
} from '@leadscore/scoring';
import { SCORER_EVENT_SOURCE } from '../scoring/batch-plan.js';

/** One contact whose archived events belong in the survivor's replay, and which of them. */
export interface ReplayedContact {
  readonly contact: string;
  /**
   * The scorer's positions when this contact stopped being scored under its own key: its events before
   * them were applied to it (and so belong to the survivor now); those after were forwarded.
   */
  readonly through: EventPositions;
}

export interface MergeInput {
  readonly workspace: string;
  readonly survivor: string;
  /** The contact merged now. */
  readonly merged: string;
  /** The merge event: its time is the merge's, its position ends the survivor's own history. */
  readonly mergeEvent: {
    readonly id: string;
    readonly time: number;
    readonly partition: number;
    readonly offset: string;
  };
  /** The survivor's own history ends at the merge event; every contact merged into it (now included) has its `through`. */
  readonly replayed: readonly ReplayedContact[];
  /** The archive's events of the survivor and of every contact in `replayed` (the analytics answer). */
  readonly archived: readonly ArchivedReplayEvent[];
  readonly models: readonly ScoringModel[];
  /** Current rows of the survivor and of the merged contact, under the models in force. */
  readonly scores: readonly ContactScoreRow[];
  readonly survivorProfile: ContactProfile | undefined;
  readonly mergedProfile: ContactProfile | undefined;
  readonly outboxSource: string;
  readonly scoreChangedTopic: string;
}

export interface MergePlan {
  readonly scores: RankedScoreRow[];
  readonly profile: ContactProfileRow | undefined;
  readonly outbox: OutboxMessage[];
  /** How many archived events the survivor's state was re-derived from. */
  readonly replayedEvents: number;
}

/**
 * The events the survivor's state is made of after the merge, in replay order (libs/scoring
 * `stitchedReplayOrder`): the survivor's own before the merge event on its partition (later ones,
 * forwarded ones included, come after the merge live), and each merged contact's before its `through`.
 */
export function replayOrder(
  input: Pick<MergeInput, 'survivor' | 'mergeEvent' | 'replayed' | 'archived'>,
): ReplayEvent[] {
  return stitchedReplayOrder({
    survivor: input.survivor,
    survivorEnd: { partition: input.mergeEvent.partition, offset: input.mergeEvent.offset },
    merged: input.replayed,
    archived: input.archived,
  });
}

/**
 * Re-derives the survivor of a merge: its state under each model is the replay of both contacts'
 * events (`replayOrder`), fitted to the combined profile, put in place of its live state with one
 * change (cause `merge`); the merged contact's state is emptied with one last change (cause `merge`,
 * naming the survivor). Profiles combine field by field, the survivor's values winning: a value the
 * merged contact alone had is kept.
 */
export function planMerge(input: MergeInput): MergePlan {
  const events = replayOrder(input);
  const at = input.mergeEvent.time;
  const profile: ContactProfile | undefined =
    input.survivorProfile || input.mergedProfile
      ? { ...input.mergedProfile, ...input.survivorProfile }
      : undefined;
  const rowOf = (model: ScoringModel, contact: string) =>
    input.scores.find((row) => row.modelId === model.id && row.contactId === contact);
  const scores: RankedScoreRow[] = [];
  const outbox: OutboxMessage[] = [];
  const publish = (contact: string, change: Parameters<typeof scoreChangedEvent>[2]) => {
    const payload = scoreChangedEvent(input.workspace, contact, change, SCORER_EVENT_SOURCE, undefined);
    outbox.push({
      eventId: payload.id,
      source: input.outboxSource,
      topic: input.scoreChangedTopic,
      key: contactKey(input.workspace, contact),
      payload,
      headers: { 'content-type': 'application/cloudevents+json' },
    });
  };
  for (const model of input.models) {
    const survivorLive = rowOf(model, input.survivor)?.state as ContactScoreState | undefined;
    const mergedLive = rowOf(model, input.merged)?.state as ContactScoreState | undefined;
    if (!survivorLive && !mergedLive) continue;
    let derived = replayContact(model, events).state ?? emptyState(model, at);
    if (profile) derived = refit(model, derived, profile, Math.max(at, derived.asOf), null).state;
    const survivor = adoptState(model, survivorLive, derived, at, {
      type: 'merge',
      mergedSubject: input.merged,
    });
    scores.push(scoreRowOf(input.workspace, model, input.survivor, survivor.state));
    if (survivor.change) publish(input.survivor, survivor.change);
    if (mergedLive) {
      const ended = adoptState(model, mergedLive, emptyState(model, at), at, {
        type: 'merge',
        survivor: input.survivor,
      });
      scores.push(scoreRowOf(input.workspace, model, input.merged, ended.state));
      if (ended.change) publish(input.merged, ended.change);
    }
  }
  return {
    scores,
    profile: profile && {
      workspaceId: input.workspace,
      contactId: input.survivor,
      traits: { ...profile },
      updatedAt: new Date(at),
    },
    outbox,
    replayedEvents: events.length,
  };
}
