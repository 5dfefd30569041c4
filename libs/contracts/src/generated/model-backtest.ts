/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/model-backtest.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Answer of POST /v1/models/backtest: a candidate model against the live version of the same id on the workspace's archived contacts, before it is applied (nothing is stored or published). Every contact's archived events are replayed through the pure engine under both models.
 */
export interface ModelBacktest {
  modelId: string;
  /**
   * The history replayed: from the oldest archived event (the archive's retention bounds it) until the backtest ran.
   */
  period: {
    from: string | null;
    until: string;
  };
  /**
   * Contacts replayed.
   */
  contacts: number;
  /**
   * True when the workspace has more archived contacts than one backtest replays (API_BACKTEST_MAX_CONTACTS): the figures are of the first ones in key order.
   */
  truncated: boolean;
  /**
   * Contacts whose tier, grade or lifecycle stage differ between the two.
   */
  moved: {
    tier: number;
    grade: number;
    stage: number;
  };
  /**
   * Contacts the candidate makes MQL (or SQL) that the live model does not, and when: the earliest 100.
   */
  newMql: {
    count: number;
    /**
     * @maxItems 100
     */
    first: {
      contact: string;
      at: string;
    }[];
  };
  /**
   * Contacts MQL (or beyond) under the live model only: the first 100 by key.
   */
  lostMql: {
    count: number;
    /**
     * @maxItems 100
     */
    first: string[];
  };
  live: {
    model: {
      id: string;
      version: number;
    };
    /**
     * Contacts per tier (the named tier where the model has them; `none` without tiers).
     */
    tiers: {
      [k: string]: number;
    };
    stages: {
      lead: number;
      recycled: number;
      mql: number;
      sql: number;
    };
    /**
     * Over the contacts with an outcome (won or converted vs lost), each judged as it stood just before its outcome.
     */
    outcomes: {
      known: number;
      converted: number;
      /**
       * The chance a converted contact scores above a lost one (ties half); null with one kind only.
       */
      rocAuc: number | null;
      byTier: {
        tier: string;
        contacts: number;
        converted: number;
        rate: number;
      }[];
      thresholds: {
        /**
         * A total the model draws a line at (a tier threshold, an MQL or SQL total).
         */
        threshold: number;
        /**
         * Contacts with an outcome at or above the line.
         */
        predictedPositive: number;
        truePositive: number;
        falsePositive: number;
        falseNegative: number;
        /**
         * Of those at or above the line, the share that converted; null when none is.
         */
        precision: number | null;
        /**
         * Of those that converted, the share at or above the line; null when none converted.
         */
        recall: number | null;
        /**
         * Harmonic mean of precision and recall.
         */
        f1: number | null;
      }[];
      deciles: {
        decile: number;
        contacts: number;
        converted: number;
        rate: number | null;
        lift: number | null;
      }[];
    };
  };
  candidate: {
    model: {
      id: string;
      version: number;
    };
    /**
     * Contacts per tier (the named tier where the model has them; `none` without tiers).
     */
    tiers: {
      [k: string]: number;
    };
    stages: {
      lead: number;
      recycled: number;
      mql: number;
      sql: number;
    };
    /**
     * Over the contacts with an outcome (won or converted vs lost), each judged as it stood just before its outcome.
     */
    outcomes: {
      known: number;
      converted: number;
      /**
       * The chance a converted contact scores above a lost one (ties half); null with one kind only.
       */
      rocAuc: number | null;
      byTier: {
        tier: string;
        contacts: number;
        converted: number;
        rate: number;
      }[];
      thresholds: {
        /**
         * A total the model draws a line at (a tier threshold, an MQL or SQL total).
         */
        threshold: number;
        /**
         * Contacts with an outcome at or above the line.
         */
        predictedPositive: number;
        truePositive: number;
        falsePositive: number;
        falseNegative: number;
        /**
         * Of those at or above the line, the share that converted; null when none is.
         */
        precision: number | null;
        /**
         * Of those that converted, the share at or above the line; null when none converted.
         */
        recall: number | null;
        /**
         * Harmonic mean of precision and recall.
         */
        f1: number | null;
      }[];
      deciles: {
        decile: number;
        contacts: number;
        converted: number;
        rate: number | null;
        lift: number | null;
      }[];
    };
  };
}
