/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/top-rules.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Answer of GET /v1/analytics/models/{id}/top-rules: the rules that gave the most points under a model in [from, to). Each award counts its own points (what the rule is worth after it minus before it), not the rule's running total, and decay is not an award.
 */
export interface TopRules {
  modelId: string;
  from: string;
  to: string;
  /**
   * Most points first; rules that take points away last.
   */
  rules: RulePoints[];
}
export interface RulePoints {
  ruleId: string;
  /**
   * Which part of the model it belongs to.
   */
  kind: 'fit' | 'engagement' | 'absence' | 'inactivity';
  /**
   * Score changes in which the rule was awarded.
   */
  awards: number;
  /**
   * Contacts it was awarded to.
   */
  contacts: number;
  /**
   * Points given, rounded to hundredths.
   */
  points: number;
}
