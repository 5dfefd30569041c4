/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/contact-scores.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/contact-scores.schema.json, for validators (no file I/O at runtime). */
export const contactScoresSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/contact-scores.schema.json",
  "title": "ContactScores",
  "description": "Answer of GET /v1/contacts/{contact} and GET /v1/contacts?email=|phone=|userId=: the contact's scores under every model that scored it, each as of now and as stored, with why.",
  "type": "object",
  "required": [
    "contact",
    "models"
  ],
  "additionalProperties": false,
  "properties": {
    "contact": {
      "type": "string",
      "description": "The contact key, normalised (e.g. email:ada@example.com); when the key asked for was merged into another contact, the survivor's."
    },
    "mergedFrom": {
      "type": "string",
      "description": "Present when the key asked for belongs to a contact merged into this one (identity stitching): that key."
    },
    "identities": {
      "type": "array",
      "items": {
        "type": "string"
      },
      "description": "Every other key of this contact: the contacts merged into it (an anonymous visitor who identified, a CRM's duplicate), each of which finds it. Absent when there are none."
    },
    "models": {
      "type": "array",
      "items": {
        "title": "ContactModelScore",
        "type": "object",
        "required": [
          "modelId",
          "modelVersion",
          "liveVersion",
          "now",
          "stored",
          "stage",
          "relative",
          "contributions",
          "sinceLastWrite",
          "runningAwards",
          "waitingAbsences",
          "frequencyCounts"
        ],
        "additionalProperties": false,
        "properties": {
          "modelId": {
            "type": "string"
          },
          "modelVersion": {
            "type": "integer",
            "description": "The model version the stored figures were computed with."
          },
          "liveVersion": {
            "type": "integer",
            "description": "The version `now` is computed with: the live one, which the next event or decay pass applies."
          },
          "now": {
            "description": "As of the read: decay, expiry, absences and inactivity due by then applied (exact, since decay is analytic).",
            "$ref": "#/definitions/figures"
          },
          "stored": {
            "description": "As published by the last event or decay pass (leads.score-changed.v1), with its sequence and time.",
            "allOf": [
              {
                "$ref": "#/definitions/figures"
              }
            ],
            "type": "object",
            "required": [
              "sequence"
            ],
            "properties": {
              "sequence": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "stage": {
            "type": [
              "string",
              "null"
            ],
            "description": "The lifecycle stage the threshold service last published (lead, mql, sql, recycled); null before it saw the contact."
          },
          "relative": {
            "description": "ONTRAPORT's relative score of the stored total (unrounded) among the model's contacts, against the model's stats (median, top) as of `statsAsOf`; null when the contact has no rank yet.",
            "oneOf": [
              {
                "type": "object",
                "required": [
                  "percent",
                  "basis",
                  "statsAsOf"
                ],
                "additionalProperties": false,
                "properties": {
                  "percent": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 100,
                    "description": "0–100, two decimals: the top contact is 100, the median 50."
                  },
                  "basis": {
                    "type": "string",
                    "enum": [
                      "stored"
                    ],
                    "description": "Computed from the stored total (as of the last event or decay pass), as the leaderboard ranks it, not from `now`."
                  },
                  "statsAsOf": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              },
              {
                "type": "null"
              }
            ]
          },
          "contributions": {
            "type": "array",
            "description": "Every rule with points now, largest first.",
            "items": {
              "type": "object",
              "required": [
                "ruleId",
                "kind",
                "points",
                "eventId"
              ],
              "additionalProperties": false,
              "properties": {
                "ruleId": {
                  "type": "string"
                },
                "kind": {
                  "type": "string",
                  "enum": [
                    "fit",
                    "engagement",
                    "absence",
                    "inactivity"
                  ]
                },
                "points": {
                  "type": "number",
                  "description": "What the rule is worth now (after decay), in hundredths."
                },
                "eventId": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "description": "The event behind its latest award."
                },
                "group": {
                  "type": "string",
                  "description": "The model's score group the rule belongs to, when it belongs to one."
                }
              }
            }
          },
          "sinceLastWrite": {
            "type": "array",
            "description": "Time effects due since the stored figures were written: in `now`, not yet in `stored`.",
            "items": {
              "type": "object",
              "required": [
                "ruleId",
                "kind",
                "outcome",
                "points",
                "eventId",
                "at"
              ],
              "additionalProperties": false,
              "properties": {
                "ruleId": {
                  "type": "string"
                },
                "kind": {
                  "type": "string",
                  "enum": [
                    "fit",
                    "engagement",
                    "absence",
                    "inactivity"
                  ]
                },
                "outcome": {
                  "type": "string",
                  "enum": [
                    "awarded",
                    "capped",
                    "limited",
                    "expired",
                    "refit"
                  ]
                },
                "points": {
                  "type": "number"
                },
                "eventId": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "at": {
                  "type": "string",
                  "format": "date-time"
                },
                "group": {
                  "type": "string",
                  "description": "The model's score group the rule belongs to, when it belongs to one."
                }
              }
            }
          },
          "runningAwards": {
            "type": "array",
            "description": "Awards that still count, soonest to expire first.",
            "items": {
              "type": "object",
              "required": [
                "ruleId",
                "eventId",
                "points",
                "expiresAt"
              ],
              "additionalProperties": false,
              "properties": {
                "ruleId": {
                  "type": "string"
                },
                "eventId": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "points": {
                  "type": "number"
                },
                "expiresAt": {
                  "type": "string",
                  "format": "date-time"
                }
              }
            }
          },
          "waitingAbsences": {
            "type": "array",
            "description": "Absence rules waiting for the follow-up: the penalty applies at `dueAt` unless it comes.",
            "items": {
              "type": "object",
              "required": [
                "ruleId",
                "triggerEventId",
                "dueAt"
              ],
              "additionalProperties": false,
              "properties": {
                "ruleId": {
                  "type": "string"
                },
                "triggerEventId": {
                  "type": "string"
                },
                "dueAt": {
                  "type": "string",
                  "format": "date-time"
                }
              }
            }
          },
          "frequencyCounts": {
            "type": "array",
            "description": "Every frequency rule's count of matching events within its window, the range it is in, and when the oldest counted event leaves the window (the count then drops, and the rule's points may change).",
            "items": {
              "type": "object",
              "required": [
                "ruleId",
                "count",
                "orMore",
                "withinDays",
                "range",
                "oldestLeavesAt"
              ],
              "additionalProperties": false,
              "properties": {
                "ruleId": {
                  "type": "string"
                },
                "count": {
                  "type": "integer",
                  "minimum": 0,
                  "description": "Matching events within the window; with `orMore`, at least this many."
                },
                "orMore": {
                  "type": "boolean",
                  "description": "The count is at least `count`: the rule's ranges tell no more apart, so no more are kept."
                },
                "withinDays": {
                  "type": "number"
                },
                "range": {
                  "description": "The range the count is in, and its points; null when in none.",
                  "oneOf": [
                    {
                      "type": "object",
                      "required": [
                        "min",
                        "max",
                        "points"
                      ],
                      "additionalProperties": false,
                      "properties": {
                        "min": {
                          "type": "integer"
                        },
                        "max": {
                          "type": [
                            "integer",
                            "null"
                          ]
                        },
                        "points": {
                          "type": "number"
                        }
                      }
                    },
                    {
                      "type": "null"
                    }
                  ]
                },
                "oldestLeavesAt": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "format": "date-time"
                }
              }
            }
          },
          "predictiveContributions": {
            "type": "array",
            "description": "Under a model with a `predictive` section: every feature that moves the probability now, largest first (in log-odds). Absent otherwise.",
            "items": {
              "$ref": "../scores/score-changed.schema.json#/definitions/PredictiveContribution"
            }
          }
        }
      }
    }
  },
  "definitions": {
    "figures": {
      "type": "object",
      "required": [
        "fit",
        "engagement",
        "total",
        "tier",
        "grade",
        "at"
      ],
      "properties": {
        "fit": {
          "type": "number"
        },
        "engagement": {
          "type": "number"
        },
        "total": {
          "type": "number"
        },
        "tier": {
          "type": [
            "string",
            "null"
          ],
          "enum": [
            "cold",
            "warm",
            "hot",
            null
          ]
        },
        "tierName": {
          "description": "The named tier (the model's `tiers[].id`) when the model has named tiers; absent otherwise. `tier` holds the cold, warm or hot it counts as.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,31}$"
        },
        "grade": {
          "type": [
            "string",
            "null"
          ]
        },
        "at": {
          "type": "string",
          "format": "date-time",
          "description": "The time the figures are as of."
        },
        "sequence": {
          "type": "integer"
        },
        "probability": {
          "type": "number",
          "description": "The predictive score 0–100 (hundredths), under a model with a `predictive` section; absent otherwise."
        }
      }
    }
  }
};
