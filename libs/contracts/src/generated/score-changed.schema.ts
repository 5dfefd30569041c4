/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/scores/score-changed.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/scores/score-changed.schema.json, for validators (no file I/O at runtime). */
export const scoreChangedSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/scores/score-changed.schema.json",
  "title": "ScoreChangedEvent",
  "description": "One change of a contact's scores under one model, as published on leads.score-changed.v1: a CloudEvents 1.0 envelope (type `score.changed`) whose data carries previous and new scores and the explanation. The id is deterministic (a hash of workspace, model, contact and sequence), so consumers dedupe on it.",
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
      "description": "sha256 of workspace, model id, contact and sequence (hex)."
    },
    "source": {
      "type": "string",
      "description": "`leadscore/scorer` or `leadscore/decay`."
    },
    "type": {
      "type": "string",
      "const": "score.changed",
      "description": "Always `score.changed`."
    },
    "time": {
      "type": "string",
      "format": "date-time",
      "description": "The time the scores refer to (the event's time, or the decay pass's)."
    },
    "subject": {
      "type": "string",
      "description": "The contact key, as on leads.events.v1."
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
      "$ref": "#/definitions/ScoreChangedData"
    }
  },
  "definitions": {
    "ScoreChangedData": {
      "type": "object",
      "description": "What changed, and why.",
      "required": [
        "contact",
        "model",
        "sequence",
        "cause",
        "previous",
        "current",
        "contributions"
      ],
      "additionalProperties": false,
      "properties": {
        "contact": {
          "type": "string",
          "description": "The contact key."
        },
        "account": {
          "type": "string",
          "minLength": 1,
          "description": "The account (company) the contact belongs to after this change, when it has one: its `company.id` trait (a Segment `group` call sets it), else its email's domain unless a free-mail one. A change that only moves the contact to another account, or changes its account's traits, carries the same scores as the one before."
        },
        "model": {
          "type": "object",
          "description": "The model (and version) that computed the scores.",
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
        "sequence": {
          "type": "integer",
          "minimum": 1,
          "description": "Gapless per workspace, model and contact: 1 for the first change."
        },
        "cause": {
          "$ref": "#/definitions/ScoreChangeCause"
        },
        "previous": {
          "description": "Scores of the previous change; null for the first.",
          "oneOf": [
            {
              "$ref": "#/definitions/ScoreSnapshot"
            },
            {
              "type": "null"
            }
          ]
        },
        "current": {
          "$ref": "#/definitions/ScoreSnapshot"
        },
        "contributions": {
          "type": "array",
          "description": "The rules that make up the current score, largest first (at most 10).",
          "items": {
            "$ref": "#/definitions/ScoreContribution"
          }
        },
        "predictiveContributions": {
          "type": "array",
          "description": "Under a model with a `predictive` section: the features that move the probability most, largest first (at most 10), in log-odds. Absent otherwise.",
          "items": {
            "$ref": "#/definitions/PredictiveContribution"
          }
        }
      }
    },
    "ScoreChangeCause": {
      "type": "object",
      "description": "Why the scores changed.",
      "required": [
        "type"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "type": "string",
          "enum": [
            "event",
            "refit",
            "decay",
            "expiry",
            "absence",
            "inactivity",
            "rescore",
            "merge"
          ],
          "description": "An event scored, a profile change re-computed fit, a time effect, a rescore (every archived event replayed under a model version; published only when the scores, tier or grade moved), or a merge of two contacts (the survivor's scores re-derived from both contacts' events; the merged-away contact's last change)."
        },
        "mergedSubject": {
          "type": "string",
          "description": "Merge cause, on the survivor: the contact key merged into it."
        },
        "survivor": {
          "type": "string",
          "description": "Merge cause, on the merged-away contact: the contact key it now lives on."
        },
        "rescore": {
          "type": "string",
          "description": "Rescore cause: the rescore that re-derived the scores from the archive under a model version (GET /v1/rescores/{id})."
        },
        "eventId": {
          "type": "string",
          "description": "The event behind it (event and refit causes)."
        },
        "eventType": {
          "type": "string",
          "description": "That event's type."
        }
      }
    },
    "ScoreSnapshot": {
      "type": "object",
      "description": "Published scores, rounded to hundredths.",
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
          "description": "Fit (explicit) points; never decays."
        },
        "engagement": {
          "type": "number",
          "description": "Engagement (behavioral) points after decay, expiry and caps."
        },
        "total": {
          "type": "number",
          "description": "fit + engagement, clamped by the model."
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
          "description": "A–F from fit; null when no band matches.",
          "oneOf": [
            {
              "type": "string"
            },
            {
              "type": "null"
            }
          ]
        },
        "probability": {
          "type": "number",
          "minimum": 0,
          "maximum": 100,
          "description": "The model's predictive score: the probability of conversion, 0–100 in hundredths, under a model with a `predictive` section; absent otherwise. Optional: added in the v1 contract without a version change, as consumers may ignore it."
        }
      }
    },
    "ScoreContribution": {
      "type": "object",
      "description": "One rule's share of the current score.",
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
          "description": "Which part of the model it belongs to."
        },
        "points": {
          "type": "number",
          "description": "What it is worth now (after decay)."
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
          "description": "The model's score group the rule belongs to, when it belongs to one (`group:<id>` contributions are the group's own clip at its limit). Optional: added in the v1 contract without a version change, as consumers may ignore it."
        }
      }
    },
    "PredictiveContribution": {
      "type": "object",
      "description": "One feature's share of the predictive score.",
      "required": [
        "feature",
        "input",
        "logOdds"
      ],
      "additionalProperties": false,
      "properties": {
        "feature": {
          "type": "string",
          "description": "The model's `predictive.features[].id`."
        },
        "input": {
          "type": "number",
          "description": "1 or 0 for a profile feature (the field equals its value or not); the count of events for a count feature."
        },
        "logOdds": {
          "type": "number",
          "description": "What the feature adds to the log-odds of conversion (coefficient × scaled input), in thousandths; positive raises the probability."
        }
      }
    }
  }
};
