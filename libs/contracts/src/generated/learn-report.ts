/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/learn-report.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * One column of the regression: an answer of a profile field (one-hot) or a count of events (scaled by the training leads' mean and standard deviation).
 */
export type LearnedFeatureColumn =
  | {
      kind: 'category';
      /**
       * The column (or mapped feature) it comes from.
       */
      source: string;
      /**
       * The profile field the live scorer reads.
       */
      field: string;
      value: string;
      placeholders?: string[];
    }
  | {
      kind: 'count';
      source: string;
      /**
       * The event type counted; null until mapped.
       */
      event: string | null;
      mean: number;
      sd: number;
    };

/**
 * Answer of POST /v1/models/learn: what was learned from past leads (libs/learning learnFromLeads) — leakage checks with the class balance, what was left out and why, close-rate points per profile field, the L2 logistic regression's points and its evaluation on held-out leads — with the mapping used and a model YAML to review, diff and apply. For a CSV sent without a mapping: the proposed mapping alone (`status` mapping-proposed, `report` and `model` null). Nothing is stored.
 */
export interface ModelLearnReport {
  source: 'csv' | 'contacts';
  /**
   * `learned`: `report` and `model` are set; `mapping-proposed`: a CSV came without a mapping — review `mapping` (map each count to an event type, each category to a profile field) and send it back with the same CSV.
   */
  status: 'learned' | 'mapping-proposed';
  /**
   * What was done and what to do next, in words.
   */
  detail: string;
  mapping: FeatureMapping;
  /**
   * Source contacts: the archived contacts read and how many had an outcome to learn from (null for csv).
   */
  contacts: null | {
    /**
     * Contacts read from the archive (one per person: merged contacts under their survivor).
     */
    archived: number;
    /**
     * Contacts with a won/converted or lost outcome: the leads.
     */
    labelled: number;
    /**
     * Contacts left out: no outcome recorded yet.
     */
    unlabelled: number;
    /**
     * True when the workspace has more archived contacts than one pass reads (API_BACKTEST_MAX_CONTACTS).
     */
    truncated: boolean;
    /**
     * The oldest archived event.
     */
    archivedFrom: string | null;
  };
  report: null | {
    leads: number;
    trainLeads: number;
    testLeads: number;
    /**
     * Each column's single-column ROC AUC; flagged ones are left out of everything below unless kept.
     */
    leakage: {
      columns: {
        name: string;
        kind: 'categorical' | 'numeric';
        auc: number | null;
        leaky: boolean;
        excluded: boolean;
        reason: string | null;
      }[];
      included: string[];
      excluded: {
        name: string;
        reason: string;
      }[];
      classBalance: {
        positives: number;
        negatives: number;
        positiveShare: number;
        minorityShare: number;
        warning: string | null;
      };
    };
    /**
     * Columns left out, with why: the mapping's ignored ones and the leaky ones.
     */
    leftOut: {
      column: string;
      reason: string;
    }[];
    /**
     * Close-rate points per profile field (all leads).
     */
    closeRates: {
      column: string;
      field: string;
      suggestions: {
        overall: {
          leads: number;
          conversions: number;
          rate: number;
        };
        suggestions: {
          leads: number;
          conversions: number;
          rate: number;
          /**
           * `rate` over the overall rate.
           */
          lift: number;
          /**
           * Null for the pool of rarer values.
           */
          value: string | null;
          kind: 'value' | 'other';
          pooledValues: string[];
          points: number | null;
          reason: string | null;
        }[];
        /**
         * Leads that left the field empty or answered a placeholder: their rate, never scored.
         */
        notAnswered: null | {
          leads: number;
          conversions: number;
          rate: number;
          /**
           * `rate` over the overall rate.
           */
          lift: number;
          reason: string;
        };
      };
    }[];
    /**
     * The L2 logistic regression fitted on the training leads, as points.
     */
    regression: {
      C: number;
      pointsPerLogOdds: number;
      converged: boolean;
      iterations: number;
      intercept: number;
      points: {
        column: LearnedFeatureColumn;
        coefficient: number;
        points: number;
      }[];
    };
    /**
     * The fit's probabilities on the held-out leads.
     */
    evaluation: {
      count: number;
      positives: number;
      /**
       * Null when the held-out leads are all of one kind.
       */
      rocAuc: number | null;
      accuracy: number;
      brierScore: number;
      logLoss: number;
      calibration: {
        lower: number;
        upper: number;
        count: number;
        meanPredicted: number | null;
        observedRate: number | null;
      }[];
    };
  };
  /**
   * A model YAML written from what was learned (libs/learning modelFromLearning), to review, then diff, backtest and apply; null with a proposed mapping.
   */
  model: string | null;
}
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
