/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/models/model-diff.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * The section a rule belongs to.
 */
export type ModelRuleSection = 'fit' | 'engagement' | 'absence' | 'inactivity';

/**
 * What changes when one version of a scoring model replaces another: rules added, removed and changed (with each changed field), and the other sections that changed. Rules are matched by section and id; their order does not count.
 */
export interface ModelDiff {
  /**
   * The model's id.
   */
  modelId: string;
  /**
   * The version compared against (the live one); null when there is none, so every rule is added.
   */
  fromVersion: number | null;
  /**
   * The version that would replace it.
   */
  toVersion: number;
  /**
   * True when nothing but the version number differs.
   */
  unchanged: boolean;
  /**
   * Rules of fit, engagement, absence and inactivity, matched by section and id.
   */
  rules: {
    /**
     * Rules only the new version has.
     */
    added: ModelRuleRef[];
    /**
     * Rules only the old version has.
     */
    removed: ModelRuleRef[];
    /**
     * Rules both versions have, with different content.
     */
    changed: ModelRuleChange[];
  };
  /**
   * The other parts of the model that changed: name, description, grades, decay, caps, tiers, lifecycle, schedule.
   */
  sections: ModelSectionChange[];
}
/**
 * A rule added or removed, whole.
 */
export interface ModelRuleRef {
  section: ModelRuleSection;
  /**
   * The rule's id.
   */
  id: string;
  /**
   * The rule as the model states it.
   */
  rule: {
    [k: string]: unknown;
  };
}
/**
 * A rule present in both versions whose content differs.
 */
export interface ModelRuleChange {
  section: ModelRuleSection;
  /**
   * The rule's id.
   */
  id: string;
  /**
   * Each field that changed, its path relative to the rule.
   */
  changes: ModelFieldChange[];
}
/**
 * One value that differs; `from` is absent when the old version did not set it, `to` when the new one does not. Lists of different lengths are reported whole; lists of the same length item by item.
 */
export interface ModelFieldChange {
  /**
   * Where, as people write it: `points`, `limits.perDay`, `filters[0].value`.
   */
  path: string;
  /**
   * The old value (any JSON value).
   */
  from?:
    | string
    | number
    | boolean
    | {
        [k: string]: unknown;
      }
    | unknown[]
    | null;
  /**
   * The new value (any JSON value).
   */
  to?:
    | string
    | number
    | boolean
    | {
        [k: string]: unknown;
      }
    | unknown[]
    | null;
}
/**
 * A part of the model other than its rules that changed.
 */
export interface ModelSectionChange {
  /**
   * The top-level property.
   */
  section: 'name' | 'description' | 'grades' | 'decay' | 'caps' | 'tiers' | 'lifecycle' | 'schedule';
  /**
   * Each field that changed, its path from the model's root (`tiers.hot`, `lifecycle.mql.conditions[0].enter`).
   */
  changes: ModelFieldChange[];
}
