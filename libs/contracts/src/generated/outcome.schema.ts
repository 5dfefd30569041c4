/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/outcome.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/events/outcome.schema.json, for validators (no file I/O at runtime). */
export const outcomeSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/events/outcome.schema.json",
  "title": "OutcomeEventDataByType",
  "description": "The `data` of every outcome.* event, keyed by event type: what sales and the business did with a contact, recorded through the api (POST /v1/contacts/{contact}/outcomes; ingest refuses them). Outcomes score nothing (scoring models cannot name them): they are the labels that rescoring and model suggestions learn from, and `outcome.sales_accepted` / `outcome.sales_rejected` set and clear sales acceptance in the threshold service.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "outcome.sales_accepted",
    "outcome.sales_rejected",
    "outcome.converted",
    "outcome.won",
    "outcome.lost"
  ],
  "properties": {
    "outcome.sales_accepted": {
      "$ref": "#/definitions/OutcomeData",
      "description": "Sales accepted the lead: the threshold service moves its lifecycle to SQL, where it stays whatever the score does (like the trait `sales_accepted: true`)."
    },
    "outcome.sales_rejected": {
      "$ref": "#/definitions/OutcomeData",
      "description": "Sales returned the lead: the score decides its stage again (like the trait `sales_accepted: false`)."
    },
    "outcome.converted": {
      "$ref": "#/definitions/OutcomeData",
      "description": "The contact converted (became an opportunity, signed up for a trial, ...), as the business defines it."
    },
    "outcome.won": {
      "$ref": "#/definitions/OutcomeData",
      "description": "The deal was won; `amount` and `currency` say for how much."
    },
    "outcome.lost": {
      "$ref": "#/definitions/OutcomeData",
      "description": "The deal was lost; `reason` says why."
    }
  },
  "definitions": {
    "OutcomeData": {
      "title": "OutcomeData",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "actor"
      ],
      "dependencies": {
        "amount": [
          "currency"
        ]
      },
      "properties": {
        "amount": {
          "type": "number",
          "minimum": 0,
          "description": "Monetary value of the outcome (e.g. the deal size), in `currency`."
        },
        "currency": {
          "type": "string",
          "pattern": "^[A-Z]{3}$",
          "description": "ISO 4217 code of `amount`, e.g. EUR."
        },
        "reason": {
          "type": "string",
          "minLength": 1,
          "maxLength": 1000,
          "description": "Why, in the words of whoever recorded it (e.g. why a deal was lost)."
        },
        "actor": {
          "$ref": "#/definitions/OutcomeActor"
        }
      }
    },
    "OutcomeActor": {
      "title": "OutcomeActor",
      "description": "Who recorded the outcome: the id of the API key the request was made with (never the key).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "key_id"
      ],
      "properties": {
        "key_id": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64
        }
      }
    }
  }
};
