import { type ScoringModel } from '@leadscore/contracts';
import { alreadyApplied, applyEvent, rememberedEventKey, type ScoringEvent } from './apply-event.js';
import { draftOf, emptyState, type ContactScoreState, type StateDraft } from './contact-score.state.js';
import { refit, type ContactProfile } from './refit.js';
import { accountOfProfile, accountTraitsOf } from './accounts.js';
import { scoreOfState, snapshotOf } from './score.js';
import {
  finish,
  finishAccountChange,
  sameScores,
  zeroSnapshot,
  type ScoreCause,
  type ScoreChange,
  type ScoringResult,
} from './score-change.js';
import { advanceTo } from './time-effects.js';

/** The event types whose `traits` change the contact's profile, and so its fit. */
const PROFILE_EVENT_TYPES: ReadonlySet<string> = new Set(['contact.identified', 'contact.updated']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The profile fields an event sets (an identify or update), or undefined when it does not touch the profile. */
export function profileChangeOf(event: Pick<ScoringEvent, 'type' | 'data'>): ContactProfile | undefined {
  if (!PROFILE_EVENT_TYPES.has(event.type)) return undefined;
  const traits = isRecord(event.data) ? event.data['traits'] : undefined;
  return isRecord(traits) ? traits : {};
}

/** A contact's profile after an event: later fields win, field by field. */
export function profileAfter(profile: ContactProfile | undefined, change: ContactProfile): ContactProfile {
  return { ...profile, ...change };
}

/** What one event did to one contact under one model: the new state and the changes it published, in order. */
export interface ContactStep {
  readonly state: ContactScoreState;
  readonly changes: readonly ScoreChange[];
}

/**
 * Scores one event of one contact under one model exactly as the scorer does, so that a replay reaches
 * the live state: a profile change refits from `profile` (the profile after the event); a contact without
 * a state yet starts empty at the event's time, fitted from `profile` when one is known; then the event.
 */
export function scoreContactEvent(
  model: ScoringModel,
  current: ContactScoreState | undefined,
  event: ScoringEvent,
  time: number,
  profile: { readonly changed: boolean; readonly fields: ContactProfile | undefined },
): ContactStep {
  let state = current ?? emptyState(model, time);
  const changes: ScoreChange[] = [];
  const collect = (result: ScoringResult): void => {
    state = result.state;
    if (result.change) changes.push(result.change);
  };
  const fitFrom = profile.changed || current === undefined ? profile.fields : undefined;
  // The account follows the profile; set before scoring, so every change of this step carries it. An
  // event applied before (a redelivery) moves nothing.
  const repeated = current !== undefined && alreadyApplied(current, event);
  const account = fitFrom && !repeated ? accountOfProfile(fitFrom) : state.account;
  const moved = account !== state.account;
  if (moved) state = withAccount(state, account);
  if (fitFrom) collect(refit(model, state, fitFrom, time, null));
  collect(applyEvent(model, state, event, time));
  const change = profile.changed && !repeated ? profileChangeOf(event) : undefined;
  const retraited = account !== undefined && change !== undefined && accountTraitsOf(change) !== undefined;
  if ((moved || retraited) && changes.length === 0) {
    collect(
      finishAccountChange(model, draftOf(state, model), time, {
        type: 'event',
        eventId: event.id,
        eventType: event.type,
      }),
    );
  }
  return { state, changes };
}

function withAccount(state: ContactScoreState, account: string | undefined): ContactScoreState {
  if (account !== undefined) return { ...state, account };
  const { account: _left, ...rest } = state;
  return rest;
}

/** An event as replay needs it: what the engine reads, and the event's own time (epoch ms). */
export interface ReplayEvent extends ScoringEvent {
  readonly time: number;
}

export interface ContactReplay {
  /** The state the events lead to (undefined when there were none to apply). */
  readonly state: ContactScoreState | undefined;
  /** The profile the events leave (the starting profile with every change applied in order). */
  readonly profile: ContactProfile;
  /** Every change the live scorer would have published on the way (time effects included as of `until`). */
  readonly changes: readonly ScoreChange[];
  /** Events the engine refused (the scorer sends such an event to the dead-letter topic and moves on). */
  readonly refused: readonly { readonly event: ReplayEvent; readonly reason: string }[];
}

/**
 * Replays one contact's events under `model`, in the order given, from nothing: the state the live
 * scorer reaches applying the same events in the same order (the decay service's passes in between
 * change nothing the scores show: time effects are analytic and settle at their own times). An event
 * seen before (same source and id) is applied once, as the scorer's dedupe does. `profile` is what was
 * known of the contact before the first event; `until` brings time effects up to that time at the end.
 * Pure: the merge of two contacts and a rescore both re-derive states with it.
 */
export function replayContact(
  model: ScoringModel,
  events: readonly ReplayEvent[],
  options: { readonly profile?: ContactProfile; readonly until?: number } = {},
): ContactReplay {
  let state: ContactScoreState | undefined;
  let profile = options.profile;
  const changes: ScoreChange[] = [];
  const refused: { event: ReplayEvent; reason: string }[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    const key = rememberedEventKey(event);
    if (seen.has(key)) continue;
    seen.add(key);
    const change = profileChangeOf(event);
    const fields = change ? profileAfter(profile, change) : profile;
    let step: ContactStep;
    try {
      step = scoreContactEvent(model, state, event, event.time, { changed: change !== undefined, fields });
    } catch (error) {
      refused.push({ event, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    state = step.state;
    profile = fields;
    changes.push(...step.changes);
  }
  if (state && options.until !== undefined) {
    const advanced = advanceTo(model, state, options.until);
    state = advanced.state;
    if (advanced.change) changes.push(advanced.change);
  }
  return { state, profile: profile ?? {}, changes, refused };
}

/**
 * Puts a re-derived state in place of a contact's live one at `at`: the substance (scores, counters,
 * awards, remembered ids) is the replay's, the published history (the last reported scores and the
 * gapless sequence) continues the live state's, so the one change this publishes (cause `cause`) goes
 * from what subscribers last saw to the re-derived scores. No change when those look the same.
 */
export function adoptState(
  model: ScoringModel,
  live: ContactScoreState | undefined,
  derived: ContactScoreState,
  at: number,
  cause: ScoreCause,
): ScoringResult {
  const { draft, time } = adoptedDraft(model, live, derived, at);
  const result = finish(model, draft, time, cause, []);
  // Same scores in another account (or none): still a change, for the account roll-up.
  if (result.change || live === undefined || draft.account === live.account) return result;
  return finishAccountChange(model, draft, time, cause);
}

/** The re-derived state at the later of `at` and both states' times, carrying the live published history. */
function adoptedDraft(
  model: ScoringModel,
  live: ContactScoreState | undefined,
  derived: ContactScoreState,
  at: number,
): { draft: StateDraft; time: number } {
  // Never behind either state: operations do not move a contact's time backwards.
  const time = Math.max(at, derived.asOf, live?.asOf ?? at);
  const draft = draftOf(advanceTo(model, derived, time).state, model);
  draft.reported = live?.reported ?? null;
  draft.sequence = live?.sequence ?? 0;
  return { draft, time };
}

/**
 * Puts a rescore's re-derived state in place of a contact's live one at `at` (adoptState), publishing
 * one change only when the rescore moves what the contact shows: the new version alone changes what the
 * live state showed when last touched (a new tier line, grade band or cap: after every operation the
 * live state shows what it last published), or the replay's scores at `at` differ from the live state's
 * under the same version at the same time, or the account changed. Otherwise the re-derived substance is
 * kept with the live state's published history and no change: time alone (decay the decay service has
 * yet to publish) is not the rescore's to announce.
 */
export function rescoreState(
  model: ScoringModel,
  live: ContactScoreState | undefined,
  derived: ContactScoreState,
  at: number,
  cause: ScoreCause,
): ScoringResult {
  if (live === undefined) return adoptState(model, live, derived, at, cause);
  const { draft, time } = adoptedDraft(model, live, derived, at);
  const shown = snapshotOf(scoreOfState(model, draft, time));
  const liveShown = snapshotOf(scoreOfState(model, advanceTo(model, live, time).state, time));
  const liveShownThen = snapshotOf(scoreOfState(model, live, live.asOf));
  const moved =
    !sameScores(live.reported ?? zeroSnapshot(model), liveShownThen) ||
    !sameScores(liveShown, shown) ||
    draft.account !== live.account;
  if (moved) return adoptState(model, live, derived, time, cause);
  draft.asOf = Math.max(draft.asOf, time);
  return { state: draft };
}
