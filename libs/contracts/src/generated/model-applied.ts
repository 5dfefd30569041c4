/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/model-applied.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Its section.
 */
export type ModelRuleSection = 'fit' | 'engagement' | 'absence' | 'inactivity';
/**
 * Its section.
 */
export type ModelRuleSection1 = 'fit' | 'engagement' | 'absence' | 'inactivity';

/**
 * Response of POST /v1/models: the version applied (published on leads.models.v1 and acknowledged by Kafka) and what it changed against the version live before.
 */
export interface ModelApplied {
  version: ModelVersion;
  diff: ModelDiff;
}
/**
 * One recorded version of a scoring model of the caller's workspace (without its document).
 */
export interface ModelVersion {
  /**
   * The model's id.
   */
  id: string;
  version: number;
  /**
   * The model's name in this version.
   */
  name: string;
  /**
   * Whether this is the highest version, the one the scorer uses.
   */
  live: boolean;
  appliedAt: string;
  /**
   * The key id that applied it through the api; null for a version published on leads.models.v1 without the api (recorded by the scorer).
   */
  appliedBy: string | null;
  /**
   * The format it was sent in; null when not applied through the api.
   */
  sourceFormat: 'yaml' | 'json' | null;
}
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
    removed: ModelRuleRef1[];
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
 * An added rule.
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
 * A removed rule.
 */
export interface ModelRuleRef1 {
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
 * A changed rule.
 */
export interface ModelRuleChange {
  section: ModelRuleSection1;
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
 * One changed field.
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
 * A changed section.
 */
export interface ModelSectionChange {
  /**
   * The top-level property.
   */
  section: 'name' | 'description' | 'grades' | 'decay' | 'caps' | 'tiers' | 'lifecycle' | 'schedule';
  /**
   * Each field that changed, its path from the model's root (`tiers.hot`, `lifecycle.mql.conditions[0].enter`).
   */
  changes: ModelFieldChange1[];
}
/**
 * One changed field.
 */
export interface ModelFieldChange1 {
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
