import { type ScoreGroup, type ScoringModel } from '@leadscore/contracts';
import { clamp } from './limits.js';

/** The prefix of the contribution that carries a fit group's clip at its limit (rule ids hold no colon). */
export const GROUP_CONTRIBUTION_PREFIX = 'group:';

/** A score group with the ids of its rules. */
export interface GroupOfRules extends ScoreGroup {
  readonly rules: readonly string[];
}

interface ModelGroups {
  /** The group of each grouped rule, by rule id. */
  readonly byRule: ReadonlyMap<string, GroupOfRules>;
  readonly fit: readonly GroupOfRules[];
}

const cache = new WeakMap<ScoringModel, ModelGroups>();

/** The model's groups with their rules (computed once per model object: awards look them up per event). */
export function groupsOf(model: ScoringModel): ModelGroups {
  let groups = cache.get(model);
  if (!groups) {
    const byRule = new Map<string, GroupOfRules>();
    const fit: GroupOfRules[] = [];
    for (const group of model.groups ?? []) {
      const fitRules = (model.fit ?? []).filter((rule) => rule.group === group.id).map((rule) => rule.id);
      const engagementRules = (model.engagement ?? [])
        .filter((rule) => rule.group === group.id)
        .map((rule) => rule.id);
      const withRules: GroupOfRules = { ...group, rules: [...fitRules, ...engagementRules] };
      for (const ruleId of withRules.rules) byRule.set(ruleId, withRules);
      if (fitRules.length > 0) fit.push(withRules);
    }
    groups = { byRule, fit };
    cache.set(model, groups);
  }
  return groups;
}

/** The group a contribution belongs to: its rule's, or the group whose clip it is. */
export function groupOfContribution(model: ScoringModel, ruleId: string): string | undefined {
  if (ruleId.startsWith(GROUP_CONTRIBUTION_PREFIX)) return ruleId.slice(GROUP_CONTRIBUTION_PREFIX.length);
  return groupsOf(model).byRule.get(ruleId)?.id;
}

/**
 * Fit points per rule with every fit group held within its limits: a clip is added as the group's own
 * contribution (`group:<id>`), so that the rules keep their points and the explanation says what the
 * limit took away.
 */
export function withFitGroupLimits(
  model: ScoringModel,
  rules: Readonly<Record<string, number>>,
): Record<string, number> {
  const limited = { ...rules };
  for (const group of groupsOf(model).fit) {
    const sum = group.rules.reduce((total, ruleId) => total + (rules[ruleId] ?? 0), 0);
    const held = clamp(sum, group.min, group.max);
    if (held !== sum) limited[`${GROUP_CONTRIBUTION_PREFIX}${group.id}`] = held - sum;
  }
  return limited;
}
