/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/lead-funnel.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/lead-funnel.schema.json, for validators (no file I/O at runtime). */
export const leadFunnelSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/lead-funnel.schema.json",
  "title": "LeadFunnel",
  "description": "Answer of GET /v1/analytics/models/{id}/funnel: the contacts that became leads under a model in [from, to) (their first score change), by cohort week, and how many of them have reached MQL and SQL by now.",
  "type": "object",
  "required": [
    "modelId",
    "from",
    "to",
    "cohorts"
  ],
  "additionalProperties": false,
  "properties": {
    "modelId": {
      "type": "string"
    },
    "from": {
      "type": "string",
      "format": "date-time"
    },
    "to": {
      "type": "string",
      "format": "date-time"
    },
    "cohorts": {
      "type": "array",
      "description": "Weeks with at least one new lead, oldest first.",
      "items": {
        "title": "LeadCohort",
        "type": "object",
        "required": [
          "week",
          "leads",
          "mqls",
          "sqls",
          "conversion",
          "timeToMql"
        ],
        "additionalProperties": false,
        "properties": {
          "week": {
            "type": "string",
            "format": "date",
            "description": "The cohort's Monday (UTC)."
          },
          "leads": {
            "type": "integer",
            "minimum": 1
          },
          "mqls": {
            "type": "integer",
            "minimum": 0,
            "description": "Leads of the cohort that have reached MQL (or gone straight to SQL)."
          },
          "sqls": {
            "type": "integer",
            "minimum": 0,
            "description": "Leads of the cohort that have reached SQL."
          },
          "conversion": {
            "type": "object",
            "description": "Rates from 0 to 1, to four decimals; null when there is nothing to convert from.",
            "required": [
              "leadToMql",
              "mqlToSql",
              "leadToSql"
            ],
            "additionalProperties": false,
            "properties": {
              "leadToMql": {
                "type": "number",
                "minimum": 0,
                "maximum": 1
              },
              "mqlToSql": {
                "type": [
                  "number",
                  "null"
                ],
                "minimum": 0,
                "maximum": 1
              },
              "leadToSql": {
                "type": "number",
                "minimum": 0,
                "maximum": 1
              }
            }
          },
          "timeToMql": {
            "description": "From becoming a lead to MQL, in seconds, over the cohort's MQLs (nearest rank); null when none has reached MQL.",
            "oneOf": [
              {
                "type": "object",
                "required": [
                  "median",
                  "p90"
                ],
                "additionalProperties": false,
                "properties": {
                  "median": {
                    "type": "number",
                    "minimum": 0
                  },
                  "p90": {
                    "type": "number",
                    "minimum": 0
                  }
                }
              },
              {
                "type": "null"
              }
            ]
          }
        }
      }
    }
  }
};
