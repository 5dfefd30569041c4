/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/accounts/account-lifecycle-changed.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/accounts/account-lifecycle-changed.schema.json, for validators (no file I/O at runtime). */
export const accountLifecycleChangedSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/accounts/account-lifecycle-changed.schema.json",
  "title": "AccountLifecycleChangedEvent",
  "description": "One tier or stage transition of an account under one model, as published on leads.lifecycle.v1 (key `workspace:account:<id>`) and sent to webhooks subscribed to `account-tier` or `account-stage`: a CloudEvents 1.0 envelope (type `account.tier.changed` or `account.stage.changed`). The id is deterministic (a hash of workspace, model, account, the account score sequence and the transition's index), so consumers dedupe on it.",
  "type": "object",
  "required": [
    "specversion",
    "id",
    "source",
    "type",
    "time",
    "subject",
    "workspace",
    "datacontenttype",
    "data"
  ],
  "additionalProperties": false,
  "properties": {
    "specversion": {
      "type": "string",
      "const": "1.0",
      "description": "CloudEvents specification version."
    },
    "id": {
      "type": "string",
      "minLength": 1,
      "description": "sha256 of workspace, model id, account, account score sequence and transition index (hex)."
    },
    "source": {
      "type": "string",
      "description": "`leadscore/threshold`."
    },
    "type": {
      "type": "string",
      "enum": [
        "account.tier.changed",
        "account.stage.changed"
      ],
      "description": "An account tier line or the marketing-qualified-account line was crossed."
    },
    "time": {
      "type": "string",
      "format": "date-time",
      "description": "The time of the account score change behind the transition."
    },
    "subject": {
      "type": "string",
      "description": "`account:<id>`, the account's key within the workspace (the message key is `workspace:account:<id>`)."
    },
    "workspace": {
      "type": "string",
      "description": "The tenant."
    },
    "datacontenttype": {
      "type": "string",
      "const": "application/json",
      "description": "Always JSON."
    },
    "data": {
      "$ref": "#/definitions/AccountLifecycleChangedData"
    }
  },
  "definitions": {
    "AccountLifecycleChangedData": {
      "type": "object",
      "description": "The transition and the scores that caused it.",
      "required": [
        "account",
        "model",
        "kind",
        "previous",
        "current",
        "sequence",
        "accountScoreChangedId",
        "scores"
      ],
      "additionalProperties": false,
      "properties": {
        "account": {
          "type": "string",
          "description": "The account id."
        },
        "model": {
          "type": "object",
          "description": "The model (and version) whose account scoring computed the scores.",
          "required": [
            "id",
            "version"
          ],
          "additionalProperties": false,
          "properties": {
            "id": {
              "type": "string",
              "description": "Model id."
            },
            "version": {
              "type": "integer",
              "description": "Model version."
            }
          }
        },
        "kind": {
          "type": "string",
          "enum": [
            "tier",
            "stage"
          ],
          "description": "Which ladder moved: tier (cold/warm/hot, or named tiers) or stage (lead/mqa)."
        },
        "previous": {
          "type": "string",
          "enum": [
            "cold",
            "warm",
            "hot",
            "lead",
            "mqa"
          ],
          "description": "The tier or stage before."
        },
        "current": {
          "type": "string",
          "enum": [
            "cold",
            "warm",
            "hot",
            "lead",
            "mqa"
          ],
          "description": "The tier or stage after."
        },
        "previousName": {
          "description": "For a tier transition under named account tiers: the named tier before. Absent otherwise.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,31}$"
        },
        "currentName": {
          "description": "For a tier transition under named account tiers: the named tier after. Absent otherwise.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,31}$"
        },
        "sequence": {
          "type": "integer",
          "minimum": 1,
          "description": "The account score sequence that caused it."
        },
        "accountScoreChangedId": {
          "type": "string",
          "description": "Id of the account.score.changed event behind it."
        },
        "scores": {
          "$ref": "#/definitions/AccountLifecycleScores"
        }
      }
    },
    "AccountLifecycleScores": {
      "type": "object",
      "description": "An account's published scores, rounded to hundredths.",
      "required": [
        "fit",
        "engagement",
        "total",
        "tier",
        "grade",
        "members"
      ],
      "additionalProperties": false,
      "properties": {
        "fit": {
          "type": "number",
          "description": "Account fit points from the account fit rules; never decays."
        },
        "engagement": {
          "type": "number",
          "description": "Members' current engagement rolled up (sum, max or mean of the top N, as the model says)."
        },
        "total": {
          "type": "number",
          "description": "fit + engagement."
        },
        "tier": {
          "description": "cold, warm or hot; null when the model's account scoring has no tiers.",
          "oneOf": [
            {
              "type": "string",
              "enum": [
                "cold",
                "warm",
                "hot"
              ]
            },
            {
              "type": "null"
            }
          ]
        },
        "tierName": {
          "description": "The named account tier (`accounts.tiers[].id`) under named account tiers; absent otherwise. `tier` holds the cold, warm or hot it counts as.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,31}$"
        },
        "grade": {
          "description": "A–F from the account's fit; null when no band matches.",
          "oneOf": [
            {
              "type": "string"
            },
            {
              "type": "null"
            }
          ]
        },
        "members": {
          "type": "integer",
          "minimum": 0,
          "description": "How many contacts the account has under this model."
        }
      }
    }
  }
};
