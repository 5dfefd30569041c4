/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/model-backtest.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/model-backtest.schema.json, for validators (no file I/O at runtime). */
export const modelBacktestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/model-backtest.schema.json",
  "title": "ModelBacktest",
  "description": "Answer of POST /v1/models/backtest: a candidate model against the live version of the same id on the workspace's archived contacts, before it is applied (nothing is stored or published). Every contact's archived events are replayed through the pure engine under both models.",
  "type": "object",
  "required": [
    "modelId",
    "period",
    "contacts",
    "truncated",
    "moved",
    "newMql",
    "lostMql",
    "live",
    "candidate"
  ],
  "additionalProperties": false,
  "properties": {
    "modelId": {
      "type": "string"
    },
    "period": {
      "type": "object",
      "required": [
        "from",
        "until"
      ],
      "additionalProperties": false,
      "description": "The history replayed: from the oldest archived event (the archive's retention bounds it) until the backtest ran.",
      "properties": {
        "from": {
          "type": [
            "string",
            "null"
          ],
          "format": "date-time"
        },
        "until": {
          "type": "string",
          "format": "date-time"
        }
      }
    },
    "contacts": {
      "type": "integer",
      "minimum": 0,
      "description": "Contacts replayed."
    },
    "truncated": {
      "type": "boolean",
      "description": "True when the workspace has more archived contacts than one backtest replays (API_BACKTEST_MAX_CONTACTS): the figures are of the first ones in key order."
    },
    "moved": {
      "type": "object",
      "required": [
        "tier",
        "grade",
        "stage"
      ],
      "additionalProperties": false,
      "description": "Contacts whose tier, grade or lifecycle stage differ between the two.",
      "properties": {
        "tier": {
          "type": "integer",
          "minimum": 0
        },
        "grade": {
          "type": "integer",
          "minimum": 0
        },
        "stage": {
          "type": "integer",
          "minimum": 0
        }
      }
    },
    "newMql": {
      "type": "object",
      "required": [
        "count",
        "first"
      ],
      "additionalProperties": false,
      "description": "Contacts the candidate makes MQL (or SQL) that the live model does not, and when: the earliest 100.",
      "properties": {
        "count": {
          "type": "integer",
          "minimum": 0
        },
        "first": {
          "type": "array",
          "maxItems": 100,
          "items": {
            "type": "object",
            "required": [
              "contact",
              "at"
            ],
            "additionalProperties": false,
            "properties": {
              "contact": {
                "type": "string"
              },
              "at": {
                "type": "string",
                "format": "date-time"
              }
            }
          }
        }
      }
    },
    "lostMql": {
      "type": "object",
      "required": [
        "count",
        "first"
      ],
      "additionalProperties": false,
      "description": "Contacts MQL (or beyond) under the live model only: the first 100 by key.",
      "properties": {
        "count": {
          "type": "integer",
          "minimum": 0
        },
        "first": {
          "type": "array",
          "maxItems": 100,
          "items": {
            "type": "string"
          }
        }
      }
    },
    "live": {
      "type": "object",
      "required": [
        "model",
        "tiers",
        "stages",
        "outcomes"
      ],
      "additionalProperties": false,
      "properties": {
        "model": {
          "type": "object",
          "required": [
            "id",
            "version"
          ],
          "additionalProperties": false,
          "properties": {
            "id": {
              "type": "string"
            },
            "version": {
              "type": "integer"
            }
          }
        },
        "tiers": {
          "type": "object",
          "description": "Contacts per tier (the named tier where the model has them; `none` without tiers).",
          "additionalProperties": {
            "type": "integer",
            "minimum": 0
          }
        },
        "stages": {
          "type": "object",
          "required": [
            "lead",
            "recycled",
            "mql",
            "sql"
          ],
          "additionalProperties": false,
          "properties": {
            "lead": {
              "type": "integer",
              "minimum": 0
            },
            "recycled": {
              "type": "integer",
              "minimum": 0
            },
            "mql": {
              "type": "integer",
              "minimum": 0
            },
            "sql": {
              "type": "integer",
              "minimum": 0
            }
          }
        },
        "outcomes": {
          "type": "object",
          "description": "Over the contacts with an outcome (won or converted vs lost), each judged as it stood just before its outcome.",
          "required": [
            "known",
            "converted",
            "rocAuc",
            "byTier",
            "thresholds",
            "deciles"
          ],
          "additionalProperties": false,
          "properties": {
            "known": {
              "type": "integer",
              "minimum": 0
            },
            "converted": {
              "type": "integer",
              "minimum": 0
            },
            "rocAuc": {
              "type": [
                "number",
                "null"
              ],
              "description": "The chance a converted contact scores above a lost one (ties half); null with one kind only."
            },
            "byTier": {
              "type": "array",
              "items": {
                "type": "object",
                "required": [
                  "tier",
                  "contacts",
                  "converted",
                  "rate"
                ],
                "additionalProperties": false,
                "properties": {
                  "tier": {
                    "type": "string"
                  },
                  "contacts": {
                    "type": "integer"
                  },
                  "converted": {
                    "type": "integer"
                  },
                  "rate": {
                    "type": "number"
                  }
                }
              }
            },
            "thresholds": {
              "type": "array",
              "items": {
                "type": "object",
                "required": [
                  "threshold",
                  "predictedPositive",
                  "truePositive",
                  "falsePositive",
                  "falseNegative",
                  "precision",
                  "recall",
                  "f1"
                ],
                "additionalProperties": false,
                "properties": {
                  "threshold": {
                    "type": "number",
                    "description": "A total the model draws a line at (a tier threshold, an MQL or SQL total)."
                  },
                  "predictedPositive": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Contacts with an outcome at or above the line."
                  },
                  "truePositive": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "falsePositive": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "falseNegative": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "precision": {
                    "type": [
                      "number",
                      "null"
                    ],
                    "description": "Of those at or above the line, the share that converted; null when none is."
                  },
                  "recall": {
                    "type": [
                      "number",
                      "null"
                    ],
                    "description": "Of those that converted, the share at or above the line; null when none converted."
                  },
                  "f1": {
                    "type": [
                      "number",
                      "null"
                    ],
                    "description": "Harmonic mean of precision and recall."
                  }
                }
              }
            },
            "deciles": {
              "type": "array",
              "items": {
                "type": "object",
                "required": [
                  "decile",
                  "contacts",
                  "converted",
                  "rate",
                  "lift"
                ],
                "additionalProperties": false,
                "properties": {
                  "decile": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 10
                  },
                  "contacts": {
                    "type": "integer"
                  },
                  "converted": {
                    "type": "integer"
                  },
                  "rate": {
                    "type": [
                      "number",
                      "null"
                    ]
                  },
                  "lift": {
                    "type": [
                      "number",
                      "null"
                    ]
                  }
                }
              }
            }
          }
        }
      }
    },
    "candidate": {
      "type": "object",
      "required": [
        "model",
        "tiers",
        "stages",
        "outcomes"
      ],
      "additionalProperties": false,
      "properties": {
        "model": {
          "type": "object",
          "required": [
            "id",
            "version"
          ],
          "additionalProperties": false,
          "properties": {
            "id": {
              "type": "string"
            },
            "version": {
              "type": "integer"
            }
          }
        },
        "tiers": {
          "type": "object",
          "description": "Contacts per tier (the named tier where the model has them; `none` without tiers).",
          "additionalProperties": {
            "type": "integer",
            "minimum": 0
          }
        },
        "stages": {
          "type": "object",
          "required": [
            "lead",
            "recycled",
            "mql",
            "sql"
          ],
          "additionalProperties": false,
          "properties": {
            "lead": {
              "type": "integer",
              "minimum": 0
            },
            "recycled": {
              "type": "integer",
              "minimum": 0
            },
            "mql": {
              "type": "integer",
              "minimum": 0
            },
            "sql": {
              "type": "integer",
              "minimum": 0
            }
          }
        },
        "outcomes": {
          "type": "object",
          "description": "Over the contacts with an outcome (won or converted vs lost), each judged as it stood just before its outcome.",
          "required": [
            "known",
            "converted",
            "rocAuc",
            "byTier",
            "thresholds",
            "deciles"
          ],
          "additionalProperties": false,
          "properties": {
            "known": {
              "type": "integer",
              "minimum": 0
            },
            "converted": {
              "type": "integer",
              "minimum": 0
            },
            "rocAuc": {
              "type": [
                "number",
                "null"
              ],
              "description": "The chance a converted contact scores above a lost one (ties half); null with one kind only."
            },
            "byTier": {
              "type": "array",
              "items": {
                "type": "object",
                "required": [
                  "tier",
                  "contacts",
                  "converted",
                  "rate"
                ],
                "additionalProperties": false,
                "properties": {
                  "tier": {
                    "type": "string"
                  },
                  "contacts": {
                    "type": "integer"
                  },
                  "converted": {
                    "type": "integer"
                  },
                  "rate": {
                    "type": "number"
                  }
                }
              }
            },
            "thresholds": {
              "type": "array",
              "items": {
                "type": "object",
                "required": [
                  "threshold",
                  "predictedPositive",
                  "truePositive",
                  "falsePositive",
                  "falseNegative",
                  "precision",
                  "recall",
                  "f1"
                ],
                "additionalProperties": false,
                "properties": {
                  "threshold": {
                    "type": "number",
                    "description": "A total the model draws a line at (a tier threshold, an MQL or SQL total)."
                  },
                  "predictedPositive": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Contacts with an outcome at or above the line."
                  },
                  "truePositive": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "falsePositive": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "falseNegative": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "precision": {
                    "type": [
                      "number",
                      "null"
                    ],
                    "description": "Of those at or above the line, the share that converted; null when none is."
                  },
                  "recall": {
                    "type": [
                      "number",
                      "null"
                    ],
                    "description": "Of those that converted, the share at or above the line; null when none converted."
                  },
                  "f1": {
                    "type": [
                      "number",
                      "null"
                    ],
                    "description": "Harmonic mean of precision and recall."
                  }
                }
              }
            },
            "deciles": {
              "type": "array",
              "items": {
                "type": "object",
                "required": [
                  "decile",
                  "contacts",
                  "converted",
                  "rate",
                  "lift"
                ],
                "additionalProperties": false,
                "properties": {
                  "decile": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 10
                  },
                  "contacts": {
                    "type": "integer"
                  },
                  "converted": {
                    "type": "integer"
                  },
                  "rate": {
                    "type": [
                      "number",
                      "null"
                    ]
                  },
                  "lift": {
                    "type": [
                      "number",
                      "null"
                    ]
                  }
                }
              }
            }
          }
        }
      }
    }
  }
};
