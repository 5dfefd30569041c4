import {
  type EngagementRule,
  type FrequencyPoints,
  type FrequencyRange,
  type ScoringModel,
} from '@leadscore/contracts';
import { type ContactScoreState, type StateDraft } from './contact-score.state.js';
import { ruleDecayKey } from './decay-rate.js';
import { award, withdrawRule, type AppliedPoints } from './engagement-points.js';
import { DAY_MS } from './scoring-time.js';

export function isFrequencyPoints(points: EngagementRule['points']): points is FrequencyPoints {
  return typeof points === 'object' && 'ranges' in points;
}

/** A frequency rule as the engine uses it. */
interface FrequencyRule {
  readonly rule: EngagementRule;
  readonly points: FrequencyPoints;
  /** The window in milliseconds. */
  readonly window: number;
  /**
   * How many event times tell the ranges apart: from this count on, every count falls in the same range
   * (the open-ended last one, or none), so older times can be forgotten.
   */
  readonly kept: number;
}

const cache = new WeakMap<ScoringModel, ReadonlyMap<string, FrequencyRule>>();

/** The model's frequency rules by id (computed once per model object: every event and slide reads them). */
function frequencyRulesOf(model: ScoringModel): ReadonlyMap<string, FrequencyRule> {
  let rules = cache.get(model);
  if (!rules) {
    const byId = new Map<string, FrequencyRule>();
    for (const rule of model.engagement ?? []) {
      const points = rule.points;
      if (!isFrequencyPoints(points)) continue;
      const kept = Math.max(...points.ranges.map((r) => (r.max === undefined ? r.min : r.max + 1)));
      byId.set(rule.id, { rule, points, window: Math.round(points.withinDays * DAY_MS), kept });
    }
    rules = byId;
    cache.set(model, rules);
  }
  return rules;
}

const rangeOf = (points: FrequencyPoints, count: number): FrequencyRange | undefined =>
  points.ranges.find((r) => count >= r.min && (r.max === undefined || count <= r.max));

function store(draft: StateDraft, ruleId: string, times: readonly number[]): void {
  const marks = (draft.frequency ??= {});
  if (times.length > 0) marks[ruleId] = times;
  else {
    delete marks[ruleId];
    if (Object.keys(marks).length === 0) delete draft.frequency;
  }
}

/**
 * The count moved from range `left` into range `entered` (from below when a new event lifted it, from
 * above when events left the window). With `takeBack` the rule's points (what the range left gave,
 * after decay) are taken back and the new range's given, so the rule is worth the range the count is
 * in; without it, only an entry from below gives points and nothing is taken back.
 */
function changeRange(
  model: ScoringModel,
  draft: StateDraft,
  frequency: FrequencyRule,
  entered: FrequencyRange | undefined,
  fromBelow: boolean,
  at: number,
  eventId: string | null,
): AppliedPoints[] {
  const applied: AppliedPoints[] = [];
  const takeBack = frequency.points.takeBack ?? true;
  if (takeBack) {
    const withdrawn = withdrawRule(draft, frequency.rule.id, at);
    if (withdrawn) applied.push(withdrawn);
  }
  if (entered !== undefined && (takeBack || fromBelow)) {
    applied.push(
      award(model, draft, {
        ruleId: frequency.rule.id,
        kind: 'engagement',
        points: entered.points,
        decay: ruleDecayKey(model, frequency.rule.decay),
        expiresAfterDays: undefined,
        eventId,
        at,
      }),
    );
  }
  return applied;
}

/** Counts a matching event at `at` for a frequency rule: points when the count enters a new range. */
export function countEvent(
  model: ScoringModel,
  draft: StateDraft,
  ruleId: string,
  at: number,
  eventId: string,
): AppliedPoints[] {
  const frequency = frequencyRulesOf(model).get(ruleId);
  if (!frequency) return [];
  const before = draft.frequency?.[ruleId] ?? [];
  const times = before.length < frequency.kept ? [...before, at] : [...before.slice(1), at];
  store(draft, ruleId, times);
  const left = rangeOf(frequency.points, before.length);
  const entered = rangeOf(frequency.points, times.length);
  return left === entered ? [] : changeRange(model, draft, frequency, entered, true, at, eventId);
}

/** The next time an event leaves a frequency rule's window (undefined: no counted events). */
export function nextSlide(
  model: ScoringModel,
  draft: Pick<ContactScoreState, 'frequency'>,
): { at: number; ruleId: string } | undefined {
  const marks = draft.frequency;
  if (marks === undefined) return undefined;
  const rules = frequencyRulesOf(model);
  let next: { at: number; ruleId: string } | undefined;
  for (const ruleId in marks) {
    const oldest = marks[ruleId]?.[0];
    const frequency = rules.get(ruleId);
    if (oldest === undefined || !frequency) continue;
    const at = oldest + frequency.window;
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
  const frequency = frequencyRulesOf(model).get(ruleId);
  const before = draft.frequency?.[ruleId];
  if (!frequency || !before) return [];
  // The same sum as nextSlide's, so the event that came due here always leaves (no float drift).
  const times = before.filter((time) => time + frequency.window > at);
  store(draft, ruleId, times);
  const left = rangeOf(frequency.points, before.length);
  const entered = rangeOf(frequency.points, times.length);
  return left === entered ? [] : changeRange(model, draft, frequency, entered, false, at, null);
}

/**
 * Forgets the counts of rules the model no longer scores by frequency: their points stay and decay like
 * those of any removed rule, but no window slides for them any more (rescoring replays what they were).
 */
export function forgetVanishedFrequencyRules(model: ScoringModel, draft: StateDraft): void {
  if (draft.frequency === undefined) return;
  const rules = frequencyRulesOf(model);
  for (const ruleId of Object.keys(draft.frequency)) if (!rules.has(ruleId)) store(draft, ruleId, []);
}

/** Where a frequency rule's count stands at a time, for explanations. */
export interface FrequencyCount {
  readonly ruleId: string;
  /** Matching events within the window; with `orMore`, at least this many (the ranges tell no more apart). */
  readonly count: number;
  readonly orMore: boolean;
  readonly withinDays: number;
  /** The range the count is in (null: none). */
  readonly range: { readonly min: number; readonly max: number | null; readonly points: number } | null;
  /** When the oldest counted event leaves the window (null: none counted). */
  readonly oldestLeavesAt: number | null;
}

/** Every frequency rule's count in `draft` (settled to the time asked), in the model's order. */
export function frequencyCountsOf(model: ScoringModel, draft: StateDraft): FrequencyCount[] {
  return [...frequencyRulesOf(model).values()].map(({ rule, points, window, kept }) => {
    const times = draft.frequency?.[rule.id] ?? [];
    const range = rangeOf(points, times.length);
    const oldest = times[0];
    return {
      ruleId: rule.id,
      count: times.length,
      orMore: times.length === kept,
      withinDays: points.withinDays,
      range: range ? { min: range.min, max: range.max ?? null, points: range.points } : null,
      oldestLeavesAt: oldest === undefined ? null : oldest + window,
    };
  });
}
