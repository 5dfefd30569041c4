import { type ScoringModel } from '@leadscore/contracts';
import { draftOf, PROCESSED_EVENT_IDS_KEPT, type ContactScoreState } from './contact-score.state.js';
import { type AppliedPoints } from './engagement-points.js';
import { conditionHolds } from './field-conditions.js';
import { withFitGroupLimits } from './score-groups.js';
import { pointsOf } from './value-points.js';
import { rememberPredictiveFields } from './predictive-score.js';
import { finish, type ScoringResult } from './score-change.js';
import { effectiveTime } from './scoring-time.js';
import { settle } from './time-effects.js';

/** A contact's profile fields (nested objects allowed; fit rules address them by dot path). */
export type ContactProfile = Readonly<Record<string, unknown>>;

/**
 * Recomputes fit from the whole profile at `now` (the time only matters for the engagement part of the
 * published scores). Pass the id of the event that carried the profile change, if any: it is deduped
 * like any event.
 */
export function refit(
  model: ScoringModel,
  state: ContactScoreState,
  profile: ContactProfile,
  now: number,
  eventId: string | null = null,
): ScoringResult {
  if (eventId !== null && state.processedEventIds.includes(eventId)) return { state };
  const time = effectiveTime(now, state.asOf);
  const draft = draftOf(state, model);
  const applied: AppliedPoints[] = settle(model, draft, time);
  const matched: Record<string, number> = {};
  for (const rule of model.fit ?? []) {
    const points = conditionHolds(rule, profile) ? pointsOf(rule.points, profile) : undefined;
    if (points !== undefined) matched[rule.id] = (matched[rule.id] ?? 0) + points;
  }
  const rules = withFitGroupLimits(model, matched);
  for (const ruleId of new Set([...Object.keys(state.fit.rules), ...Object.keys(rules)])) {
    const delta = (rules[ruleId] ?? 0) - (state.fit.rules[ruleId] ?? 0);
    if (delta !== 0)
      applied.push({ ruleId, kind: 'fit', outcome: 'refit', points: delta, eventId, at: time });
  }
  draft.fit = { points: Object.values(rules).reduce((sum, points) => sum + points, 0), rules };
  rememberPredictiveFields(model, draft, profile);
  if (eventId !== null) {
    draft.processedEventIds.push(eventId);
    draft.processedEventIds.splice(0, Math.max(0, draft.processedEventIds.length - PROCESSED_EVENT_IDS_KEPT));
  }
  return finish(
    model,
    draft,
    time,
    eventId === null ? { type: 'refit' } : { type: 'refit', eventId },
    applied,
  );
}
