/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/learn-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/learn-request.schema.json, for validators (no file I/O at runtime). */
export const learnRequestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/learn-request.schema.json",
  "title": "LearnRequest",
  "description": "Body of POST /v1/models/learn (read scope): learn a model's points from past leads and their outcomes. `source` csv: a CRM export sent as text (with a reviewed `mapping`, or without one to get a proposal to review); `source` contacts: the workspace's archived contacts whose outcomes were recorded through the api (POST /v1/contacts/{contact}/outcomes), through a `mapping` of profile fields and event types. At most 16 MiB.",
  "type": "object",
  "required": [
    "source"
  ],
  "additionalProperties": false,
  "allOf": [
    {
      "if": {
        "properties": {
          "source": {
            "const": "csv"
          }
        }
      },
      "then": {
        "required": [
          "csv"
        ]
      }
    },
    {
      "if": {
        "properties": {
          "source": {
            "const": "contacts"
          }
        }
      },
      "then": {
        "required": [
          "mapping"
        ]
      }
    }
  ],
  "properties": {
    "source": {
      "type": "string",
      "enum": [
        "csv",
        "contacts"
      ],
      "description": "`csv`: the leads are the rows of `csv`; `contacts`: the workspace's archived contacts with a recorded outcome (won or converted vs lost)."
    },
    "csv": {
      "type": "string",
      "minLength": 1,
      "description": "The CRM export (RFC 4180: a header row of column names, quoted cells, a byte order mark tolerated); only with source csv."
    },
    "mapping": {
      "$ref": "../learning/feature-mapping.schema.json",
      "description": "The reviewed feature mapping (schemas/learning/feature-mapping). Required for contacts, where each category names the profile field to read and each count the event type to count before the outcome (its `outcome` section is not read: outcomes come from outcome.* events). Left out with csv: the answer proposes one and learns nothing."
    },
    "options": {
      "type": "object",
      "additionalProperties": false,
      "description": "The learning pass's settings (libs/learning LearnOptions); each has its default.",
      "properties": {
        "C": {
          "type": "number",
          "exclusiveMinimum": 0,
          "description": "The regression's inverse regularisation strength (default 1)."
        },
        "seed": {
          "type": "integer",
          "description": "Seed of the train/test split (default 7)."
        },
        "testShare": {
          "type": "number",
          "exclusiveMinimum": 0,
          "exclusiveMaximum": 1,
          "description": "Share of the leads held out to evaluate the fit (default 0.3)."
        },
        "minSupport": {
          "type": "integer",
          "minimum": 1,
          "description": "Leads a value needs to get a column of its own (default 10)."
        },
        "leakageThreshold": {
          "type": "number",
          "minimum": 0.5,
          "maximum": 1,
          "description": "A single column predicting the outcome with a ROC AUC at least this is left out (default 0.95)."
        },
        "keep": {
          "type": "array",
          "items": {
            "type": "string",
            "minLength": 1
          },
          "maxItems": 1000,
          "description": "Columns kept even when flagged as leaky."
        },
        "pointsPerLogOdds": {
          "type": "number",
          "exclusiveMinimum": 0,
          "description": "Points per unit of log-odds in the point table (default 10)."
        }
      }
    },
    "model": {
      "type": "object",
      "required": [
        "id"
      ],
      "additionalProperties": false,
      "description": "Id and name of the model YAML written from what was learned (default id `learned`).",
      "properties": {
        "id": {
          "type": "string",
          "pattern": "^[a-z0-9][a-z0-9._-]{0,63}$"
        },
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200
        }
      }
    }
  }
};
