import { Topics, contactKey, type CanonicalEvent, type ScoringModel } from '@leadscore/contracts';
import type {
  AccountProfileRow,
  ContactProfileRow,
  ContactScoreRow,
  OutboxMessage,
  RankedScoreRow,
  WorkspaceContact,
  WorkspaceEventId,
} from '@leadscore/persistence';
import {
  accountOfProfile,
  accountTraitsOf,
  profileAfter,
  profileChangeOf,
  scoreContactEvent,
  type ContactScoreState,
  type ScoreChange,
} from '@leadscore/scoring';
import { scoreChangedEvent, scoreRowOf } from '@leadscore/score-events';

export const SCORER_EVENT_SOURCE = 'leadscore/scorer';

export interface ScorableEvent {
  readonly offset: string;
  readonly event: CanonicalEvent;
}

export interface PlanInput {
  /** New events of one partition in offset order (already deduped by id). */
  readonly events: readonly ScorableEvent[];
  /** Current rows of every (workspace, model, contact) the events touch. */
  readonly scores: readonly ContactScoreRow[];
  /** Stored profiles of (at least) the contacts `contactsNeedingProfiles` names. */
  readonly profiles: readonly ContactProfileRow[];
  /** The models in force for a workspace (none: its events are recorded but score nothing). */
  readonly modelsFor: (workspace: string) => readonly ScoringModel[];
  /** Outbox source that will publish the changes, e.g. `scorer:3`. */
  readonly outboxSource: string;
  /** Where score changes go (default leads.score-changed.v1). */
  readonly scoreChangedTopic?: string;
}

export interface EventFailure {
  readonly offset: string;
  readonly event: CanonicalEvent;
  readonly reason: string;
}

export interface BatchPlan {
  readonly scores: RankedScoreRow[];
  readonly profiles: ContactProfileRow[];
  /** Account traits the batch's profile changes set (`company.*`), merged into their accounts' profiles. */
  readonly accountProfiles: AccountProfileRow[];
  readonly outbox: OutboxMessage[];
  readonly processed: WorkspaceEventId[];
  /** Events the engine could not score: they go to the dead-letter topic, the partition moves on. */
  readonly failures: EventFailure[];
  readonly changes: number;
}

const scoreKey = (workspace: string, model: string, contact: string) =>
  `${workspace}\u0000${model}\u0000${contact}`;
const profileKey = (workspace: string, contact: string) => `${workspace}\u0000${contact}`;

/**
 * The contacts whose stored profile a plan reads: those with a profile change (merged into the profile,
 * then refit) and those without a stored score under some model in force (a new state starts from the
 * contact's known profile, e.g. under a model applied after the contact identified).
 */
export function contactsNeedingProfiles(
  events: readonly ScorableEvent[],
  scores: readonly ContactScoreRow[],
  modelsFor: (workspace: string) => readonly ScoringModel[],
): WorkspaceContact[] {
  const stored = new Set(scores.map((row) => scoreKey(row.workspaceId, row.modelId, row.contactId)));
  const contacts = new Map<string, WorkspaceContact>();
  for (const { event } of events) {
    const { workspace, subject } = event;
    const needed =
      profileChangeOf(event) !== undefined ||
      modelsFor(workspace).some((model) => !stored.has(scoreKey(workspace, model.id, subject)));
    if (needed) contacts.set(profileKey(workspace, subject), { workspaceId: workspace, contactId: subject });
  }
  return [...contacts.values()];
}

interface Working {
  model: ScoringModel;
  state: ContactScoreState;
}

/**
 * Applies a partition's batch of events to the loaded states with the pure engine, in order, and says
 * what to write: new score rows, profiles, the score-changed events for the outbox, the processed ids.
 * An event that makes the engine throw changes nothing and is reported as a failure.
 */
export function planBatch(input: PlanInput): BatchPlan {
  const stored = new Map(
    input.scores.map((row) => [scoreKey(row.workspaceId, row.modelId, row.contactId), row]),
  );
  // Rows are built once per key at the end (a contact may take many events in one batch).
  const written = new Map<string, { workspace: string; contact: string } & Working>();
  const profiles = new Map(input.profiles.map((row) => [profileKey(row.workspaceId, row.contactId), row]));
  const touchedProfiles = new Set<string>();
  const accountProfiles = new Map<string, AccountProfileRow>();
  const outbox: OutboxMessage[] = [];
  const processed: WorkspaceEventId[] = [];
  const failures: EventFailure[] = [];

  for (const { offset, event } of input.events) {
    const { workspace, subject: contact } = event;
    const time = Date.parse(event.time);
    const profileChange = profileChangeOf(event);
    const pKey = profileKey(workspace, contact);
    const profile = profileChange ? profileAfter(profiles.get(pKey)?.traits, profileChange) : undefined;

    // Score every model on copies first, so an event that fails under one model changes none.
    const results: { key: string; working: Working; changes: readonly ScoreChange[] }[] = [];
    try {
      for (const model of input.modelsFor(workspace)) {
        const key = scoreKey(workspace, model.id, contact);
        const current = written.get(key)?.state ?? (stored.get(key)?.state as ContactScoreState | undefined);
        // The one step replays share (libs/scoring replayContact): a replay reaches this same state.
        const { state, changes } = scoreContactEvent(
          model,
          current,
          { id: event.id, source: event.source, type: event.type, data: event.data },
          time,
          { changed: profile !== undefined, fields: profile ?? profiles.get(pKey)?.traits },
        );
        results.push({ key, working: { model, state }, changes });
      }
    } catch (error) {
      failures.push({
        offset,
        event,
        reason: `scoring failed: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }

    processed.push({ workspaceId: workspace, source: event.source, eventId: event.id });
    if (profile) {
      profiles.set(pKey, {
        workspaceId: workspace,
        contactId: contact,
        traits: profile,
        updatedAt: new Date(time),
      });
      touchedProfiles.add(pKey);
      // Only the traits this event sets: those of a contact's former company stay with that company.
      const account = accountOfProfile(profile);
      const traits = profileChange && accountTraitsOf(profileChange);
      if (account !== undefined && traits !== undefined) {
        const key = profileKey(workspace, account);
        const merged = accountProfiles.get(key);
        accountProfiles.set(key, {
          workspaceId: workspace,
          accountId: account,
          traits: { ...merged?.traits, ...traits },
          updatedAt: new Date(time),
        });
      }
    }
    for (const { key, working, changes } of results) {
      written.set(key, { workspace, contact, ...working });
      for (const change of changes) {
        const payload = scoreChangedEvent(workspace, contact, change, SCORER_EVENT_SOURCE, {
          id: event.id,
          type: event.type,
        });
        outbox.push({
          eventId: payload.id,
          source: input.outboxSource,
          topic: input.scoreChangedTopic ?? Topics.scoreChanged,
          key: contactKey(workspace, contact),
          payload,
          headers: { 'content-type': 'application/cloudevents+json' },
        });
      }
    }
  }

  return {
    scores: [...written.values()].map((w) => scoreRowOf(w.workspace, w.model, w.contact, w.state)),
    profiles: [...touchedProfiles].map((key) => profiles.get(key)).filter((row) => row !== undefined),
    accountProfiles: [...accountProfiles.values()],
    outbox,
    processed,
    failures,
    changes: outbox.length,
  };
}
