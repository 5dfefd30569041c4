/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/learning/feature-mapping.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * How the columns of a CRM export of past leads map to what the live scorer knows, so that what is learned from the file scores live contacts the same way. Written by `leadscore model learn` for a person to review (YAML or JSON).
 */
export interface FeatureMapping {
  outcome: OutcomeColumn;
  features: (CategoryFeature | CountFeature | IgnoredColumn)[];
}
export interface OutcomeColumn {
  /**
   * The column saying whether the lead converted.
   */
  column: string;
  /**
   * Cell values that mean converted (compared case-insensitively), e.g. 1, won, yes.
   *
   * @minItems 1
   */
  converted: string[];
  /**
   * Cell values that mean not converted, e.g. 0, lost, no. Any other value is an error naming its line.
   *
   * @minItems 1
   */
  lost: string[];
}
export interface CategoryFeature {
  column: string;
  kind: 'category';
  /**
   * The profile field (trait) the live scorer reads the same value from.
   */
  field: string;
  /**
   * Values that mean not answered (compared case-insensitively, trimmed), e.g. Select.
   */
  placeholders?: string[];
}
export interface CountFeature {
  column: string;
  kind: 'count';
  /**
   * The event type the live scorer counts for the same activity, e.g. web.page_viewed; null until a person maps it (the column is learned from, but a model cannot score it live).
   */
  event: string | null;
}
export interface IgnoredColumn {
  column: string;
  kind: 'ignore';
  /**
   * Why it is left out (an identifier, a leaky column, ...).
   */
  reason: string;
}
