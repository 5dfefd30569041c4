/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/model-version-detail.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * One fit rule.
 */
export type FitRule =
  | EqualsFitRule
  | InFitRule
  | RangeFitRule
  | RegexFitRule
  | ExistsFitRule
  | AllFitRule
  | AnyFitRule
  | NotFitRule;
/**
 * One condition or nested group.
 */
export type Condition =
  | EqualsCondition
  | InCondition
  | RangeCondition
  | RegexCondition
  | ExistsCondition
  | AllCondition
  | AnyCondition
  | NotCondition;
/**
 * One condition or nested group.
 */
export type Condition1 =
  | EqualsCondition
  | InCondition
  | RangeCondition
  | RegexCondition
  | ExistsCondition
  | AllCondition
  | AnyCondition
  | NotCondition;
/**
 * One condition or nested group.
 */
export type Condition2 =
  | EqualsCondition
  | InCondition
  | RangeCondition
  | RegexCondition
  | ExistsCondition
  | AllCondition
  | AnyCondition
  | NotCondition;
/**
 * The condition or group that must not hold.
 */
export type Condition3 =
  | EqualsCondition
  | InCondition
  | RangeCondition
  | RegexCondition
  | ExistsCondition
  | AllCondition
  | AnyCondition
  | NotCondition;
/**
 * One condition or nested group.
 */
export type Condition4 =
  | EqualsCondition
  | InCondition
  | RangeCondition
  | RegexCondition
  | ExistsCondition
  | AllCondition
  | AnyCondition
  | NotCondition;
/**
 * The condition or group that must not hold.
 */
export type Condition5 =
  | EqualsCondition
  | InCondition
  | RangeCondition
  | RegexCondition
  | ExistsCondition
  | AllCondition
  | AnyCondition
  | NotCondition;
/**
 * The grade given to fit scores in this band.
 */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
/**
 * The event type this rule reacts to.
 */
export type EventType = string;
/**
 * One condition on the event data.
 */
export type Condition6 =
  | EqualsCondition
  | InCondition
  | RangeCondition
  | RegexCondition
  | ExistsCondition
  | AllCondition
  | AnyCondition
  | NotCondition;
/**
 * Conditions on the event `data` that must all hold for the rule to apply.
 */
export type Filters = Condition6[];
/**
 * Decay this rule's points at this rate.
 */
export type DecayRate = PercentPerDayDecay | HalfLifeDecay;
/**
 * The event type.
 */
export type EventType1 = string;
/**
 * One condition on the event data.
 */
export type Condition7 =
  | EqualsCondition
  | InCondition
  | RangeCondition
  | RegexCondition
  | ExistsCondition
  | AllCondition
  | AnyCondition
  | NotCondition;
/**
 * Conditions on the event `data` that must all hold.
 */
export type Filters1 = Condition7[];
/**
 * Decay this rule's points at this rate.
 */
export type DecayRate1 = PercentPerDayDecay | HalfLifeDecay;
/**
 * Decay this rule's points at this rate.
 */
export type DecayRate2 = PercentPerDayDecay | HalfLifeDecay;
/**
 * How engagement points fade over time (fit never decays). Omit for no decay. Rules may override it with their own `decay`.
 */
export type DecayRate3 = PercentPerDayDecay | HalfLifeDecay;
/**
 * Named tiers, lowest first.
 *
 * @minItems 2
 * @maxItems 12
 */
export type NamedTiers = NamedTier[];
/**
 * One condition.
 */
export type LifecycleCondition = ScoreThreshold | GradeCondition | ConditionGroup;
/**
 * One grade.
 */
export type Grade1 = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
/**
 * One condition.
 */
export type LifecycleCondition1 = ScoreThreshold | GradeCondition | ConditionGroup;
/**
 * One account fit rule.
 */
export type FitRule1 =
  | EqualsFitRule
  | InFitRule
  | RangeFitRule
  | RegexFitRule
  | ExistsFitRule
  | AllFitRule
  | AnyFitRule
  | NotFitRule;
/**
 * Named tiers, lowest first.
 *
 * @minItems 2
 * @maxItems 12
 */
export type NamedTiers1 = NamedTier1[];
/**
 * One input of the predictive score: a profile value (`field` and `value`) or a count of events (`event`, `mean`, `sd`).
 */
export type PredictiveFeature = ProfilePredictiveFeature | CountPredictiveFeature;
/**
 * The type of the events counted (every one the contact has, whether or not a rule scores it).
 */
export type EventType2 = string;

/**
 * Response of GET /v1/models/{id}/versions/{version}: one version with its document and, when applied through the api, the text it was sent as.
 */
export interface ModelVersionDetail {
  version: ModelVersion;
  document: ScoringModel;
  /**
   * The YAML or JSON text sent to POST /v1/models (format in `version.sourceFormat`), comments included; null when not applied through the api.
   */
  source: string | null;
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
 * A versioned lead-scoring model: fit rules on profile fields, engagement rules on events, absence and inactivity penalties, decay, caps, tiers, grades and lifecycle thresholds. One workspace may run several models side by side.
 */
export interface ScoringModel {
  /**
   * Optional URL of this JSON Schema, for editors; ignored by the scorer.
   */
  $schema?: string;
  /**
   * Stable model id, unique within the workspace, e.g. "default" or "webinar-funnel". Versions of one model share it.
   */
  id: string;
  /**
   * Version number of this model, starting at 1; a new version replaces the previous one with the same id.
   */
  version: number;
  /**
   * Workspace (tenant) the model belongs to.
   */
  workspace: string;
  /**
   * Human-readable model name shown in the UI and CLI.
   */
  name: string;
  /**
   * What the model is for and how its points were chosen.
   */
  description?: string;
  /**
   * Score groups: named groups of fit or engagement rules, each with its own limits, applied before the model's caps.
   */
  groups?: ScoreGroup[];
  /**
   * Fit (explicit) rules: who the contact is, from profile fields. Every matching rule adds its points; fit never decays.
   */
  fit?: FitRule[];
  /**
   * Grade bands A–F on the fit score. Bands are half-open [min, max), must not overlap or leave gaps between them, and better letters sit higher.
   */
  grades?: GradeBand[];
  /**
   * Engagement (behavioral) rules: what the contact does. Every rule whose event type and filters match an event awards its points.
   */
  engagement?: EngagementRule[];
  /**
   * Absence rules: a trigger event that was not followed by an expected event within a window costs points (e.g. registered for a webinar but did not attend).
   */
  absence?: AbsenceRule[];
  /**
   * Inactivity rules: no engagement for a number of days costs points.
   */
  inactivity?: InactivityRule[];
  decay?: DecayRate3;
  caps?: Caps;
  /**
   * Tiers on the total score: the cold/warm/hot thresholds (`{warm, hot}`), or any number of named tiers, lowest first, each with enter/exit thresholds and the cold, warm or hot it counts as in the v1 events.
   */
  tiers?: Tiers | NamedTiers;
  lifecycle?: Lifecycle;
  accounts?: AccountScoring;
  predictive?: Predictive;
  schedule?: Schedule;
}
/**
 * One score group.
 */
export interface ScoreGroup {
  /**
   * Unique id of the group within the model; rules name it in `group`.
   */
  id: string;
  /**
   * What the group measures, for people reading the model.
   */
  description?: string;
  /**
   * The floor of the group's penalties: its rules together never go below it (0 or less); omit for no floor.
   */
  min?: number;
  /**
   * The most points the group's rules give together (0 or more); omit for no ceiling.
   */
  max?: number;
}
/**
 * A fit rule that applies when the field equals `value` (for a list field: any element equals it).
 */
export interface EqualsFitRule {
  /**
   * Unique id of this rule within the model; explanations and counters refer to it.
   */
  id: string;
  /**
   * What this rule rewards, for people reading the model.
   */
  description?: string;
  /**
   * Dot path of the contact profile field the rule looks at, e.g. "jobTitle" or "address.state".
   */
  field: string;
  /**
   * "equals": the field equals `value` (for a list field: any element equals it).
   */
  operator: 'equals';
  /**
   * The value the field must equal. Numbers also match numeric text ("42").
   */
  value: string | number | boolean;
  /**
   * Compare text case-insensitively ("ceo" matches "CEO"). Default false.
   */
  ignoreCase?: boolean;
  /**
   * Invert the condition: the rule applies when the condition does NOT hold. Default false.
   */
  negate?: boolean;
  /**
   * The score group (`groups[].id`) whose limits this rule's points count against; omit for none.
   */
  group?: string;
  /**
   * Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.
   */
  points: number | ValuePoints;
}
/**
 * Points computed from a numeric field of the contact profile.
 */
export interface ValuePoints {
  /**
   * Dot path of the numeric field: in the event `data` for engagement rules (e.g. "amount"), in the contact profile for fit rules (e.g. "company.employees"). Numeric text ("120") counts as its number.
   */
  from: string;
  /**
   * Units of the field per step; default 1. 10 means one step per 10 units.
   */
  per?: number;
  /**
   * Points per step; default 1. Negative values penalise.
   */
  each?: number;
  /**
   * How steps are rounded: "down" (the default: whole steps only, 25 units at `per: 10` are 2 steps), "up" (3), "nearest" (3; halves round up), or "none" (2.5).
   */
  round?: 'down' | 'up' | 'nearest' | 'none';
  /**
   * Fewest points the rule gives (after rounding); omit for no floor.
   */
  min?: number;
  /**
   * Most points the rule gives (after rounding); omit for no ceiling.
   */
  max?: number;
}
/**
 * A fit rule that applies when the field equals one of `values` (for a list field: any element does).
 */
export interface InFitRule {
  /**
   * Unique id of this rule within the model; explanations and counters refer to it.
   */
  id: string;
  /**
   * What this rule rewards, for people reading the model.
   */
  description?: string;
  /**
   * Dot path of the contact profile field the rule looks at, e.g. "jobTitle" or "address.state".
   */
  field: string;
  /**
   * "in": the field equals one of `values` (for a list field: any element does).
   */
  operator: 'in';
  /**
   * The accepted values; the condition holds when the field equals any of them.
   *
   * @minItems 1
   *
   * Items: One accepted value.
   */
  values: (string | number | boolean)[];
  /**
   * Compare text case-insensitively. Default false.
   */
  ignoreCase?: boolean;
  /**
   * Invert the condition: the rule applies when the condition does NOT hold. Default false.
   */
  negate?: boolean;
  /**
   * The score group (`groups[].id`) whose limits this rule's points count against; omit for none.
   */
  group?: string;
  /**
   * Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.
   */
  points: number | ValuePoints1;
}
/**
 * Points computed from a numeric field of the contact profile.
 */
export interface ValuePoints1 {
  /**
   * Dot path of the numeric field: in the event `data` for engagement rules (e.g. "amount"), in the contact profile for fit rules (e.g. "company.employees"). Numeric text ("120") counts as its number.
   */
  from: string;
  /**
   * Units of the field per step; default 1. 10 means one step per 10 units.
   */
  per?: number;
  /**
   * Points per step; default 1. Negative values penalise.
   */
  each?: number;
  /**
   * How steps are rounded: "down" (the default: whole steps only, 25 units at `per: 10` are 2 steps), "up" (3), "nearest" (3; halves round up), or "none" (2.5).
   */
  round?: 'down' | 'up' | 'nearest' | 'none';
  /**
   * Fewest points the rule gives (after rounding); omit for no floor.
   */
  min?: number;
  /**
   * Most points the rule gives (after rounding); omit for no ceiling.
   */
  max?: number;
}
/**
 * A fit rule that applies when the field is a number (or numeric text) within [`min`, `max`], both inclusive; give at least one bound.
 */
export interface RangeFitRule {
  /**
   * Unique id of this rule within the model; explanations and counters refer to it.
   */
  id: string;
  /**
   * What this rule rewards, for people reading the model.
   */
  description?: string;
  /**
   * Dot path of the contact profile field the rule looks at, e.g. "jobTitle" or "address.state".
   */
  field: string;
  /**
   * "range": the field is a number (or numeric text) within [`min`, `max`], both inclusive; give at least one bound.
   */
  operator: 'range';
  /**
   * Inclusive lower bound; omit for no lower bound.
   */
  min?: number;
  /**
   * Inclusive upper bound; omit for no upper bound.
   */
  max?: number;
  /**
   * Invert the condition: the rule applies when the condition does NOT hold. Default false.
   */
  negate?: boolean;
  /**
   * The score group (`groups[].id`) whose limits this rule's points count against; omit for none.
   */
  group?: string;
  /**
   * Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.
   */
  points: number | ValuePoints2;
}
/**
 * Points computed from a numeric field of the contact profile.
 */
export interface ValuePoints2 {
  /**
   * Dot path of the numeric field: in the event `data` for engagement rules (e.g. "amount"), in the contact profile for fit rules (e.g. "company.employees"). Numeric text ("120") counts as its number.
   */
  from: string;
  /**
   * Units of the field per step; default 1. 10 means one step per 10 units.
   */
  per?: number;
  /**
   * Points per step; default 1. Negative values penalise.
   */
  each?: number;
  /**
   * How steps are rounded: "down" (the default: whole steps only, 25 units at `per: 10` are 2 steps), "up" (3), "nearest" (3; halves round up), or "none" (2.5).
   */
  round?: 'down' | 'up' | 'nearest' | 'none';
  /**
   * Fewest points the rule gives (after rounding); omit for no floor.
   */
  min?: number;
  /**
   * Most points the rule gives (after rounding); omit for no ceiling.
   */
  max?: number;
}
/**
 * A fit rule that applies when the field, as text, matches the regular expression `pattern`.
 */
export interface RegexFitRule {
  /**
   * Unique id of this rule within the model; explanations and counters refer to it.
   */
  id: string;
  /**
   * What this rule rewards, for people reading the model.
   */
  description?: string;
  /**
   * Dot path of the contact profile field the rule looks at, e.g. "jobTitle" or "address.state".
   */
  field: string;
  /**
   * "regex": the field, as text, matches the regular expression `pattern`.
   */
  operator: 'regex';
  /**
   * A JavaScript regular expression, without slashes, e.g. "^/pricing(/|$)".
   */
  pattern: string;
  /**
   * Regular-expression flags: any of i (ignore case), m, s, u. Default none.
   */
  flags?: string;
  /**
   * Invert the condition: the rule applies when the condition does NOT hold. Default false.
   */
  negate?: boolean;
  /**
   * The score group (`groups[].id`) whose limits this rule's points count against; omit for none.
   */
  group?: string;
  /**
   * Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.
   */
  points: number | ValuePoints3;
}
/**
 * Points computed from a numeric field of the contact profile.
 */
export interface ValuePoints3 {
  /**
   * Dot path of the numeric field: in the event `data` for engagement rules (e.g. "amount"), in the contact profile for fit rules (e.g. "company.employees"). Numeric text ("120") counts as its number.
   */
  from: string;
  /**
   * Units of the field per step; default 1. 10 means one step per 10 units.
   */
  per?: number;
  /**
   * Points per step; default 1. Negative values penalise.
   */
  each?: number;
  /**
   * How steps are rounded: "down" (the default: whole steps only, 25 units at `per: 10` are 2 steps), "up" (3), "nearest" (3; halves round up), or "none" (2.5).
   */
  round?: 'down' | 'up' | 'nearest' | 'none';
  /**
   * Fewest points the rule gives (after rounding); omit for no floor.
   */
  min?: number;
  /**
   * Most points the rule gives (after rounding); omit for no ceiling.
   */
  max?: number;
}
/**
 * A fit rule that applies when the field is present and not empty (not null, not "", not an empty list).
 */
export interface ExistsFitRule {
  /**
   * Unique id of this rule within the model; explanations and counters refer to it.
   */
  id: string;
  /**
   * What this rule rewards, for people reading the model.
   */
  description?: string;
  /**
   * Dot path of the contact profile field the rule looks at, e.g. "jobTitle" or "address.state".
   */
  field: string;
  /**
   * "exists": the field is present and not empty (not null, not "", not an empty list).
   */
  operator: 'exists';
  /**
   * Invert the condition: the rule applies when the condition does NOT hold. Default false.
   */
  negate?: boolean;
  /**
   * The score group (`groups[].id`) whose limits this rule's points count against; omit for none.
   */
  group?: string;
  /**
   * Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.
   */
  points: number | ValuePoints4;
}
/**
 * Points computed from a numeric field of the contact profile.
 */
export interface ValuePoints4 {
  /**
   * Dot path of the numeric field: in the event `data` for engagement rules (e.g. "amount"), in the contact profile for fit rules (e.g. "company.employees"). Numeric text ("120") counts as its number.
   */
  from: string;
  /**
   * Units of the field per step; default 1. 10 means one step per 10 units.
   */
  per?: number;
  /**
   * Points per step; default 1. Negative values penalise.
   */
  each?: number;
  /**
   * How steps are rounded: "down" (the default: whole steps only, 25 units at `per: 10` are 2 steps), "up" (3), "nearest" (3; halves round up), or "none" (2.5).
   */
  round?: 'down' | 'up' | 'nearest' | 'none';
  /**
   * Fewest points the rule gives (after rounding); omit for no floor.
   */
  min?: number;
  /**
   * Most points the rule gives (after rounding); omit for no ceiling.
   */
  max?: number;
}
/**
 * A fit rule that applies while every condition in `conditions` holds for the profile (AND).
 */
export interface AllFitRule {
  /**
   * Unique id of this rule within the model; explanations and counters refer to it.
   */
  id: string;
  /**
   * What this rule rewards, for people reading the model.
   */
  description?: string;
  /**
   * A fit rule that applies while every condition in `conditions` holds for the profile (AND).
   */
  operator: 'all';
  /**
   * The conditions of the group (1–50), each a condition on one field or a nested group.
   *
   * @minItems 1
   * @maxItems 50
   */
  conditions: Condition[];
  /**
   * The score group (`groups[].id`) whose limits this rule's points count against; omit for none.
   */
  group?: string;
  /**
   * Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.
   */
  points: number | ValuePoints5;
}
/**
 * A filter that holds when the field equals `value` (for a list field: any element equals it).
 */
export interface EqualsCondition {
  /**
   * Dot path of the field: inside the event `data` in filters and absence expectations (e.g. "path" or "utm.campaign"), of the contact profile inside a compound fit rule (e.g. "company.employees").
   */
  field: string;
  /**
   * "equals": the field equals `value` (for a list field: any element equals it).
   */
  operator: 'equals';
  /**
   * The value the field must equal. Numbers also match numeric text ("42").
   */
  value: string | number | boolean;
  /**
   * Compare text case-insensitively ("ceo" matches "CEO"). Default false.
   */
  ignoreCase?: boolean;
  /**
   * Invert the condition: the rule applies when the condition does NOT hold. Default false.
   */
  negate?: boolean;
}
/**
 * A filter that holds when the field equals one of `values` (for a list field: any element does).
 */
export interface InCondition {
  /**
   * Dot path of the field: inside the event `data` in filters and absence expectations (e.g. "path" or "utm.campaign"), of the contact profile inside a compound fit rule (e.g. "company.employees").
   */
  field: string;
  /**
   * "in": the field equals one of `values` (for a list field: any element does).
   */
  operator: 'in';
  /**
   * The accepted values; the condition holds when the field equals any of them.
   *
   * @minItems 1
   *
   * Items: One accepted value.
   */
  values: (string | number | boolean)[];
  /**
   * Compare text case-insensitively. Default false.
   */
  ignoreCase?: boolean;
  /**
   * Invert the condition: the rule applies when the condition does NOT hold. Default false.
   */
  negate?: boolean;
}
/**
 * A filter that holds when the field is a number (or numeric text) within [`min`, `max`], both inclusive; give at least one bound.
 */
export interface RangeCondition {
  /**
   * Dot path of the field: inside the event `data` in filters and absence expectations (e.g. "path" or "utm.campaign"), of the contact profile inside a compound fit rule (e.g. "company.employees").
   */
  field: string;
  /**
   * "range": the field is a number (or numeric text) within [`min`, `max`], both inclusive; give at least one bound.
   */
  operator: 'range';
  /**
   * Inclusive lower bound; omit for no lower bound.
   */
  min?: number;
  /**
   * Inclusive upper bound; omit for no upper bound.
   */
  max?: number;
  /**
   * Invert the condition: the rule applies when the condition does NOT hold. Default false.
   */
  negate?: boolean;
}
/**
 * A filter that holds when the field, as text, matches the regular expression `pattern`.
 */
export interface RegexCondition {
  /**
   * Dot path of the field: inside the event `data` in filters and absence expectations (e.g. "path" or "utm.campaign"), of the contact profile inside a compound fit rule (e.g. "company.employees").
   */
  field: string;
  /**
   * "regex": the field, as text, matches the regular expression `pattern`.
   */
  operator: 'regex';
  /**
   * A JavaScript regular expression, without slashes, e.g. "^/pricing(/|$)".
   */
  pattern: string;
  /**
   * Regular-expression flags: any of i (ignore case), m, s, u. Default none.
   */
  flags?: string;
  /**
   * Invert the condition: the rule applies when the condition does NOT hold. Default false.
   */
  negate?: boolean;
}
/**
 * A filter that holds when the field is present and not empty (not null, not "", not an empty list).
 */
export interface ExistsCondition {
  /**
   * Dot path of the field: inside the event `data` in filters and absence expectations (e.g. "path" or "utm.campaign"), of the contact profile inside a compound fit rule (e.g. "company.employees").
   */
  field: string;
  /**
   * "exists": the field is present and not empty (not null, not "", not an empty list).
   */
  operator: 'exists';
  /**
   * Invert the condition: the rule applies when the condition does NOT hold. Default false.
   */
  negate?: boolean;
}
/**
 * A group that holds when every condition in it holds (AND).
 */
export interface AllCondition {
  /**
   * "all": every condition in `conditions` holds.
   */
  operator: 'all';
  /**
   * The conditions of the group (1–50), each a condition on one field or a nested group.
   *
   * @minItems 1
   * @maxItems 50
   */
  conditions: Condition1[];
}
/**
 * A group that holds when at least one condition in it holds (OR).
 */
export interface AnyCondition {
  /**
   * "any": at least one condition in `conditions` holds.
   */
  operator: 'any';
  /**
   * The conditions of the group (1–50), each a condition on one field or a nested group.
   *
   * @minItems 1
   * @maxItems 50
   */
  conditions: Condition2[];
}
/**
 * Holds when the condition (or group) inside does not hold (NOT).
 */
export interface NotCondition {
  /**
   * "not": `condition` does not hold.
   */
  operator: 'not';
  condition: Condition3;
}
/**
 * Points computed from a numeric field of the contact profile.
 */
export interface ValuePoints5 {
  /**
   * Dot path of the numeric field: in the event `data` for engagement rules (e.g. "amount"), in the contact profile for fit rules (e.g. "company.employees"). Numeric text ("120") counts as its number.
   */
  from: string;
  /**
   * Units of the field per step; default 1. 10 means one step per 10 units.
   */
  per?: number;
  /**
   * Points per step; default 1. Negative values penalise.
   */
  each?: number;
  /**
   * How steps are rounded: "down" (the default: whole steps only, 25 units at `per: 10` are 2 steps), "up" (3), "nearest" (3; halves round up), or "none" (2.5).
   */
  round?: 'down' | 'up' | 'nearest' | 'none';
  /**
   * Fewest points the rule gives (after rounding); omit for no floor.
   */
  min?: number;
  /**
   * Most points the rule gives (after rounding); omit for no ceiling.
   */
  max?: number;
}
/**
 * A fit rule that applies while at least one condition in `conditions` holds for the profile (OR).
 */
export interface AnyFitRule {
  /**
   * Unique id of this rule within the model; explanations and counters refer to it.
   */
  id: string;
  /**
   * What this rule rewards, for people reading the model.
   */
  description?: string;
  /**
   * A fit rule that applies while at least one condition in `conditions` holds for the profile (OR).
   */
  operator: 'any';
  /**
   * The conditions of the group (1–50), each a condition on one field or a nested group.
   *
   * @minItems 1
   * @maxItems 50
   */
  conditions: Condition4[];
  /**
   * The score group (`groups[].id`) whose limits this rule's points count against; omit for none.
   */
  group?: string;
  /**
   * Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.
   */
  points: number | ValuePoints6;
}
/**
 * Points computed from a numeric field of the contact profile.
 */
export interface ValuePoints6 {
  /**
   * Dot path of the numeric field: in the event `data` for engagement rules (e.g. "amount"), in the contact profile for fit rules (e.g. "company.employees"). Numeric text ("120") counts as its number.
   */
  from: string;
  /**
   * Units of the field per step; default 1. 10 means one step per 10 units.
   */
  per?: number;
  /**
   * Points per step; default 1. Negative values penalise.
   */
  each?: number;
  /**
   * How steps are rounded: "down" (the default: whole steps only, 25 units at `per: 10` are 2 steps), "up" (3), "nearest" (3; halves round up), or "none" (2.5).
   */
  round?: 'down' | 'up' | 'nearest' | 'none';
  /**
   * Fewest points the rule gives (after rounding); omit for no floor.
   */
  min?: number;
  /**
   * Most points the rule gives (after rounding); omit for no ceiling.
   */
  max?: number;
}
/**
 * A fit rule that applies while `condition` does not hold for the profile (NOT).
 */
export interface NotFitRule {
  /**
   * Unique id of this rule within the model; explanations and counters refer to it.
   */
  id: string;
  /**
   * What this rule rewards, for people reading the model.
   */
  description?: string;
  /**
   * A fit rule that applies while `condition` does not hold for the profile (NOT).
   */
  operator: 'not';
  condition: Condition5;
  /**
   * The score group (`groups[].id`) whose limits this rule's points count against; omit for none.
   */
  group?: string;
  /**
   * Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.
   */
  points: number | ValuePoints7;
}
/**
 * Points computed from a numeric field of the contact profile.
 */
export interface ValuePoints7 {
  /**
   * Dot path of the numeric field: in the event `data` for engagement rules (e.g. "amount"), in the contact profile for fit rules (e.g. "company.employees"). Numeric text ("120") counts as its number.
   */
  from: string;
  /**
   * Units of the field per step; default 1. 10 means one step per 10 units.
   */
  per?: number;
  /**
   * Points per step; default 1. Negative values penalise.
   */
  each?: number;
  /**
   * How steps are rounded: "down" (the default: whole steps only, 25 units at `per: 10` are 2 steps), "up" (3), "nearest" (3; halves round up), or "none" (2.5).
   */
  round?: 'down' | 'up' | 'nearest' | 'none';
  /**
   * Fewest points the rule gives (after rounding); omit for no floor.
   */
  min?: number;
  /**
   * Most points the rule gives (after rounding); omit for no ceiling.
   */
  max?: number;
}
/**
 * One grade band.
 */
export interface GradeBand {
  grade: Grade;
  /**
   * Inclusive lower bound of the fit score; omit for no lower bound.
   */
  min?: number;
  /**
   * Exclusive upper bound of the fit score; omit for no upper bound.
   */
  max?: number;
  /**
   * What contacts of this grade look like.
   */
  description?: string;
}
/**
 * One engagement rule.
 */
export interface EngagementRule {
  /**
   * Unique id of this rule within the model; explanations and counters refer to it.
   */
  id: string;
  /**
   * What this rule rewards, for people reading the model.
   */
  description?: string;
  event: EventType;
  filters?: Filters;
  /**
   * The score group (`groups[].id`) whose limits this rule's points count against; omit for none.
   */
  group?: string;
  /**
   * Points awarded per matching event: a number (negative points penalise, e.g. unsubscribes); points computed from a numeric field of the event's data (`from`, `per`, `each`, `round`, `min`, `max`); or points by how many matching events the contact had within a rolling window (`withinDays`, `ranges`, `takeBack`).
   */
  points: number | ValuePoints8 | FrequencyPoints;
  limits?: RuleLimits;
  /**
   * Points lifetime: each award is removed exactly this many days (fractions allowed) after it was made. Omit to keep points until they decay away.
   */
  expiresAfterDays?: number;
  /**
   * This rule's own decay: "none" keeps its points at full value (e.g. demo requests), a rate object decays them at that rate instead of the model's `decay`. Omit to use the model's `decay`.
   */
  decay?: 'none' | DecayRate;
}
/**
 * Points computed from a numeric field of the event data.
 */
export interface ValuePoints8 {
  /**
   * Dot path of the numeric field: in the event `data` for engagement rules (e.g. "amount"), in the contact profile for fit rules (e.g. "company.employees"). Numeric text ("120") counts as its number.
   */
  from: string;
  /**
   * Units of the field per step; default 1. 10 means one step per 10 units.
   */
  per?: number;
  /**
   * Points per step; default 1. Negative values penalise.
   */
  each?: number;
  /**
   * How steps are rounded: "down" (the default: whole steps only, 25 units at `per: 10` are 2 steps), "up" (3), "nearest" (3; halves round up), or "none" (2.5).
   */
  round?: 'down' | 'up' | 'nearest' | 'none';
  /**
   * Fewest points the rule gives (after rounding); omit for no floor.
   */
  min?: number;
  /**
   * Most points the rule gives (after rounding); omit for no ceiling.
   */
  max?: number;
}
/**
 * Points by the count of matching events within a rolling window.
 */
export interface FrequencyPoints {
  /**
   * Length of the rolling window in days (fractions allowed): an event counts until exactly this long after it happened.
   */
  withinDays: number;
  /**
   * The count ranges and their points, lowest first; ranges must not overlap, and only the last may be open-ended. A count in no range is worth nothing.
   *
   * @minItems 1
   * @maxItems 20
   */
  ranges: FrequencyRange[];
  /**
   * Take a range's points back when the count leaves it (default true), so the rule is worth the points of the range the count is in; false keeps points given.
   */
  takeBack?: boolean;
}
/**
 * One count range.
 */
export interface FrequencyRange {
  /**
   * Fewest matching events within the window for this range (1 or more).
   */
  min: number;
  /**
   * Most matching events within the window for this range; omit on the last range for "or more".
   */
  max?: number;
  /**
   * Points given when the count enters this range (negative points penalise).
   */
  points: number;
}
/**
 * How often this rule may award points per contact.
 */
export interface RuleLimits {
  /**
   * At most this many awards per calendar day (UTC).
   */
  perDay?: number;
  /**
   * At most `max` awards within any rolling window of `days` days.
   */
  window?: {
    /**
     * Length of the rolling window in days (fractions allowed).
     */
    days: number;
    /**
     * Most awards allowed within any such window.
     */
    max: number;
  };
  /**
   * At most this many awards ever, per contact.
   */
  lifetime?: number;
  /**
   * Award at most once per contact (the same as lifetime: 1).
   */
  once?: boolean;
}
/**
 * Lose this percentage of the remaining points per day: value · (1 − p/100)^days.
 */
export interface PercentPerDayDecay {
  /**
   * Percentage lost per day, more than 0 and less than 100, e.g. 2.
   */
  percentPerDay: number;
}
/**
 * Halve the points every `halfLifeDays` days: value · 0.5^(days / halfLifeDays).
 */
export interface HalfLifeDecay {
  /**
   * Days after which half of the points remain, more than 0.
   */
  halfLifeDays: number;
}
/**
 * One absence rule.
 */
export interface AbsenceRule {
  /**
   * Unique id of this rule within the model; explanations refer to it.
   */
  id: string;
  /**
   * What this rule penalises, for people reading the model.
   */
  description?: string;
  trigger: EventMatch;
  expect: EventMatch1;
  /**
   * Data fields that must have equal values in the trigger and the follow-up, e.g. ["webinarId"] so that attending another webinar does not count.
   *
   * Items: Dot path of a field inside the event `data`.
   */
  correlateOn?: string[];
  /**
   * Days (fractions allowed) the follow-up may take; the penalty applies exactly when the window ends without it.
   */
  windowDays: number;
  /**
   * Points applied when the follow-up is missing; must be negative.
   */
  points: number;
  /**
   * Points lifetime: each award is removed exactly this many days (fractions allowed) after it was made. Omit to keep points until they decay away.
   */
  expiresAfterDays?: number;
  /**
   * This rule's own decay: "none" keeps its points at full value (e.g. demo requests), a rate object decays them at that rate instead of the model's `decay`. Omit to use the model's `decay`.
   */
  decay?: 'none' | DecayRate1;
}
/**
 * The event that starts the wait, e.g. webinar.registered.
 */
export interface EventMatch {
  event: EventType1;
  filters?: Filters1;
}
/**
 * The follow-up event that must arrive within the window, e.g. webinar.attended.
 */
export interface EventMatch1 {
  event: EventType1;
  filters?: Filters1;
}
/**
 * One inactivity rule.
 */
export interface InactivityRule {
  /**
   * Unique id of this rule within the model; explanations refer to it.
   */
  id: string;
  /**
   * What this rule penalises, for people reading the model.
   */
  description?: string;
  /**
   * Days without engagement (at least 1; fractions allowed) after which the penalty applies.
   */
  afterDays: number;
  /**
   * Penalty points; must be negative.
   */
  points: number;
  /**
   * Apply the penalty again after every further `afterDays` of inactivity. Default false: at most once per stretch of inactivity.
   */
  repeat?: boolean;
  /**
   * Points lifetime: each award is removed exactly this many days (fractions allowed) after it was made. Omit to keep points until they decay away.
   */
  expiresAfterDays?: number;
  /**
   * This rule's own decay: "none" keeps its points at full value (e.g. demo requests), a rate object decays them at that rate instead of the model's `decay`. Omit to use the model's `decay`.
   */
  decay?: 'none' | DecayRate2;
}
/**
 * Limits on the engagement score and the total score.
 */
export interface Caps {
  /**
   * Highest engagement score; further positive points are not awarded.
   */
  maxEngagement?: number;
  /**
   * Lowest engagement score; further negative points are not applied.
   */
  minEngagement?: number;
  /**
   * The total score (fit + engagement) is never reported below this.
   */
  minTotal?: number;
  /**
   * The total score (fit + engagement) is never reported above this.
   */
  maxTotal?: number;
}
/**
 * Cold, warm and hot by two thresholds.
 */
export interface Tiers {
  /**
   * Lowest total score of the warm tier.
   */
  warm: number;
  /**
   * Lowest total score of the hot tier; must be above `warm`.
   */
  hot: number;
}
/**
 * One tier.
 */
export interface NamedTier {
  /**
   * The tier's name, unique within the model: lower case letters, digits and dashes, e.g. "sales-ready". It travels as `tierName` in the events, and webhook subscriptions and leaderboards filter on it. A tier named cold, warm or hot must count as itself.
   */
  id: string;
  /**
   * What the tier means for sales and marketing.
   */
  description?: string;
  /**
   * The v1 tier this one is published as in `tier` (cold, warm or hot); never lower than the previous tier's.
   */
  countsAs: 'cold' | 'warm' | 'hot';
  /**
   * The total at which a contact enters this tier; every tier but the first has one, each above the one before.
   */
  enter?: number;
  /**
   * Once in the tier, the contact stays until the total falls below this; at most `enter`, and `enter` when omitted.
   */
  exit?: number;
}
/**
 * Lifecycle thresholds (MQL, SQL) with hysteresis; evaluated by the threshold service.
 */
export interface Lifecycle {
  mql?: LifecycleStage;
  sql?: LifecycleStage1;
  recycled?: RecycledStage;
}
/**
 * Marketing-qualified lead.
 */
export interface LifecycleStage {
  /**
   * What the stage means for sales.
   */
  description?: string;
  /**
   * "all": every condition must be met (default); "any": one is enough.
   */
  match?: 'all' | 'any';
  /**
   * The conditions, combined by `match`.
   *
   * @minItems 1
   */
  conditions: LifecycleCondition[];
}
/**
 * A numeric score condition with hysteresis: met from `enter` upwards, and stays met until the score falls below `exit`.
 */
export interface ScoreThreshold {
  /**
   * Which score the condition reads: total, fit or engagement.
   */
  metric: 'total' | 'fit' | 'engagement';
  /**
   * The condition becomes met when the score reaches this value.
   */
  enter: number;
  /**
   * Once met, the condition stays met until the score falls below this value; must not be above `enter`.
   */
  exit: number;
}
/**
 * A condition on the fit grade.
 */
export interface GradeCondition {
  /**
   * "grade": the condition reads the fit grade.
   */
  metric: 'grade';
  /**
   * The grades that meet the condition.
   *
   * @minItems 1
   */
  in: Grade1[];
}
/**
 * Nested conditions combined by `metric`: "all" (every one must be met) or "any" (one is enough). Groups express a grade × score matrix, e.g. any of (grade A and total ≥ 50), (grade B and total ≥ 65).
 */
export interface ConditionGroup {
  /**
   * "all": every nested condition must be met; "any": one is enough.
   */
  metric: 'all' | 'any';
  /**
   * The nested conditions.
   *
   * @minItems 1
   */
  conditions: LifecycleCondition1[];
}
/**
 * Sales-qualified lead.
 */
export interface LifecycleStage1 {
  /**
   * What the stage means for sales.
   */
  description?: string;
  /**
   * "all": every condition must be met (default); "any": one is enough.
   */
  match?: 'all' | 'any';
  /**
   * The conditions, combined by `match`.
   *
   * @minItems 1
   */
  conditions: LifecycleCondition[];
}
/**
 * The recycled (nurture) stage on the way down; without it a contact falls back to `lead`.
 */
export interface RecycledStage {
  /**
   * What the stage means for marketing.
   */
  description?: string;
}
/**
 * Account (company) scoring: how members' engagement rolls up into their account's score, fit rules on the account's traits, account tiers and grades, and the marketing-qualified-account (MQA) threshold. Without it, accounts are not scored under this model.
 */
export interface AccountScoring {
  engagement: AccountRollup;
  /**
   * Account fit rules on the account's traits (the same rule shapes as contact fit rules; `field` names a trait such as `industry` or `employees`). Every matching rule adds its points; account fit never decays.
   */
  fit?: FitRule1[];
  /**
   * Grade bands A–F on the account's fit score, as `grades` for contacts.
   */
  grades?: GradeBand1[];
  /**
   * Account tiers on the account's total: cold/warm/hot thresholds or named tiers, as `tiers` for contacts.
   */
  tiers?: Tiers1 | NamedTiers1;
  lifecycle?: AccountLifecycle;
}
/**
 * How members' engagement rolls up.
 */
export interface AccountRollup {
  /**
   * sum, max, or topMean (the mean of the `top` highest members).
   */
  rollup: 'sum' | 'max' | 'topMean';
  /**
   * For `topMean`: how many of the highest members count (1–100); required with `topMean`.
   */
  top?: number;
}
/**
 * One grade band.
 */
export interface GradeBand1 {
  grade: Grade;
  /**
   * Inclusive lower bound of the fit score; omit for no lower bound.
   */
  min?: number;
  /**
   * Exclusive upper bound of the fit score; omit for no upper bound.
   */
  max?: number;
  /**
   * What contacts of this grade look like.
   */
  description?: string;
}
/**
 * Cold, warm and hot by two thresholds.
 */
export interface Tiers1 {
  /**
   * Lowest total score of the warm tier.
   */
  warm: number;
  /**
   * Lowest total score of the hot tier; must be above `warm`.
   */
  hot: number;
}
/**
 * One tier.
 */
export interface NamedTier1 {
  /**
   * The tier's name, unique within the model: lower case letters, digits and dashes, e.g. "sales-ready". It travels as `tierName` in the events, and webhook subscriptions and leaderboards filter on it. A tier named cold, warm or hot must count as itself.
   */
  id: string;
  /**
   * What the tier means for sales and marketing.
   */
  description?: string;
  /**
   * The v1 tier this one is published as in `tier` (cold, warm or hot); never lower than the previous tier's.
   */
  countsAs: 'cold' | 'warm' | 'hot';
  /**
   * The total at which a contact enters this tier; every tier but the first has one, each above the one before.
   */
  enter?: number;
  /**
   * Once in the tier, the contact stays until the total falls below this; at most `enter`, and `enter` when omitted.
   */
  exit?: number;
}
/**
 * Account lifecycle thresholds, with hysteresis, evaluated by the threshold service.
 */
export interface AccountLifecycle {
  mqa?: LifecycleStage2;
}
/**
 * Marketing-qualified account: when an account enters and leaves it. Its conditions read the account's total, fit, engagement and grade.
 */
export interface LifecycleStage2 {
  /**
   * What the stage means for sales.
   */
  description?: string;
  /**
   * "all": every condition must be met (default); "any": one is enough.
   */
  match?: 'all' | 'any';
  /**
   * The conditions, combined by `match`.
   *
   * @minItems 1
   */
  conditions: LifecycleCondition[];
}
/**
 * A predictive score next to the points: a logistic regression over profile values and event counts (typically learned from past leads with `leadscore model learn`), applied by the live scorer to every contact as a conversion probability 0–100 with the features that contribute most. It does not change fit, engagement, total, tiers or grades.
 */
export interface Predictive {
  /**
   * Log-odds of conversion of a contact with no profile feature matching and every count at its mean.
   */
  intercept: number;
  /**
   * The regression's features and their coefficients.
   *
   * @minItems 1
   * @maxItems 500
   */
  features: PredictiveFeature[];
  /**
   * Where the coefficients came from (file, leads, held-out metrics), for people reading the model.
   */
  learnedFrom?: string;
}
/**
 * Input 1 while the profile field equals `value` (for a list field: any element equals it; as a fit rule's `equals`), else 0.
 */
export interface ProfilePredictiveFeature {
  /**
   * Unique id of this feature within the predictive section; contributions name it.
   */
  id: string;
  /**
   * Dot path of the contact profile field the feature looks at, e.g. "industry" or "address.state".
   */
  field: string;
  /**
   * The value the field must equal. Numbers also match numeric text ("42").
   */
  value: string | number | boolean;
  /**
   * Log-odds this feature adds per unit of input.
   */
  coefficient: number;
}
/**
 * Input (count − mean) / sd, the count being the contact's events of type `event`: a count scaled as it was when the coefficients were learned.
 */
export interface CountPredictiveFeature {
  /**
   * Unique id of this feature within the predictive section; contributions name it.
   */
  id: string;
  event: EventType2;
  /**
   * The mean count of the leads learned from.
   */
  mean: number;
  /**
   * Their standard deviation.
   */
  sd: number;
  /**
   * Log-odds this feature adds per unit of input.
   */
  coefficient: number;
}
/**
 * When the decay service makes decayed scores visible. Scores are always exact whenever they are read; the schedule only decides when a change event is published for a contact who did nothing.
 */
export interface Schedule {
  /**
   * Five-field cron expression (minute hour day-of-month month day-of-week), e.g. "0 * * * *" for hourly.
   */
  cron: string;
  /**
   * IANA time zone the cron expression is read in, e.g. "Europe/Berlin". Default: the workspace’s time zone (the decay service’s DECAY_WORKSPACE_TIME_ZONES), else UTC.
   */
  timezone?: string;
}
