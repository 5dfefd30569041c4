import { type ScoringModel } from '@leadscore/contracts';
import { draftOf, type ContactScoreState, type StateDraft } from './contact-score.state.js';
import { ruleDecayKey } from './decay-rate.js';
import {
  award,
  expireFirstAward,
  pruneNegligible,
  rebaseEngagement,
  type AppliedPoints,
} from './engagement-points.js';
import { finish, type ScoreCause, type ScoringResult } from './score-change.js';
import { forgetVanishedFrequencyRules, nextSlide, slideWindow } from './frequency-points.js';
import { DAY_MS, effectiveTime } from './scoring-time.js';

/** `frequency`: events leaving the rolling window of a frequency rule. */
export type TimeEffect = 'expiry' | 'absence' | 'frequency' | 'inactivity';

const ALL_EFFECTS: ReadonlySet<TimeEffect> = new Set(['expiry', 'absence', 'frequency', 'inactivity']);

/** An absence whose window has ended without the expected follow-up. */
export interface DueAbsence {
  readonly ruleId: string;
  readonly triggerEventId: string;
  readonly triggeredAt: number;
  readonly dueAt: number;
  /** The penalty the rule applies (before caps). */
  readonly points: number;
}

function nextInactivityPenalty(
  model: ScoringModel,
  draft: Pick<ContactScoreState, 'lastEngagementAt' | 'createdAt' | 'inactivity'>,
): { at: number; ruleId: string } | undefined {
  const anchor = draft.lastEngagementAt ?? draft.createdAt;
  let next: { at: number; ruleId: string } | undefined;
  for (const rule of model.inactivity ?? []) {
    const mark = draft.inactivity[rule.id];
    const applied = mark?.anchor === anchor ? mark.penalties : 0;
    if (applied >= 1 && rule.repeat !== true) continue;
    const at = anchor + (applied + 1) * Math.round(rule.afterDays * DAY_MS);
    if (!next || at < next.at) next = { at, ruleId: rule.id };
  }
  return next;
}

function nextAbsence(draft: Pick<ContactScoreState, 'pendingAbsences'>): number {
  let best = -1;
  draft.pendingAbsences.forEach((pending, index) => {
    const current = draft.pendingAbsences[best];
    if (!current || pending.dueAt < current.dueAt) best = index;
  });
  return best;
}

/**
 * When the next time effect of a state comes due (the earliest of its first award's end, its first
 * absence's window end, its first event leaving a frequency window, its next inactivity penalty), or
 * undefined when none is waiting. Reads the state only.
 */
export function nextTimeEffectAt(model: ScoringModel, state: ContactScoreState): number | undefined {
  const absence = state.pendingAbsences[nextAbsence(state)];
  const times = [
    state.awards[0]?.expiresAt,
    absence?.dueAt,
    nextSlide(model, state)?.at,
    nextInactivityPenalty(model, state)?.at,
  ].filter((t): t is number => t !== undefined);
  return times.length === 0 ? undefined : Math.min(...times);
}

/**
 * Applies, in time order and each at its own exact time, every time effect that has come due by `until`:
 * awards whose lifetime ended, absences whose window ended, events leaving a frequency rule's window,
 * inactivity penalties. At equal times expiry goes first, then absences, then frequency, then inactivity.
 */
export function settle(
  model: ScoringModel,
  draft: StateDraft,
  until: number,
  effects: ReadonlySet<TimeEffect> = ALL_EFFECTS,
): AppliedPoints[] {
  const applied: AppliedPoints[] = [];
  forgetVanishedFrequencyRules(model, draft);
  for (;;) {
    const expiry = effects.has('expiry') ? draft.awards[0]?.expiresAt : undefined;
    const absenceIndex = effects.has('absence') ? nextAbsence(draft) : -1;
    const absence = draft.pendingAbsences[absenceIndex];
    const slide = effects.has('frequency') ? nextSlide(model, draft) : undefined;
    const inactivity = effects.has('inactivity') ? nextInactivityPenalty(model, draft) : undefined;
    const times = [expiry, absence?.dueAt, slide?.at, inactivity?.at].filter(
      (t): t is number => t !== undefined && t <= until,
    );
    if (times.length === 0) return applied;
    const at = Math.min(...times);
    if (expiry === at) {
      const expired = expireFirstAward(draft);
      if (expired) applied.push(expired);
    } else if (absence && absence.dueAt === at) {
      draft.pendingAbsences.splice(absenceIndex, 1);
      const rule = (model.absence ?? []).find((r) => r.id === absence.ruleId);
      // A pending absence of a rule the current model no longer has lapses without a penalty.
      if (rule) {
        applied.push(
          award(model, draft, {
            ruleId: rule.id,
            kind: 'absence',
            points: rule.points,
            decay: ruleDecayKey(model, rule.decay),
            expiresAfterDays: rule.expiresAfterDays,
            eventId: absence.triggerEventId,
            at,
          }),
        );
      }
    } else if (slide && slide.at === at) {
      applied.push(...slideWindow(model, draft, slide.ruleId, at));
    } else if (inactivity) {
      const rule = (model.inactivity ?? []).find((r) => r.id === inactivity.ruleId);
      if (!rule) return applied;
      const anchor = draft.lastEngagementAt ?? draft.createdAt;
      const mark = draft.inactivity[rule.id];
      draft.inactivity[rule.id] = { anchor, penalties: (mark?.anchor === anchor ? mark.penalties : 0) + 1 };
      applied.push(
        award(model, draft, {
          ruleId: rule.id,
          kind: 'inactivity',
          points: rule.points,
          decay: ruleDecayKey(model, rule.decay),
          expiresAfterDays: rule.expiresAfterDays,
          eventId: null,
          at,
        }),
      );
    }
  }
}

function causeOf(applied: readonly AppliedPoints[], otherwise: ScoreCause): ScoreCause {
  const last = applied[applied.length - 1];
  if (!last) return otherwise;
  // Settling gives engagement points only where a frequency rule's count slid into a lower range: the
  // window's end, like an expiry.
  if (last.outcome === 'expired' || last.kind === 'engagement') return { type: 'expiry' };
  return last.kind === 'absence'
    ? { type: 'absence' }
    : last.kind === 'inactivity'
      ? { type: 'inactivity' }
      : otherwise;
}

function runEffects(
  model: ScoringModel,
  state: ContactScoreState,
  now: number,
  effects: ReadonlySet<TimeEffect>,
  cause: ScoreCause,
): ScoringResult {
  const time = effectiveTime(now, state.asOf);
  const draft = draftOf(state, model);
  const applied = settle(model, draft, time, effects);
  return finish(model, draft, time, causeOf(applied, cause), applied);
}

/**
 * Brings a state up to `now`: every expiry, absence and inactivity penalty that came due, each at its
 * exact time, then decay. What the decay service runs for each contact on its schedule. Engagement
 * entries are not rewritten as of `now` (decay is analytic from their own `asOf`), only residue is
 * dropped: when nothing came due, the new state differs from the old only in `asOf`, `model`, `reported`
 * and `sequence` (see `onlyReportChanged`).
 */
export function advanceTo(model: ScoringModel, state: ContactScoreState, now: number): ScoringResult {
  const time = effectiveTime(now, state.asOf);
  const draft = draftOf(state, model);
  const applied = settle(model, draft, time);
  pruneNegligible(draft, time);
  return finish(model, draft, time, causeOf(applied, { type: 'decay' }), applied);
}

/**
 * Decay only: rewrites engagement as of `now` and publishes the decayed scores if they moved. Decay is
 * analytic, so any number of calls gives the same result as one.
 */
export function decayTo(model: ScoringModel, state: ContactScoreState, now: number): ScoringResult {
  const time = effectiveTime(now, state.asOf);
  const draft = draftOf(state, model);
  rebaseEngagement(draft, time);
  return finish(model, draft, time, { type: 'decay' }, []);
}

/** Removes the awards whose lifetime ended by `now`, each exactly at its end. */
export function expireAwards(model: ScoringModel, state: ContactScoreState, now: number): ScoringResult {
  return runEffects(model, state, now, new Set(['expiry']), { type: 'expiry' });
}

/** Applies the inactivity penalties that came due by `now`, each at the moment it came due. */
export function applyInactivity(model: ScoringModel, state: ContactScoreState, now: number): ScoringResult {
  return runEffects(model, state, now, new Set(['inactivity']), { type: 'inactivity' });
}

/** Applies the absence penalties whose window ended by `now`, each at its window's end. */
export function applyAbsences(model: ScoringModel, state: ContactScoreState, now: number): ScoringResult {
  return runEffects(model, state, now, new Set(['absence']), { type: 'absence' });
}

/** The absences whose window has ended by `now` without the follow-up (a query: the state is unchanged). */
export function dueAbsences(model: ScoringModel, state: ContactScoreState, now: number): DueAbsence[] {
  const time = effectiveTime(now, state.asOf);
  return state.pendingAbsences
    .filter((pending) => pending.dueAt <= time)
    .flatMap((pending) => {
      const rule = (model.absence ?? []).find((r) => r.id === pending.ruleId);
      return rule
        ? [
            {
              ruleId: rule.id,
              triggerEventId: pending.triggerEventId,
              triggeredAt: pending.triggeredAt,
              dueAt: pending.dueAt,
              points: rule.points,
            },
          ]
        : [];
    })
    .sort((a, b) => a.dueAt - b.dueAt);
}
