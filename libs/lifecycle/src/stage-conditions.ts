import { type LifecycleCondition, type LifecycleStage } from '@leadscore/contracts';

/** The scores a stage condition reads. */
export interface ScoreReading {
  readonly fit: number;
  readonly engagement: number;
  readonly total: number;
  // The published grade is a plain string (A–F); conditions compare it against their `in` list.
  readonly grade: string | null;
}

/**
 * Whether one condition holds. `holding` says the contact already holds the stage: then a score
 * threshold stays met until the score falls below `exit` (hysteresis), otherwise it needs `enter`.
 */
export function conditionMet(condition: LifecycleCondition, scores: ScoreReading, holding: boolean): boolean {
  if ('conditions' in condition) {
    return combine(condition.metric, condition.conditions, scores, holding);
  }
  if (condition.metric === 'grade') {
    return scores.grade !== null && (condition.in as readonly string[]).includes(scores.grade);
  }
  const value = scores[condition.metric];
  return holding ? value >= condition.exit : value >= condition.enter;
}

function combine(
  match: 'all' | 'any',
  conditions: readonly LifecycleCondition[],
  scores: ScoreReading,
  holding: boolean,
): boolean {
  return match === 'any'
    ? conditions.some((c) => conditionMet(c, scores, holding))
    : conditions.every((c) => conditionMet(c, scores, holding));
}

/** Whether the contact qualifies for a stage; an unconfigured stage is never reached by score. */
export function stageMet(stage: LifecycleStage | undefined, scores: ScoreReading, holding: boolean): boolean {
  if (!stage) return false;
  return combine(stage.match ?? 'all', stage.conditions, scores, holding);
}
