import {
  type EngagementRule,
  type FrequencyPoints,
  type FrequencyRange,
  type ScoringModel,
} from '@leadscore/contracts';
import { type CountRange, type FrequencyMark, type StateDraft } from './contact-score.state.js';
import { ruleDecayKey } from './decay-rate.js';
import { award, takeBackAward, type AppliedPoints } from './engagement-points.js';
import { DAY_MS } from './scoring-time.js';

/** An engagement rule that scores by frequency. */
export type FrequencyRule = EngagementRule & { readonly points: FrequencyPoints };

export function isFrequencyRule(rule: EngagementRule): rule is FrequencyRule {
  return isFrequencyPoints(rule.points);
}

export function isFrequencyPoints(points: EngagementRule['points']): points is FrequencyPoints {
  return typeof points === 'object' && 'ranges' in points;
}

const windowOf = (points: FrequencyPoints): number => Math.round(points.withinDays * DAY_MS);

/**
 * How many event times a rule needs to tell its ranges apart: from this count on, every count falls in
 * the same range (the open-ended last one, or none), so older times can be forgotten.
 */
function timesKept(points: FrequencyPoints): number {
  return Math.max(...points.ranges.map((range) => (range.max === undefined ? range.min : range.max + 1)));
}

function rangeOf(points: FrequencyPoints, count: number): FrequencyRange | undefined {
  return points.ranges.find((r) => count >= r.min && (r.max === undefined || count <= r.max));
}

const boundsOf = (range: FrequencyRange | undefined): CountRange | null =>
  range === undefined ? null : { min: range.min, max: range.max ?? null };

const sameRange = (a: CountRange | null, b: CountRange | null): boolean =>
  a === b || (a !== null && b !== null && a.min === b.min && a.max === b.max);

function frequencyRuleOf(model: ScoringModel, ruleId: string): FrequencyRule | undefined {
  const rule = (model.engagement ?? []).find((r) => r.id === ruleId);
  return rule && isFrequencyRule(rule) ? rule : undefined;
}

function store(draft: StateDraft, ruleId: string, mark: FrequencyMark): void {
  const marks = (draft.frequency ??= {});
  if (mark.times.length === 0 && mark.range === null && mark.award === null) {
    delete marks[ruleId];
    if (Object.keys(marks).length === 0) delete draft.frequency;
  } else marks[ruleId] = mark;
}

/**
 * Moves a rule's count into `entered` (from below when a new event lifted the count, from above when
 * events left the window). With `takeBack` the points of the range left are taken back and the new
 * range's points given, so the rule is worth the range the count is in; without it, only an entry from
 * below gives points and nothing is taken back.
 */
function enterRange(
  model: ScoringModel,
  draft: StateDraft,
  rule: EngagementRule & { readonly points: FrequencyPoints },
  mark: FrequencyMark,
  entered: FrequencyRange | undefined,
  fromBelow: boolean,
  at: number,
  eventId: string | null,
): { mark: FrequencyMark; applied: AppliedPoints[] } {
  const applied: AppliedPoints[] = [];
  const takeBack = rule.points.takeBack ?? true;
  if (takeBack && mark.award !== null)
    applied.push(takeBackAward(draft, { ruleId: rule.id, kind: 'engagement', ...mark.award }, at));
  let given: FrequencyMark['award'] = null;
  if (entered !== undefined && (takeBack || fromBelow)) {
    const decay = ruleDecayKey(model, rule.decay);
    const result = award(model, draft, {
      ruleId: rule.id,
      kind: 'engagement',
      points: entered.points,
      decay,
      expiresAfterDays: undefined,
      eventId,
      at,
    });
    applied.push(result);
    if (takeBack && result.points !== 0) given = { points: result.points, decay, awardedAt: at, eventId };
  }
  return { mark: { times: mark.times, range: boundsOf(entered), award: given }, applied };
}

/** Counts a matching event at `at` for a frequency rule: points when the count enters a new range. */
export function countEvent(
  model: ScoringModel,
  draft: StateDraft,
  rule: EngagementRule,
  points: FrequencyPoints,
  at: number,
  eventId: string,
): AppliedPoints[] {
  const before = draft.frequency?.[rule.id] ?? { times: [], range: null, award: null };
  const times = [...before.times, at].slice(-timesKept(points));
  const counted: FrequencyMark = { ...before, times };
  const entered = rangeOf(points, times.length);
  if (sameRange(boundsOf(entered), before.range)) {
    store(draft, rule.id, counted);
    return [];
  }
  const { mark, applied } = enterRange(
    model,
    draft,
    { ...rule, points },
    counted,
    entered,
    true,
    at,
    eventId,
  );
  store(draft, rule.id, mark);
  return applied;
}

/** The next time an event leaves a frequency rule's window (undefined: no counted events). */
export function nextSlide(
  model: ScoringModel,
  draft: StateDraft,
): { at: number; ruleId: string } | undefined {
  let next: { at: number; ruleId: string } | undefined;
  for (const [ruleId, mark] of Object.entries(draft.frequency ?? {})) {
    const oldest = mark.times[0];
    const rule = frequencyRuleOf(model, ruleId);
    if (oldest === undefined || !rule) continue;
    const at = oldest + windowOf(rule.points);
    if (!next || at < next.at) next = { at, ruleId };
  }
  return next;
}

/** Events leave the rule's window at `at`: points change when the count falls out of its range. */
export function slideWindow(
  model: ScoringModel,
  draft: StateDraft,
  ruleId: string,
  at: number,
): AppliedPoints[] {
  const rule = frequencyRuleOf(model, ruleId);
  const before = draft.frequency?.[ruleId];
  if (!rule || !before) return [];
  const window = windowOf(rule.points);
  // The same sum as nextSlide's, so the event that came due here always leaves (no float drift).
  const slid: FrequencyMark = { ...before, times: before.times.filter((time) => time + window > at) };
  const entered = rangeOf(rule.points, slid.times.length);
  if (sameRange(boundsOf(entered), before.range)) {
    store(draft, ruleId, slid);
    return [];
  }
  const { mark, applied } = enterRange(model, draft, rule, slid, entered, false, at, null);
  store(draft, ruleId, mark);
  return applied;
}

/**
 * Forgets the counts of rules the model no longer scores by frequency: their points stay and decay like
 * those of any removed rule, but no window slides for them any more (rescoring replays what they were).
 */
export function forgetVanishedFrequencyRules(model: ScoringModel, draft: StateDraft): void {
  for (const ruleId of Object.keys(draft.frequency ?? {}))
    if (!frequencyRuleOf(model, ruleId)) store(draft, ruleId, { times: [], range: null, award: null });
}
