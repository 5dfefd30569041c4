import {
  contactKey,
  type ArchivedReplayEvent,
  type ReplayContactEvent,
  type ScoringModel,
} from '@leadscore/contracts';
import {
  applyScores,
  INITIAL_LIFECYCLE,
  wantsScoreChanges,
  wantsTransition,
  type ContactLifecycle,
  type SubscriptionFilter,
} from '@leadscore/lifecycle';
import {
  type ContactAlias,
  type EventPositions,
  type OutboxMessage,
  type RankedScoreRow,
  type RescoreCounts,
} from '@leadscore/persistence';
import { scoreChangedEvent, scoreRowOf } from '@leadscore/score-events';
import {
  emptyState,
  refit,
  rememberedEventKey,
  replayContact,
  rescoreState,
  stitchedReplayOrder,
  type ContactProfile,
  type ContactScoreState,
  type ReplayEvent,
} from '@leadscore/scoring';
import { SCORER_EVENT_SOURCE } from '../scoring/batch-plan.js';

/** One archived contact as a rescore sees it at its switch. */
export interface RescoreContact {
  readonly contact: string;
  /** Its archived events (the replay-contacts page), each with its Kafka position. */
  readonly events: readonly ReplayContactEvent[];
  /** The archived events of the contacts merged into it (survivors only), with those contacts' aliases. */
  readonly merged?: {
    readonly aliases: readonly ContactAlias[];
    readonly events: readonly ArchivedReplayEvent[];
  };
  /** Its live state under the model (locked by the switch), if it has one. */
  readonly live: ContactScoreState | undefined;
  readonly profile: ContactProfile | undefined;
  /** Its lifecycle as the threshold service holds it (what a change's transitions are judged from). */
  readonly lifecycle: ContactLifecycle | undefined;
  /** Erased, or merged into another contact (its events count under the survivor): left as it is. */
  readonly skip?: 'erased' | 'merged';
}

export interface RescoreChunkInput {
  readonly workspace: string;
  readonly model: ScoringModel;
  readonly rescoreId: string;
  readonly now: number;
  /**
   * Per partition of the events topic, the first offset the shadow state must not hold: the events
   * before it are replayed. The live path must have applied every event before it (its stored offsets
   * were at or past it when it was read), so that a clean contact's shadow holds exactly its live events.
   */
  readonly bound: EventPositions;
  readonly contacts: readonly RescoreContact[];
  readonly subscriptions: readonly SubscriptionFilter[];
  /**
   * Whether a contact whose live state applied an event the shadow lacks is left for another replay
   * (default). A dry run writes nothing and judges every contact as it stands.
   */
  readonly judgeDirty?: boolean;
  /**
   * A first application's rescore: only contacts with history from before the model's live state began
   * (their first archived event is older than the state) are re-derived; the others are complete already.
   */
  readonly onlyMissingHistory?: boolean;
  readonly outboxSourceOf: (partition: number) => string;
  readonly scoreChangedTopic: string;
}

/** What one switch writes, publishes and counts. */
export interface RescoreChunkPlan {
  readonly rows: RankedScoreRow[];
  /** Score changes by outbox source: each contact's under its own partition's, after its live changes. */
  readonly outbox: ReadonlyMap<string, OutboxMessage[]>;
  /**
   * Contacts whose live state holds events the shadow does not (applied after `bound`): replayed again
   * from a bound read under their locks.
   */
  readonly dirty: string[];
  readonly counts: RescoreCounts;
}

export const NO_COUNTS: RescoreCounts = {
  replayedEvents: 0,
  changedContacts: 0,
  unchangedContacts: 0,
  skippedContacts: 0,
  scoreChanges: 0,
  tierTransitions: 0,
  stageTransitions: 0,
  webhooks: 0,
};

export function addCounts(a: RescoreCounts, b: RescoreCounts): RescoreCounts {
  return {
    replayedEvents: a.replayedEvents + b.replayedEvents,
    changedContacts: a.changedContacts + b.changedContacts,
    unchangedContacts: a.unchangedContacts + b.unchangedContacts,
    skippedContacts: a.skippedContacts + b.skippedContacts,
    scoreChanges: a.scoreChanges + b.scoreChanges,
    tierTransitions: a.tierTransitions + b.tierTransitions,
    stageTransitions: a.stageTransitions + b.stageTransitions,
    webhooks: a.webhooks + b.webhooks,
  };
}

const beforeBound = (event: { partition: number; offset: string }, bound: EventPositions): boolean => {
  const end = bound[String(event.partition)];
  return end !== undefined && BigInt(event.offset) < BigInt(end);
};

/**
 * The events a contact's shadow state is made of, in replay order: its own archived events before the
 * bound, and for a survivor also each merged contact's before that contact's `through` (merge-plan's
 * `replayOrder`: interleaved by time, each contact's own order kept, an event under two keys once).
 */
export function shadowEventsOf(contact: RescoreContact, bound: EventPositions): ReplayEvent[] {
  const own = contact.events.filter((event) => beforeBound(event, bound));
  if (!contact.merged || contact.merged.aliases.length === 0)
    return own.map((event) => ({
      id: event.id,
      source: event.source,
      type: event.type,
      data: event.data,
      time: Date.parse(event.time),
    }));
  return stitchedReplayOrder({
    survivor: contact.contact,
    merged: contact.merged.aliases.map((alias) => ({ contact: alias.alias, through: alias.through })),
    archived: [
      ...own.map((event) => ({ ...event, contact: contact.contact })),
      ...contact.merged.events.filter((event) => beforeBound(event, bound)),
    ],
  });
}

/** The partition a contact's changes are published from: that of its events (all on its key's partition). */
function partitionOf(contact: RescoreContact): number | undefined {
  return contact.events.at(-1)?.partition;
}

/**
 * One switch of a rescore, pure: each contact's shadow state (its events before the bound replayed under
 * the model, fitted to its stored profile) replaces its live state (`rescoreState`), unless the live
 * state applied an event the shadow lacks (dirty: the switch replays it again from a later bound).
 * A change (cause `rescore`) goes out only where the scores, tier, grade or account moved; its
 * transitions, judged from the contact's current lifecycle, and the webhooks they and the change cause
 * are counted.
 */
export function planRescoreChunk(input: RescoreChunkInput): RescoreChunkPlan {
  const { model, workspace } = input;
  const rows: RankedScoreRow[] = [];
  const outbox = new Map<string, OutboxMessage[]>();
  const dirty: string[] = [];
  let counts = NO_COUNTS;
  const scoreSubscribers = input.subscriptions.filter(wantsScoreChanges).length;
  for (const contact of input.contacts) {
    if (contact.skip) {
      counts = addCounts(counts, { ...NO_COUNTS, skippedContacts: 1 });
      continue;
    }
    const events = shadowEventsOf(contact, input.bound);
    const { live } = contact;
    const lastLive = live?.processedEventIds.at(-1);
    if (lastLive !== undefined && input.judgeDirty !== false) {
      const shadowKeys = new Set(events.flatMap((event) => [rememberedEventKey(event), event.id]));
      if (!shadowKeys.has(lastLive)) {
        dirty.push(contact.contact);
        continue;
      }
    }
    const firstEvent = events[0];
    if (input.onlyMissingHistory && live && (firstEvent === undefined || live.createdAt <= firstEvent.time)) {
      counts = addCounts(counts, { ...NO_COUNTS, unchangedContacts: 1 });
      continue;
    }
    let derived = replayContact(model, events).state;
    if (derived === undefined && live === undefined) {
      counts = addCounts(counts, { ...NO_COUNTS, unchangedContacts: 1 });
      continue;
    }
    derived ??= emptyState(model, input.now);
    if (contact.profile)
      derived = refit(model, derived, contact.profile, Math.max(input.now, derived.asOf), null).state;
    const result = rescoreState(model, live, derived, input.now, {
      type: 'rescore',
      rescore: input.rescoreId,
    });
    rows.push(scoreRowOf(workspace, model, contact.contact, result.state));
    const change = result.change;
    if (!change) {
      counts = addCounts(counts, { ...NO_COUNTS, replayedEvents: events.length, unchangedContacts: 1 });
      continue;
    }
    const payload = scoreChangedEvent(workspace, contact.contact, change, SCORER_EVENT_SOURCE, undefined);
    const source = input.outboxSourceOf(partitionOf(contact) ?? 0);
    const messages = outbox.get(source) ?? [];
    messages.push({
      eventId: payload.id,
      source,
      topic: input.scoreChangedTopic,
      key: contactKey(workspace, contact.contact),
      payload,
      headers: { 'content-type': 'application/cloudevents+json' },
    });
    outbox.set(source, messages);
    const { transitions } = applyScores(
      model.lifecycle,
      contact.lifecycle ?? INITIAL_LIFECYCLE,
      change.current,
      model.tiers,
    );
    const webhooks =
      scoreSubscribers +
      transitions.reduce(
        (sum, transition) =>
          sum +
          input.subscriptions.filter((subscription) => wantsTransition(subscription, transition)).length,
        0,
      );
    counts = addCounts(counts, {
      ...NO_COUNTS,
      replayedEvents: events.length,
      changedContacts: 1,
      scoreChanges: 1,
      tierTransitions: transitions.filter((t) => t.kind === 'tier').length,
      stageTransitions: transitions.filter((t) => t.kind === 'stage').length,
      webhooks,
    });
  }
  return { rows, outbox, dirty, counts };
}
