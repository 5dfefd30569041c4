/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/lifecycle/lifecycle-changed.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/lifecycle/lifecycle-changed.schema.json, for validators (no file I/O at runtime). */
export const lifecycleChangedSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/lifecycle/lifecycle-changed.schema.json",
  "title": "LifecycleChangedEvent",
  "description": "One tier or lifecycle-stage transition of a contact under one model, as published on leads.lifecycle.v1 and sent to CRM webhooks: a CloudEvents 1.0 envelope (type `tier.changed` or `stage.changed`). The id is deterministic (a hash of workspace, model, contact, the score-changed sequence and the transition's index), so consumers dedupe on it.",
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
      "description": "sha256 of workspace, model id, contact, score sequence and transition index (hex)."
    },
    "source": {
      "type": "string",
      "description": "`leadscore/threshold`."
    },
    "type": {
      "type": "string",
      "enum": [
        "tier.changed",
        "stage.changed"
      ],
      "description": "A tier line or a lifecycle-stage line was crossed."
    },
    "time": {
      "type": "string",
      "format": "date-time",
      "description": "The time of the score change behind the transition."
    },
    "subject": {
      "type": "string",
      "description": "The contact key."
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
      "$ref": "#/definitions/LifecycleChangedData"
    }
  },
  "definitions": {
    "LifecycleChangedData": {
      "type": "object",
      "description": "The transition, the scores that caused it and why.",
      "required": [
        "contact",
        "model",
        "kind",
        "previous",
        "current",
        "sequence",
        "scoreChangedId",
        "scores",
        "cause",
        "contributions"
      ],
      "additionalProperties": false,
      "properties": {
        "contact": {
          "type": "string",
          "description": "The contact key."
        },
        "model": {
          "type": "object",
          "description": "The model (and version) whose thresholds were crossed.",
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
          "description": "Which ladder moved: tier (cold/warm/hot) or lifecycle stage (lead/recycled/mql/sql)."
        },
        "previous": {
          "type": "string",
          "enum": [
            "cold",
            "warm",
            "hot",
            "lead",
            "recycled",
            "mql",
            "sql"
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
            "recycled",
            "mql",
            "sql"
          ],
          "description": "The tier or stage after."
        },
        "previousName": {
          "description": "For a tier transition under a model with named tiers: the named tier before (`previous` holds the cold, warm or hot it counts as). Absent otherwise.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,31}$"
        },
        "currentName": {
          "description": "For a tier transition under a model with named tiers: the named tier after (`current` holds the cold, warm or hot it counts as; a move between two tiers that count as the same one has `previous` equal to `current`). Absent otherwise.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,31}$"
        },
        "sequence": {
          "type": "integer",
          "minimum": 1,
          "description": "The score-changed sequence that caused it."
        },
        "scoreChangedId": {
          "type": "string",
          "description": "Id of the score-changed event (empty for a transition set by sales)."
        },
        "scores": {
          "$ref": "#/definitions/LifecycleScores"
        },
        "cause": {
          "type": "string",
          "enum": [
            "score",
            "rescore",
            "sales-accepted"
          ],
          "description": "A score change; a score change of a rescore (the model re-applied to past activity: a hand-off it causes is marked so); or sales accepting the lead."
        },
        "contributions": {
          "type": "array",
          "description": "The rules that make up the score (the explanation), largest first.",
          "items": {
            "$ref": "#/definitions/LifecycleContribution"
          }
        }
      }
    },
    "LifecycleScores": {
      "type": "object",
      "description": "The score snapshot at the transition.",
      "required": [
        "fit",
        "engagement",
        "total",
        "tier",
        "grade"
      ],
      "additionalProperties": false,
      "properties": {
        "fit": {
          "type": "number",
          "description": "Fit points."
        },
        "engagement": {
          "type": "number",
          "description": "Engagement points."
        },
        "total": {
          "type": "number",
          "description": "Total points."
        },
        "tier": {
          "description": "cold, warm or hot; null when the model has no tiers.",
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
          "description": "The named tier (the model's `tiers[].id`) when the model has named tiers; absent otherwise. `tier` holds the cold, warm or hot it counts as.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,31}$"
        },
        "grade": {
          "description": "A–F; null when no band matches.",
          "oneOf": [
            {
              "type": "string"
            },
            {
              "type": "null"
            }
          ]
        }
      }
    },
    "LifecycleContribution": {
      "type": "object",
      "description": "One rule's share of the score.",
      "required": [
        "ruleId",
        "kind",
        "points",
        "eventId"
      ],
      "additionalProperties": false,
      "properties": {
        "ruleId": {
          "type": "string",
          "description": "The model rule."
        },
        "kind": {
          "type": "string",
          "enum": [
            "fit",
            "engagement",
            "absence",
            "inactivity"
          ],
          "description": "Which part of the model."
        },
        "points": {
          "type": "number",
          "description": "What it is worth now."
        },
        "eventId": {
          "description": "The event behind its latest award.",
          "oneOf": [
            {
              "type": "string"
            },
            {
              "type": "null"
            }
          ]
        },
        "group": {
          "type": "string",
          "description": "The model's score group the rule belongs to, when it belongs to one (optional, as in leads.score-changed.v1)."
        }
      }
    }
  }
};
