import { type ScoringModel } from '@leadscore/contracts';
import {
  type ContributionKind,
  type ContactScoreState,
  type ExpiringAward,
  type StateDraft,
} from './contact-score.state.js';
import { decayFactor, type DecayKey } from './decay-rate.js';
import { groupsOf } from './score-groups.js';
import { DAY_MS } from './scoring-time.js';
import { pointsWithinLimits } from './limits.js';

/** Below this, a bucket or rule contribution is floating-point residue and is dropped. */
const NEGLIGIBLE = 1e-9;

/** What one step did to the score, for the change's explanation. */
export interface AppliedPoints {
  readonly ruleId: string;
  readonly kind: ContributionKind;
  /**
   * `awarded`: the rule's points in full; `capped`: cut by the model's caps; `limited`: stopped by the
   * rule's limits (0 points); `expired`: an award's lifetime ended (negative: what it was still worth);
   * `refit`: a fit rule started or stopped matching.
   */
  readonly outcome: 'awarded' | 'capped' | 'limited' | 'expired' | 'refit';
  /** The change to the raw score, at `at`. */
  readonly points: number;
  readonly eventId: string | null;
  readonly at: number;
}

export function awardValueAt(award: ExpiringAward, time: number): number {
  return award.points * decayFactor(award.decay, time - award.awardedAt);
}

/**
 * Engagement before caps at `time`: every bucket decayed to `time`, less the awards whose lifetime has
 * ended by then, whether or not expireAwards has run yet. Reading never depends on housekeeping.
 */
export function rawEngagementAt(state: ContactScoreState, time: number): number {
  let total = 0;
  for (const [key, bucket] of Object.entries(state.engagement.buckets))
    total += bucket.value * decayFactor(key, time - bucket.asOf);
  for (const award of state.awards) {
    if (award.expiresAt > time) break;
    total -= awardValueAt(award, time);
  }
  return total;
}

/** One rule's engagement contribution at `time`, with ended awards left out. */
export function ruleValueAt(state: ContactScoreState, ruleId: string, time: number): number {
  const rule = state.engagement.rules[ruleId];
  if (!rule) return 0;
  let value = rule.value * decayFactor(rule.decay, time - rule.asOf);
  for (const award of state.awards) {
    if (award.expiresAt > time) break;
    if (award.ruleId === ruleId) value -= awardValueAt(award, time);
  }
  return value;
}

/** Adds points made at `at` to a value kept as of `asOf`, exactly, whichever of the two is later. */
function fold(entry: { value: number; asOf: number }, key: DecayKey, points: number, at: number): void {
  if (at >= entry.asOf) {
    entry.value = entry.value * decayFactor(key, at - entry.asOf) + points;
    entry.asOf = at;
  } else {
    entry.value += points * decayFactor(key, entry.asOf - at);
  }
}

function addEngagement(
  draft: StateDraft,
  change: {
    ruleId: string;
    kind: Exclude<ContributionKind, 'fit'>;
    decay: DecayKey;
    points: number;
    at: number;
    eventId: string | null;
  },
): void {
  const bucket = (draft.engagement.buckets[change.decay] ??= { value: 0, asOf: change.at });
  fold(bucket, change.decay, change.points, change.at);
  if (Math.abs(bucket.value) < NEGLIGIBLE) delete draft.engagement.buckets[change.decay];
  const rule = (draft.engagement.rules[change.ruleId] ??= {
    kind: change.kind,
    decay: change.decay,
    value: 0,
    asOf: change.at,
    lastEventId: null,
  });
  fold(rule, change.decay, change.points, change.at);
  if (change.eventId !== null) rule.lastEventId = change.eventId;
  if (Math.abs(rule.value) < NEGLIGIBLE) delete draft.engagement.rules[change.ruleId];
}

export interface AwardRequest {
  readonly ruleId: string;
  readonly kind: Exclude<ContributionKind, 'fit'>;
  readonly points: number;
  readonly decay: DecayKey;
  readonly expiresAfterDays: number | undefined;
  readonly eventId: string | null;
  readonly at: number;
}

/**
 * Awards a rule's points at `at`. Points that would push the rule's score group beyond its limits, or
 * engagement beyond the model's caps, are cut (HubSpot-style maximum: further points are not awarded,
 * so decay brings the score down from the limit).
 */
export function award(model: ScoringModel, draft: StateDraft, request: AwardRequest): AppliedPoints {
  const time = Math.max(request.at, draft.asOf);
  let points = request.points;
  // The rule's score group first (its rules together within the group's limits), then the model's caps.
  const group = groupsOf(model).byRule.get(request.ruleId);
  if (group) {
    const value = group.rules.reduce((total, ruleId) => total + ruleValueAt(draft, ruleId, time), 0);
    points = pointsWithinLimits(points, value, group.min, group.max);
  }
  const caps = model.caps;
  points = pointsWithinLimits(points, rawEngagementAt(draft, time), caps?.minEngagement, caps?.maxEngagement);
  if (points !== 0) {
    addEngagement(draft, { ...request, points });
    if (request.expiresAfterDays !== undefined) {
      const expiring: ExpiringAward = {
        ruleId: request.ruleId,
        kind: request.kind,
        eventId: request.eventId,
        points,
        decay: request.decay,
        awardedAt: request.at,
        expiresAt: request.at + Math.round(request.expiresAfterDays * DAY_MS),
      };
      const index = draft.awards.findIndex((a) => a.expiresAt > expiring.expiresAt);
      draft.awards.splice(index === -1 ? draft.awards.length : index, 0, expiring);
    }
  }
  return {
    ruleId: request.ruleId,
    kind: request.kind,
    outcome: points === request.points ? 'awarded' : 'capped',
    points,
    eventId: request.eventId,
    at: request.at,
  };
}

/**
 * Takes `worth` off a rule's engagement at `at`: an `expired` step, whether an award's lifetime ended or
 * the frequency range its points were given for was left.
 */
function takeBack(
  draft: StateDraft,
  rule: { ruleId: string; kind: Exclude<ContributionKind, 'fit'>; decay: DecayKey },
  worth: number,
  eventId: string | null,
  at: number,
): AppliedPoints {
  const { ruleId, kind, decay } = rule;
  addEngagement(draft, { ruleId, kind, decay, points: -worth, at, eventId: null });
  return { ruleId, kind, outcome: 'expired', points: -worth, eventId, at };
}

/**
 * Takes back everything a rule is worth at `at` (its points after decay), reported with the event behind
 * its latest points. Undefined when the rule is worth nothing.
 */
export function withdrawRule(draft: StateDraft, ruleId: string, at: number): AppliedPoints | undefined {
  const rule = draft.engagement.rules[ruleId];
  const worth = ruleValueAt(draft, ruleId, at);
  if (!rule || Math.abs(worth) < NEGLIGIBLE) return undefined;
  return takeBack(draft, { ruleId, kind: rule.kind, decay: rule.decay }, worth, rule.lastEventId, at);
}

/** Removes the first award (the next to expire), taking away exactly what it is worth at its expiry. */
export function expireFirstAward(draft: StateDraft): AppliedPoints | undefined {
  const expiring = draft.awards.shift();
  if (!expiring) return undefined;
  const worth = awardValueAt(expiring, expiring.expiresAt);
  return takeBack(draft, expiring, worth, expiring.eventId, expiring.expiresAt);
}

/** Rewrites every bucket and rule contribution as of `time` (same score, fresher `asOf`). */
export function rebaseEngagement(draft: StateDraft, time: number): void {
  const rebase = (entry: { value: number; asOf: number }, decay: DecayKey): boolean => {
    if (time > entry.asOf) {
      entry.value *= decayFactor(decay, time - entry.asOf);
      entry.asOf = time;
    }
    return Math.abs(entry.value) >= NEGLIGIBLE;
  };
  const { buckets, rules } = draft.engagement;
  for (const [key, bucket] of Object.entries(buckets)) if (!rebase(bucket, key)) delete buckets[key];
  for (const [ruleId, rule] of Object.entries(rules)) if (!rebase(rule, rule.decay)) delete rules[ruleId];
}

/**
 * Drops the buckets and rule contributions that have decayed to residue by `time`, and leaves the rest
 * as they are: decay is analytic from each entry's own `asOf`, so an entry need not be rewritten to stay
 * exact, and a state that only decayed differs from its predecessor in its report alone (which is what
 * lets the decay service write back a few fields instead of the whole state).
 */
export function pruneNegligible(draft: StateDraft, time: number): void {
  const negligible = (entry: { value: number; asOf: number }, decay: DecayKey): boolean =>
    Math.abs(entry.value * decayFactor(decay, Math.max(0, time - entry.asOf))) < NEGLIGIBLE;
  const { buckets, rules } = draft.engagement;
  for (const [key, bucket] of Object.entries(buckets)) if (negligible(bucket, key)) delete buckets[key];
  for (const [ruleId, rule] of Object.entries(rules)) if (negligible(rule, rule.decay)) delete rules[ruleId];
}
