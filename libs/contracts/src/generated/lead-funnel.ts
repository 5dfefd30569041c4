/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/lead-funnel.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Answer of GET /v1/analytics/models/{id}/funnel: the contacts that became leads under a model in [from, to) (their first score change), by cohort week, and how many of them have reached MQL and SQL by now.
 */
export interface LeadFunnel {
  modelId: string;
  from: string;
  to: string;
  /**
   * Weeks with at least one new lead, oldest first.
   */
  cohorts: LeadCohort[];
}
export interface LeadCohort {
  /**
   * The cohort's Monday (UTC).
   */
  week: string;
  leads: number;
  /**
   * Leads of the cohort that have reached MQL (or gone straight to SQL).
   */
  mqls: number;
  /**
   * Leads of the cohort that have reached SQL.
   */
  sqls: number;
  /**
   * Rates from 0 to 1, to four decimals; null when there is nothing to convert from.
   */
  conversion: {
    leadToMql: number;
    mqlToSql: number | null;
    leadToSql: number;
  };
  /**
   * From becoming a lead to MQL, in seconds, over the cohort's MQLs (nearest rank); null when none has reached MQL.
   */
  timeToMql: {
    median: number;
    p90: number;
  } | null;
}
