/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/learn-report.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/learn-report.schema.json, for validators (no file I/O at runtime). */
export const learnReportSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/learn-report.schema.json",
  "title": "ModelLearnReport",
  "description": "Answer of POST /v1/models/learn: what was learned from past leads (libs/learning learnFromLeads) — leakage checks with the class balance, what was left out and why, close-rate points per profile field, the L2 logistic regression's points and its evaluation on held-out leads — with the mapping used and a model YAML to review, diff and apply. For a CSV sent without a mapping: the proposed mapping alone (`status` mapping-proposed, `report` and `model` null). Nothing is stored.",
  "type": "object",
  "required": [
    "source",
    "status",
    "detail",
    "mapping",
    "contacts",
    "report",
    "model"
  ],
  "additionalProperties": false,
  "definitions": {
    "LearnedFeatureColumn": {
      "description": "One column of the regression: an answer of a profile field (one-hot) or a count of events (scaled by the training leads' mean and standard deviation).",
      "oneOf": [
        {
          "type": "object",
          "required": [
            "kind",
            "source",
            "field",
            "value"
          ],
          "additionalProperties": false,
          "properties": {
            "kind": {
              "const": "category"
            },
            "source": {
              "type": "string",
              "description": "The column (or mapped feature) it comes from."
            },
            "field": {
              "type": "string",
              "description": "The profile field the live scorer reads."
            },
            "value": {
              "type": "string"
            },
            "placeholders": {
              "type": "array",
              "items": {
                "type": "string"
              }
            }
          }
        },
        {
          "type": "object",
          "required": [
            "kind",
            "source",
            "event",
            "mean",
            "sd"
          ],
          "additionalProperties": false,
          "properties": {
            "kind": {
              "const": "count"
            },
            "source": {
              "type": "string"
            },
            "event": {
              "type": [
                "string",
                "null"
              ],
              "description": "The event type counted; null until mapped."
            },
            "mean": {
              "type": "number"
            },
            "sd": {
              "type": "number"
            }
          }
        }
      ],
      "title": "LearnedFeatureColumn"
    }
  },
  "properties": {
    "source": {
      "type": "string",
      "enum": [
        "csv",
        "contacts"
      ]
    },
    "status": {
      "type": "string",
      "enum": [
        "learned",
        "mapping-proposed"
      ],
      "description": "`learned`: `report` and `model` are set; `mapping-proposed`: a CSV came without a mapping — review `mapping` (map each count to an event type, each category to a profile field) and send it back with the same CSV."
    },
    "detail": {
      "type": "string",
      "description": "What was done and what to do next, in words."
    },
    "mapping": {
      "$ref": "../learning/feature-mapping.schema.json",
      "description": "The mapping learned through (as sent), or the proposal to review."
    },
    "contacts": {
      "description": "Source contacts: the archived contacts read and how many had an outcome to learn from (null for csv).",
      "oneOf": [
        {
          "type": "null"
        },
        {
          "type": "object",
          "required": [
            "archived",
            "labelled",
            "unlabelled",
            "truncated",
            "archivedFrom"
          ],
          "additionalProperties": false,
          "properties": {
            "archived": {
              "type": "integer",
              "minimum": 0,
              "description": "Contacts read from the archive (one per person: merged contacts under their survivor)."
            },
            "labelled": {
              "type": "integer",
              "minimum": 0,
              "description": "Contacts with a won/converted or lost outcome: the leads."
            },
            "unlabelled": {
              "type": "integer",
              "minimum": 0,
              "description": "Contacts left out: no outcome recorded yet."
            },
            "truncated": {
              "type": "boolean",
              "description": "True when the workspace has more archived contacts than one pass reads (API_BACKTEST_MAX_CONTACTS)."
            },
            "archivedFrom": {
              "type": [
                "string",
                "null"
              ],
              "format": "date-time",
              "description": "The oldest archived event."
            }
          }
        }
      ]
    },
    "report": {
      "oneOf": [
        {
          "type": "null"
        },
        {
          "type": "object",
          "required": [
            "leads",
            "trainLeads",
            "testLeads",
            "leakage",
            "leftOut",
            "closeRates",
            "regression",
            "evaluation"
          ],
          "additionalProperties": false,
          "properties": {
            "leads": {
              "type": "integer",
              "minimum": 0
            },
            "trainLeads": {
              "type": "integer",
              "minimum": 0
            },
            "testLeads": {
              "type": "integer",
              "minimum": 0
            },
            "leakage": {
              "type": "object",
              "required": [
                "columns",
                "included",
                "excluded",
                "classBalance"
              ],
              "additionalProperties": false,
              "description": "Each column's single-column ROC AUC; flagged ones are left out of everything below unless kept.",
              "properties": {
                "columns": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "name",
                      "kind",
                      "auc",
                      "leaky",
                      "excluded",
                      "reason"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "name": {
                        "type": "string"
                      },
                      "kind": {
                        "type": "string",
                        "enum": [
                          "categorical",
                          "numeric"
                        ]
                      },
                      "auc": {
                        "type": [
                          "number",
                          "null"
                        ]
                      },
                      "leaky": {
                        "type": "boolean"
                      },
                      "excluded": {
                        "type": "boolean"
                      },
                      "reason": {
                        "type": [
                          "string",
                          "null"
                        ]
                      }
                    }
                  }
                },
                "included": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                },
                "excluded": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "name",
                      "reason"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "name": {
                        "type": "string"
                      },
                      "reason": {
                        "type": "string"
                      }
                    }
                  }
                },
                "classBalance": {
                  "type": "object",
                  "required": [
                    "positives",
                    "negatives",
                    "positiveShare",
                    "minorityShare",
                    "warning"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "positives": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "negatives": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "positiveShare": {
                      "type": "number"
                    },
                    "minorityShare": {
                      "type": "number"
                    },
                    "warning": {
                      "type": [
                        "string",
                        "null"
                      ]
                    }
                  }
                }
              }
            },
            "leftOut": {
              "type": "array",
              "description": "Columns left out, with why: the mapping's ignored ones and the leaky ones.",
              "items": {
                "type": "object",
                "required": [
                  "column",
                  "reason"
                ],
                "additionalProperties": false,
                "properties": {
                  "column": {
                    "type": "string"
                  },
                  "reason": {
                    "type": "string"
                  }
                }
              }
            },
            "closeRates": {
              "type": "array",
              "description": "Close-rate points per profile field (all leads).",
              "items": {
                "type": "object",
                "required": [
                  "column",
                  "field",
                  "suggestions"
                ],
                "additionalProperties": false,
                "properties": {
                  "column": {
                    "type": "string"
                  },
                  "field": {
                    "type": "string"
                  },
                  "suggestions": {
                    "type": "object",
                    "required": [
                      "overall",
                      "suggestions",
                      "notAnswered"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "overall": {
                        "type": "object",
                        "required": [
                          "leads",
                          "conversions",
                          "rate"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "leads": {
                            "type": "integer",
                            "minimum": 0
                          },
                          "conversions": {
                            "type": "integer",
                            "minimum": 0
                          },
                          "rate": {
                            "type": "number"
                          }
                        }
                      },
                      "suggestions": {
                        "type": "array",
                        "items": {
                          "type": "object",
                          "required": [
                            "leads",
                            "conversions",
                            "rate",
                            "lift",
                            "value",
                            "kind",
                            "pooledValues",
                            "points",
                            "reason"
                          ],
                          "properties": {
                            "leads": {
                              "type": "integer",
                              "minimum": 0
                            },
                            "conversions": {
                              "type": "integer",
                              "minimum": 0
                            },
                            "rate": {
                              "type": "number"
                            },
                            "lift": {
                              "type": "number",
                              "description": "`rate` over the overall rate."
                            },
                            "value": {
                              "type": [
                                "string",
                                "null"
                              ],
                              "description": "Null for the pool of rarer values."
                            },
                            "kind": {
                              "type": "string",
                              "enum": [
                                "value",
                                "other"
                              ]
                            },
                            "pooledValues": {
                              "type": "array",
                              "items": {
                                "type": "string"
                              }
                            },
                            "points": {
                              "type": [
                                "number",
                                "null"
                              ]
                            },
                            "reason": {
                              "type": [
                                "string",
                                "null"
                              ]
                            }
                          },
                          "additionalProperties": false
                        }
                      },
                      "notAnswered": {
                        "description": "Leads that left the field empty or answered a placeholder: their rate, never scored.",
                        "oneOf": [
                          {
                            "type": "null"
                          },
                          {
                            "type": "object",
                            "required": [
                              "leads",
                              "conversions",
                              "rate",
                              "lift",
                              "reason"
                            ],
                            "properties": {
                              "leads": {
                                "type": "integer",
                                "minimum": 0
                              },
                              "conversions": {
                                "type": "integer",
                                "minimum": 0
                              },
                              "rate": {
                                "type": "number"
                              },
                              "lift": {
                                "type": "number",
                                "description": "`rate` over the overall rate."
                              },
                              "reason": {
                                "type": "string"
                              }
                            },
                            "additionalProperties": false
                          }
                        ]
                      }
                    }
                  }
                }
              }
            },
            "regression": {
              "type": "object",
              "required": [
                "C",
                "pointsPerLogOdds",
                "converged",
                "iterations",
                "intercept",
                "points"
              ],
              "additionalProperties": false,
              "description": "The L2 logistic regression fitted on the training leads, as points.",
              "properties": {
                "C": {
                  "type": "number"
                },
                "pointsPerLogOdds": {
                  "type": "number"
                },
                "converged": {
                  "type": "boolean"
                },
                "iterations": {
                  "type": "integer",
                  "minimum": 0
                },
                "intercept": {
                  "type": "number"
                },
                "points": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "column",
                      "coefficient",
                      "points"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "column": {
                        "$ref": "#/definitions/LearnedFeatureColumn"
                      },
                      "coefficient": {
                        "type": "number"
                      },
                      "points": {
                        "type": "number"
                      }
                    }
                  }
                }
              }
            },
            "evaluation": {
              "type": "object",
              "required": [
                "count",
                "positives",
                "rocAuc",
                "accuracy",
                "brierScore",
                "logLoss",
                "calibration"
              ],
              "additionalProperties": false,
              "description": "The fit's probabilities on the held-out leads.",
              "properties": {
                "count": {
                  "type": "integer",
                  "minimum": 0
                },
                "positives": {
                  "type": "integer",
                  "minimum": 0
                },
                "rocAuc": {
                  "type": [
                    "number",
                    "null"
                  ],
                  "description": "Null when the held-out leads are all of one kind."
                },
                "accuracy": {
                  "type": "number"
                },
                "brierScore": {
                  "type": "number"
                },
                "logLoss": {
                  "type": "number"
                },
                "calibration": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "lower",
                      "upper",
                      "count",
                      "meanPredicted",
                      "observedRate"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "lower": {
                        "type": "number"
                      },
                      "upper": {
                        "type": "number"
                      },
                      "count": {
                        "type": "integer",
                        "minimum": 0
                      },
                      "meanPredicted": {
                        "type": [
                          "number",
                          "null"
                        ]
                      },
                      "observedRate": {
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
      ]
    },
    "model": {
      "type": [
        "string",
        "null"
      ],
      "description": "A model YAML written from what was learned (libs/learning modelFromLearning), to review, then diff, backtest and apply; null with a proposed mapping."
    }
  }
};
