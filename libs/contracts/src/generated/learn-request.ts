/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/learn-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Body of POST /v1/models/learn (read scope): learn a model's points from past leads and their outcomes. `source` csv: a CRM export sent as text (with a reviewed `mapping`, or without one to get a proposal to review); `source` contacts: the workspace's archived contacts whose outcomes were recorded through the api (POST /v1/contacts/{contact}/outcomes), through a `mapping` of profile fields and event types. At most 16 MiB.
 */
export type LearnRequest = {
  /**
   * `csv`: the leads are the rows of `csv`; `contacts`: the workspace's archived contacts with a recorded outcome (won or converted vs lost).
   */
  source: 'csv' | 'contacts';
  /**
   * The CRM export (RFC 4180: a header row of column names, quoted cells, a byte order mark tolerated); only with source csv.
   */
  csv?: string;
  mapping?: FeatureMapping;
  /**
   * The learning pass's settings (libs/learning LearnOptions); each has its default.
   */
  options?: {
    /**
     * The regression's inverse regularisation strength (default 1).
     */
    C?: number;
    /**
     * Seed of the train/test split (default 7).
     */
    seed?: number;
    /**
     * Share of the leads held out to evaluate the fit (default 0.3).
     */
    testShare?: number;
    /**
     * Leads a value needs to get a column of its own (default 10).
     */
    minSupport?: number;
    /**
     * A single column predicting the outcome with a ROC AUC at least this is left out (default 0.95).
     */
    leakageThreshold?: number;
    /**
     * Columns kept even when flagged as leaky.
     *
     * @maxItems 1000
     */
    keep?: string[];
    /**
     * Points per unit of log-odds in the point table (default 10).
     */
    pointsPerLogOdds?: number;
  };
  /**
   * Id and name of the model YAML written from what was learned (default id `learned`).
   */
  model?: {
    id: string;
    name?: string;
  };
};

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
