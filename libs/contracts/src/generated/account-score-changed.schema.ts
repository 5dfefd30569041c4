/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/accounts/account-score-changed.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/accounts/account-score-changed.schema.json, for validators (no file I/O at runtime). */
export const accountScoreChangedSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/accounts/account-score-changed.schema.json",
  "title": "AccountScoreChangedEvent",
  "description": "One change of an account's scores under one model, as published on leads.account-score-changed.v1 (key `workspace:account:<id>`) and sent to webhooks subscribed to `account-score`: a CloudEvents 1.0 envelope (type `account.score.changed`). An account's scores follow its members' score changes, each member change counted once. The id is deterministic (a hash of workspace, model, account and sequence), so consumers dedupe on it; changes of one account carry a gapless `sequence`, and may reach the topic out of sequence order (members live on different partitions), so a consumer keeps the highest.",
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
      "description": "sha256 of workspace, model id, account and sequence (hex)."
    },
    "source": {
      "type": "string",
      "description": "`leadscore/threshold`."
    },
    "type": {
      "type": "string",
      "const": "account.score.changed",
      "description": "Always `account.score.changed`."
    },
    "time": {
      "type": "string",
      "format": "date-time",
      "description": "The time of the member score change behind it."
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
      "$ref": "#/definitions/AccountScoreChangedData"
    }
  },
  "definitions": {
    "AccountScoreChangedData": {
      "type": "object",
      "description": "What changed, and why.",
      "required": [
        "account",
        "model",
        "sequence",
        "cause",
        "previous",
        "current",
        "rollup",
        "members",
        "fit"
      ],
      "additionalProperties": false,
      "properties": {
        "account": {
          "type": "string",
          "description": "The account id (a `group` call's groupId, a `company.id` trait, or an email domain)."
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
        "sequence": {
          "type": "integer",
          "minimum": 1,
          "description": "Gapless per workspace, model and account: 1 for the first change."
        },
        "cause": {
          "$ref": "#/definitions/AccountChangeCause"
        },
        "previous": {
          "description": "Scores of the previous change; null for the first.",
          "oneOf": [
            {
              "$ref": "#/definitions/AccountScores"
            },
            {
              "type": "null"
            }
          ]
        },
        "current": {
          "$ref": "#/definitions/AccountScores"
        },
        "rollup": {
          "type": "object",
          "description": "How members' engagement was rolled up.",
          "required": [
            "kind"
          ],
          "additionalProperties": false,
          "properties": {
            "kind": {
              "type": "string",
              "enum": [
                "sum",
                "max",
                "topMean"
              ],
              "description": "sum, max, or topMean."
            },
            "top": {
              "type": "integer",
              "minimum": 1,
              "description": "For topMean: how many of the highest members count."
            }
          }
        },
        "members": {
          "type": "array",
          "description": "The explanation's members: the highest members by current engagement, largest first (at most 10); under max and topMean the first ones are those counted.",
          "maxItems": 10,
          "items": {
            "$ref": "#/definitions/AccountMember"
          }
        },
        "fit": {
          "type": "array",
          "description": "The account fit rules that match the account's traits, with their points.",
          "items": {
            "$ref": "#/definitions/AccountFitContribution"
          }
        }
      }
    },
    "AccountChangeCause": {
      "type": "object",
      "description": "The member change behind it.",
      "required": [
        "type",
        "contact",
        "memberSequence"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "type": "string",
          "enum": [
            "member-changed",
            "member-joined",
            "member-left",
            "traits"
          ],
          "description": "A member's scores changed, a contact joined or left the account (a membership change, a merge or an erasure), or the account's traits changed (its fit was re-computed)."
        },
        "contact": {
          "type": "string",
          "description": "The member contact."
        },
        "memberSequence": {
          "type": "integer",
          "minimum": 0,
          "description": "The member's score-changed sequence that was rolled up (0 for an erasure)."
        }
      }
    },
    "AccountScores": {
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
    },
    "AccountMember": {
      "type": "object",
      "description": "One member's share.",
      "required": [
        "contact",
        "engagement"
      ],
      "additionalProperties": false,
      "properties": {
        "contact": {
          "type": "string",
          "description": "The member contact."
        },
        "engagement": {
          "type": "number",
          "description": "The member's current (last published) engagement."
        }
      }
    },
    "AccountFitContribution": {
      "type": "object",
      "description": "One account fit rule that matches.",
      "required": [
        "rule",
        "points"
      ],
      "additionalProperties": false,
      "properties": {
        "rule": {
          "type": "string",
          "description": "The account fit rule's id."
        },
        "points": {
          "type": "number",
          "description": "Its points."
        }
      }
    }
  }
};
