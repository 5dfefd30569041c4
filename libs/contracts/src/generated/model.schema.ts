/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/models/model.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/models/model.schema.json, for validators (no file I/O at runtime). */
export const modelSchema: Readonly<Record<string, unknown>> = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.leadscore.dev/models/model.schema.json",
  "title": "ScoringModel",
  "description": "A versioned lead-scoring model: fit rules on profile fields, engagement rules on events, absence and inactivity penalties, decay, caps, tiers, grades and lifecycle thresholds. One workspace may run several models side by side.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "id",
    "version",
    "workspace",
    "name"
  ],
  "properties": {
    "$schema": {
      "description": "Optional URL of this JSON Schema, for editors; ignored by the scorer.",
      "type": "string"
    },
    "id": {
      "description": "Stable model id, unique within the workspace, e.g. \"default\" or \"webinar-funnel\". Versions of one model share it.",
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9._-]{0,63}$"
    },
    "version": {
      "description": "Version number of this model, starting at 1; a new version replaces the previous one with the same id.",
      "type": "integer",
      "minimum": 1
    },
    "workspace": {
      "description": "Workspace (tenant) the model belongs to.",
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9._-]{0,63}$"
    },
    "name": {
      "description": "Human-readable model name shown in the UI and CLI.",
      "type": "string",
      "minLength": 1,
      "maxLength": 200
    },
    "description": {
      "description": "What the model is for and how its points were chosen.",
      "type": "string",
      "maxLength": 2000
    },
    "groups": {
      "description": "Score groups: named groups of fit or engagement rules, each with its own limits, applied before the model's caps.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/scoreGroup",
        "description": "One score group."
      }
    },
    "fit": {
      "description": "Fit (explicit) rules: who the contact is, from profile fields. Every matching rule adds its points; fit never decays.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/fitRule",
        "description": "One fit rule."
      }
    },
    "grades": {
      "description": "Grade bands A–F on the fit score. Bands are half-open [min, max), must not overlap or leave gaps between them, and better letters sit higher.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/gradeBand",
        "description": "One grade band."
      }
    },
    "engagement": {
      "description": "Engagement (behavioral) rules: what the contact does. Every rule whose event type and filters match an event awards its points.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/engagementRule",
        "description": "One engagement rule."
      }
    },
    "absence": {
      "description": "Absence rules: a trigger event that was not followed by an expected event within a window costs points (e.g. registered for a webinar but did not attend).",
      "type": "array",
      "items": {
        "$ref": "#/$defs/absenceRule",
        "description": "One absence rule."
      }
    },
    "inactivity": {
      "description": "Inactivity rules: no engagement for a number of days costs points.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/inactivityRule",
        "description": "One inactivity rule."
      }
    },
    "decay": {
      "$ref": "#/$defs/decayRate",
      "description": "How engagement points fade over time (fit never decays). Omit for no decay. Rules may override it with their own `decay`."
    },
    "caps": {
      "$ref": "#/$defs/caps",
      "description": "Limits on the engagement score and the total score."
    },
    "tiers": {
      "description": "Tiers on the total score: the cold/warm/hot thresholds (`{warm, hot}`), or any number of named tiers, lowest first, each with enter/exit thresholds and the cold, warm or hot it counts as in the v1 events.",
      "anyOf": [
        {
          "$ref": "#/$defs/tiers",
          "description": "Cold, warm and hot by two thresholds."
        },
        {
          "$ref": "#/$defs/namedTiers",
          "description": "Named tiers, lowest first."
        }
      ]
    },
    "lifecycle": {
      "$ref": "#/$defs/lifecycle",
      "description": "Lifecycle thresholds (MQL, SQL) with hysteresis; evaluated by the threshold service."
    },
    "accounts": {
      "$ref": "#/$defs/accountScoring",
      "description": "Account (company) scoring: how members' engagement rolls up into their account's score, fit rules on the account's traits, account tiers and grades, and the marketing-qualified-account (MQA) threshold. Without it, accounts are not scored under this model."
    },
    "predictive": {
      "$ref": "#/$defs/predictive",
      "description": "A predictive score next to the points: a logistic regression over profile values and event counts (typically learned from past leads with `leadscore model learn`), applied by the live scorer to every contact as a conversion probability 0–100 with the features that contribute most. It does not change fit, engagement, total, tiers or grades."
    },
    "schedule": {
      "$ref": "#/$defs/schedule",
      "description": "When the decay service makes decayed scores visible. Scores are always exact whenever they are read; the schedule only decides when a change event is published for a contact who did nothing."
    }
  },
  "$defs": {
    "eventType": {
      "title": "EventType",
      "description": "The type of the events a rule reacts to: a canonical CloudEvents type of the platform (e.g. `web.page_viewed`), or a custom event `custom.<name>` with your own event name verbatim (e.g. `custom.Demo Requested`).",
      "type": "string",
      "if": {
        "type": "string",
        "pattern": "^custom\\."
      },
      "then": {
        "$ref": "#/$defs/customEventType"
      },
      "else": {
        "$ref": "#/$defs/canonicalEventType"
      }
    },
    "canonicalEventType": {
      "title": "CanonicalModelEventType",
      "description": "A canonical CloudEvents type of the platform.",
      "type": "string",
      "enum": [
        "email.delivered",
        "email.opened",
        "email.clicked",
        "email.bounced",
        "email.unsubscribed",
        "email.spam_reported",
        "sms.sent",
        "sms.delivered",
        "sms.replied",
        "sms.opted_out",
        "web.page_viewed",
        "web.form_submitted",
        "web.link_clicked",
        "webinar.registered",
        "webinar.attended",
        "webinar.left",
        "contact.identified",
        "contact.updated",
        "contact.merged",
        "contact.converted"
      ]
    },
    "customEventType": {
      "title": "CustomModelEventType",
      "description": "a custom event type \"custom.<your event name>\" (the name as you send it: 1–200 characters, no control characters, no space at either end)",
      "type": "string",
      "pattern": "^custom\\.[^\\s\\x00-\\x1F\\x7F-\\x9F](?:[^\\x00-\\x1F\\x7F-\\x9F]{0,198}[^\\s\\x00-\\x1F\\x7F-\\x9F])?$",
      "examples": [
        "custom.Demo Requested",
        "custom.Item Purchased"
      ]
    },
    "grade": {
      "title": "Grade",
      "description": "A grade letter, A (best) to F (worst).",
      "type": "string",
      "enum": [
        "A",
        "B",
        "C",
        "D",
        "E",
        "F"
      ]
    },
    "fitRule": {
      "title": "FitRule",
      "description": "A fit rule: a condition on one profile field, or a compound condition over several (`all`, `any`, `not`), and the points it is worth while the profile matches. The `operator` decides which other properties apply.",
      "type": "object",
      "discriminator": {
        "propertyName": "operator"
      },
      "oneOf": [
        {
          "$ref": "#/$defs/equalsFitRule"
        },
        {
          "$ref": "#/$defs/inFitRule"
        },
        {
          "$ref": "#/$defs/rangeFitRule"
        },
        {
          "$ref": "#/$defs/regexFitRule"
        },
        {
          "$ref": "#/$defs/existsFitRule"
        },
        {
          "$ref": "#/$defs/allFitRule"
        },
        {
          "$ref": "#/$defs/anyFitRule"
        },
        {
          "$ref": "#/$defs/notFitRule"
        }
      ]
    },
    "equalsFitRule": {
      "title": "EqualsFitRule",
      "description": "A fit rule that applies when the field equals `value` (for a list field: any element equals it).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "field",
        "operator",
        "value",
        "points"
      ],
      "properties": {
        "id": {
          "description": "Unique id of this rule within the model; explanations and counters refer to it.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "description": {
          "description": "What this rule rewards, for people reading the model.",
          "type": "string",
          "maxLength": 2000
        },
        "field": {
          "description": "Dot path of the contact profile field the rule looks at, e.g. \"jobTitle\" or \"address.state\".",
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"
        },
        "operator": {
          "description": "\"equals\": the field equals `value` (for a list field: any element equals it).",
          "const": "equals"
        },
        "value": {
          "description": "The value the field must equal. Numbers also match numeric text (\"42\").",
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignoreCase": {
          "description": "Compare text case-insensitively (\"ceo\" matches \"CEO\"). Default false.",
          "type": "boolean"
        },
        "negate": {
          "description": "Invert the condition: the rule applies when the condition does NOT hold. Default false.",
          "type": "boolean"
        },
        "group": {
          "description": "The score group (`groups[].id`) whose limits this rule's points count against; omit for none.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "points": {
          "description": "Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.",
          "anyOf": [
            {
              "type": "number",
              "description": "A fixed number of points."
            },
            {
              "$ref": "#/$defs/valuePoints",
              "description": "Points computed from a numeric field of the contact profile."
            }
          ]
        }
      },
      "examples": [
        {
          "id": "ceo",
          "field": "jobTitle",
          "operator": "equals",
          "value": "CEO",
          "ignoreCase": true,
          "points": 15
        }
      ]
    },
    "inFitRule": {
      "title": "InFitRule",
      "description": "A fit rule that applies when the field equals one of `values` (for a list field: any element does).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "field",
        "operator",
        "values",
        "points"
      ],
      "properties": {
        "id": {
          "description": "Unique id of this rule within the model; explanations and counters refer to it.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "description": {
          "description": "What this rule rewards, for people reading the model.",
          "type": "string",
          "maxLength": 2000
        },
        "field": {
          "description": "Dot path of the contact profile field the rule looks at, e.g. \"jobTitle\" or \"address.state\".",
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"
        },
        "operator": {
          "description": "\"in\": the field equals one of `values` (for a list field: any element does).",
          "const": "in"
        },
        "values": {
          "description": "The accepted values; the condition holds when the field equals any of them.",
          "type": "array",
          "minItems": 1,
          "items": {
            "description": "One accepted value.",
            "type": [
              "string",
              "number",
              "boolean"
            ]
          }
        },
        "ignoreCase": {
          "description": "Compare text case-insensitively. Default false.",
          "type": "boolean"
        },
        "negate": {
          "description": "Invert the condition: the rule applies when the condition does NOT hold. Default false.",
          "type": "boolean"
        },
        "group": {
          "description": "The score group (`groups[].id`) whose limits this rule's points count against; omit for none.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "points": {
          "description": "Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.",
          "anyOf": [
            {
              "type": "number",
              "description": "A fixed number of points."
            },
            {
              "$ref": "#/$defs/valuePoints",
              "description": "Points computed from a numeric field of the contact profile."
            }
          ]
        }
      }
    },
    "rangeFitRule": {
      "title": "RangeFitRule",
      "description": "A fit rule that applies when the field is a number (or numeric text) within [`min`, `max`], both inclusive; give at least one bound.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "field",
        "operator",
        "points"
      ],
      "properties": {
        "id": {
          "description": "Unique id of this rule within the model; explanations and counters refer to it.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "description": {
          "description": "What this rule rewards, for people reading the model.",
          "type": "string",
          "maxLength": 2000
        },
        "field": {
          "description": "Dot path of the contact profile field the rule looks at, e.g. \"jobTitle\" or \"address.state\".",
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"
        },
        "operator": {
          "description": "\"range\": the field is a number (or numeric text) within [`min`, `max`], both inclusive; give at least one bound.",
          "const": "range"
        },
        "min": {
          "description": "Inclusive lower bound; omit for no lower bound.",
          "type": "number"
        },
        "max": {
          "description": "Inclusive upper bound; omit for no upper bound.",
          "type": "number"
        },
        "negate": {
          "description": "Invert the condition: the rule applies when the condition does NOT hold. Default false.",
          "type": "boolean"
        },
        "group": {
          "description": "The score group (`groups[].id`) whose limits this rule's points count against; omit for none.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "points": {
          "description": "Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.",
          "anyOf": [
            {
              "type": "number",
              "description": "A fixed number of points."
            },
            {
              "$ref": "#/$defs/valuePoints",
              "description": "Points computed from a numeric field of the contact profile."
            }
          ]
        }
      },
      "examples": [
        {
          "id": "mid-market",
          "field": "company.employees",
          "operator": "range",
          "min": 200,
          "max": 5000,
          "points": 10
        }
      ]
    },
    "regexFitRule": {
      "title": "RegexFitRule",
      "description": "A fit rule that applies when the field, as text, matches the regular expression `pattern`.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "field",
        "operator",
        "pattern",
        "points"
      ],
      "properties": {
        "id": {
          "description": "Unique id of this rule within the model; explanations and counters refer to it.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "description": {
          "description": "What this rule rewards, for people reading the model.",
          "type": "string",
          "maxLength": 2000
        },
        "field": {
          "description": "Dot path of the contact profile field the rule looks at, e.g. \"jobTitle\" or \"address.state\".",
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"
        },
        "operator": {
          "description": "\"regex\": the field, as text, matches the regular expression `pattern`.",
          "const": "regex"
        },
        "pattern": {
          "description": "A JavaScript regular expression, without slashes, e.g. \"^/pricing(/|$)\".",
          "type": "string",
          "minLength": 1
        },
        "flags": {
          "description": "Regular-expression flags: any of i (ignore case), m, s, u. Default none.",
          "type": "string",
          "pattern": "^[imsu]*$"
        },
        "negate": {
          "description": "Invert the condition: the rule applies when the condition does NOT hold. Default false.",
          "type": "boolean"
        },
        "group": {
          "description": "The score group (`groups[].id`) whose limits this rule's points count against; omit for none.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "points": {
          "description": "Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.",
          "anyOf": [
            {
              "type": "number",
              "description": "A fixed number of points."
            },
            {
              "$ref": "#/$defs/valuePoints",
              "description": "Points computed from a numeric field of the contact profile."
            }
          ]
        }
      }
    },
    "existsFitRule": {
      "title": "ExistsFitRule",
      "description": "A fit rule that applies when the field is present and not empty (not null, not \"\", not an empty list).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "field",
        "operator",
        "points"
      ],
      "properties": {
        "id": {
          "description": "Unique id of this rule within the model; explanations and counters refer to it.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "description": {
          "description": "What this rule rewards, for people reading the model.",
          "type": "string",
          "maxLength": 2000
        },
        "field": {
          "description": "Dot path of the contact profile field the rule looks at, e.g. \"jobTitle\" or \"address.state\".",
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"
        },
        "operator": {
          "description": "\"exists\": the field is present and not empty (not null, not \"\", not an empty list).",
          "const": "exists"
        },
        "negate": {
          "description": "Invert the condition: the rule applies when the condition does NOT hold. Default false.",
          "type": "boolean"
        },
        "group": {
          "description": "The score group (`groups[].id`) whose limits this rule's points count against; omit for none.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "points": {
          "description": "Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.",
          "anyOf": [
            {
              "type": "number",
              "description": "A fixed number of points."
            },
            {
              "$ref": "#/$defs/valuePoints",
              "description": "Points computed from a numeric field of the contact profile."
            }
          ]
        }
      },
      "examples": [
        {
          "id": "company-size",
          "field": "company.employees",
          "operator": "exists",
          "points": {
            "from": "company.employees",
            "per": 100,
            "round": "down",
            "max": 20
          }
        }
      ]
    },
    "condition": {
      "title": "Condition",
      "description": "A condition on one field, or a group of conditions: `all` (every one holds), `any` (at least one holds), `not` (the one inside does not hold), nested up to 4 groups deep. In filters and absence expectations fields are read from the event `data`; inside a compound fit rule, from the contact profile. The `operator` decides which other properties apply.",
      "type": "object",
      "discriminator": {
        "propertyName": "operator"
      },
      "oneOf": [
        {
          "$ref": "#/$defs/equalsCondition"
        },
        {
          "$ref": "#/$defs/inCondition"
        },
        {
          "$ref": "#/$defs/rangeCondition"
        },
        {
          "$ref": "#/$defs/regexCondition"
        },
        {
          "$ref": "#/$defs/existsCondition"
        },
        {
          "$ref": "#/$defs/allCondition"
        },
        {
          "$ref": "#/$defs/anyCondition"
        },
        {
          "$ref": "#/$defs/notCondition"
        }
      ]
    },
    "equalsCondition": {
      "title": "EqualsCondition",
      "description": "A filter that holds when the field equals `value` (for a list field: any element equals it).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "field",
        "operator",
        "value"
      ],
      "properties": {
        "field": {
          "description": "Dot path of the field: inside the event `data` in filters and absence expectations (e.g. \"path\" or \"utm.campaign\"), of the contact profile inside a compound fit rule (e.g. \"company.employees\").",
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"
        },
        "operator": {
          "description": "\"equals\": the field equals `value` (for a list field: any element equals it).",
          "const": "equals"
        },
        "value": {
          "description": "The value the field must equal. Numbers also match numeric text (\"42\").",
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "ignoreCase": {
          "description": "Compare text case-insensitively (\"ceo\" matches \"CEO\"). Default false.",
          "type": "boolean"
        },
        "negate": {
          "description": "Invert the condition: the rule applies when the condition does NOT hold. Default false.",
          "type": "boolean"
        }
      }
    },
    "inCondition": {
      "title": "InCondition",
      "description": "A filter that holds when the field equals one of `values` (for a list field: any element does).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "field",
        "operator",
        "values"
      ],
      "properties": {
        "field": {
          "description": "Dot path of the field: inside the event `data` in filters and absence expectations (e.g. \"path\" or \"utm.campaign\"), of the contact profile inside a compound fit rule (e.g. \"company.employees\").",
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"
        },
        "operator": {
          "description": "\"in\": the field equals one of `values` (for a list field: any element does).",
          "const": "in"
        },
        "values": {
          "description": "The accepted values; the condition holds when the field equals any of them.",
          "type": "array",
          "minItems": 1,
          "items": {
            "description": "One accepted value.",
            "type": [
              "string",
              "number",
              "boolean"
            ]
          }
        },
        "ignoreCase": {
          "description": "Compare text case-insensitively. Default false.",
          "type": "boolean"
        },
        "negate": {
          "description": "Invert the condition: the rule applies when the condition does NOT hold. Default false.",
          "type": "boolean"
        }
      }
    },
    "rangeCondition": {
      "title": "RangeCondition",
      "description": "A filter that holds when the field is a number (or numeric text) within [`min`, `max`], both inclusive; give at least one bound.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "field",
        "operator"
      ],
      "properties": {
        "field": {
          "description": "Dot path of the field: inside the event `data` in filters and absence expectations (e.g. \"path\" or \"utm.campaign\"), of the contact profile inside a compound fit rule (e.g. \"company.employees\").",
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"
        },
        "operator": {
          "description": "\"range\": the field is a number (or numeric text) within [`min`, `max`], both inclusive; give at least one bound.",
          "const": "range"
        },
        "min": {
          "description": "Inclusive lower bound; omit for no lower bound.",
          "type": "number"
        },
        "max": {
          "description": "Inclusive upper bound; omit for no upper bound.",
          "type": "number"
        },
        "negate": {
          "description": "Invert the condition: the rule applies when the condition does NOT hold. Default false.",
          "type": "boolean"
        }
      }
    },
    "regexCondition": {
      "title": "RegexCondition",
      "description": "A filter that holds when the field, as text, matches the regular expression `pattern`.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "field",
        "operator",
        "pattern"
      ],
      "properties": {
        "field": {
          "description": "Dot path of the field: inside the event `data` in filters and absence expectations (e.g. \"path\" or \"utm.campaign\"), of the contact profile inside a compound fit rule (e.g. \"company.employees\").",
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"
        },
        "operator": {
          "description": "\"regex\": the field, as text, matches the regular expression `pattern`.",
          "const": "regex"
        },
        "pattern": {
          "description": "A JavaScript regular expression, without slashes, e.g. \"^/pricing(/|$)\".",
          "type": "string",
          "minLength": 1
        },
        "flags": {
          "description": "Regular-expression flags: any of i (ignore case), m, s, u. Default none.",
          "type": "string",
          "pattern": "^[imsu]*$"
        },
        "negate": {
          "description": "Invert the condition: the rule applies when the condition does NOT hold. Default false.",
          "type": "boolean"
        }
      }
    },
    "existsCondition": {
      "title": "ExistsCondition",
      "description": "A filter that holds when the field is present and not empty (not null, not \"\", not an empty list).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "field",
        "operator"
      ],
      "properties": {
        "field": {
          "description": "Dot path of the field: inside the event `data` in filters and absence expectations (e.g. \"path\" or \"utm.campaign\"), of the contact profile inside a compound fit rule (e.g. \"company.employees\").",
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"
        },
        "operator": {
          "description": "\"exists\": the field is present and not empty (not null, not \"\", not an empty list).",
          "const": "exists"
        },
        "negate": {
          "description": "Invert the condition: the rule applies when the condition does NOT hold. Default false.",
          "type": "boolean"
        }
      }
    },
    "filters": {
      "title": "Filters",
      "description": "Conditions on the event `data`; all must hold. Omit to match every event of the type.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/condition",
        "description": "One condition on the event data."
      }
    },
    "gradeBand": {
      "title": "GradeBand",
      "description": "A grade for fit scores in [min, max).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "grade"
      ],
      "properties": {
        "grade": {
          "$ref": "#/$defs/grade",
          "description": "The grade given to fit scores in this band."
        },
        "min": {
          "description": "Inclusive lower bound of the fit score; omit for no lower bound.",
          "type": "number"
        },
        "max": {
          "description": "Exclusive upper bound of the fit score; omit for no upper bound.",
          "type": "number"
        },
        "description": {
          "description": "What contacts of this grade look like.",
          "type": "string",
          "maxLength": 2000
        }
      }
    },
    "limits": {
      "title": "RuleLimits",
      "description": "How often a rule may award points. Every limit given applies; a blocked event awards nothing from this rule.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "perDay": {
          "description": "At most this many awards per calendar day (UTC).",
          "type": "integer",
          "minimum": 1
        },
        "window": {
          "description": "At most `max` awards within any rolling window of `days` days.",
          "type": "object",
          "additionalProperties": false,
          "required": [
            "days",
            "max"
          ],
          "properties": {
            "days": {
              "description": "Length of the rolling window in days (fractions allowed).",
              "type": "number",
              "exclusiveMinimum": 0
            },
            "max": {
              "description": "Most awards allowed within any such window.",
              "type": "integer",
              "minimum": 1
            }
          }
        },
        "lifetime": {
          "description": "At most this many awards ever, per contact.",
          "type": "integer",
          "minimum": 1
        },
        "once": {
          "description": "Award at most once per contact (the same as lifetime: 1).",
          "type": "boolean"
        }
      },
      "examples": [
        {
          "perDay": 1,
          "window": {
            "days": 30,
            "max": 5
          },
          "lifetime": 20
        }
      ]
    },
    "decayRate": {
      "title": "DecayRate",
      "description": "A decay rate: either a percentage lost per day or a half-life in days. Decay is continuous (fractional days count).",
      "oneOf": [
        {
          "title": "PercentPerDayDecay",
          "description": "Lose this percentage of the remaining points per day: value · (1 − p/100)^days.",
          "type": "object",
          "additionalProperties": false,
          "required": [
            "percentPerDay"
          ],
          "properties": {
            "percentPerDay": {
              "description": "Percentage lost per day, more than 0 and less than 100, e.g. 2.",
              "type": "number",
              "exclusiveMinimum": 0,
              "exclusiveMaximum": 100
            }
          }
        },
        {
          "title": "HalfLifeDecay",
          "description": "Halve the points every `halfLifeDays` days: value · 0.5^(days / halfLifeDays).",
          "type": "object",
          "additionalProperties": false,
          "required": [
            "halfLifeDays"
          ],
          "properties": {
            "halfLifeDays": {
              "description": "Days after which half of the points remain, more than 0.",
              "type": "number",
              "exclusiveMinimum": 0
            }
          }
        }
      ]
    },
    "engagementRule": {
      "title": "EngagementRule",
      "description": "Points for an event of one type whose data passes the filters.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "event",
        "points"
      ],
      "properties": {
        "id": {
          "description": "Unique id of this rule within the model; explanations and counters refer to it.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "description": {
          "description": "What this rule rewards, for people reading the model.",
          "type": "string",
          "maxLength": 2000
        },
        "event": {
          "$ref": "#/$defs/eventType",
          "description": "The event type this rule reacts to."
        },
        "filters": {
          "$ref": "#/$defs/filters",
          "description": "Conditions on the event `data` that must all hold for the rule to apply."
        },
        "group": {
          "description": "The score group (`groups[].id`) whose limits this rule's points count against; omit for none.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "points": {
          "description": "Points awarded per matching event: a number (negative points penalise, e.g. unsubscribes); points computed from a numeric field of the event's data (`from`, `per`, `each`, `round`, `min`, `max`); or points by how many matching events the contact had within a rolling window (`withinDays`, `ranges`, `takeBack`).",
          "anyOf": [
            {
              "type": "number",
              "description": "A fixed number of points."
            },
            {
              "$ref": "#/$defs/valuePoints",
              "description": "Points computed from a numeric field of the event data."
            },
            {
              "$ref": "#/$defs/frequencyPoints",
              "description": "Points by the count of matching events within a rolling window."
            }
          ]
        },
        "limits": {
          "$ref": "#/$defs/limits",
          "description": "How often this rule may award points per contact."
        },
        "expiresAfterDays": {
          "description": "Points lifetime: each award is removed exactly this many days (fractions allowed) after it was made. Omit to keep points until they decay away.",
          "type": "number",
          "exclusiveMinimum": 0
        },
        "decay": {
          "description": "This rule's own decay: \"none\" keeps its points at full value (e.g. demo requests), a rate object decays them at that rate instead of the model's `decay`. Omit to use the model's `decay`.",
          "anyOf": [
            {
              "description": "Never decay this rule's points.",
              "const": "none"
            },
            {
              "$ref": "#/$defs/decayRate",
              "description": "Decay this rule's points at this rate."
            }
          ]
        }
      },
      "examples": [
        {
          "id": "pricing-view",
          "event": "web.page_viewed",
          "filters": [
            {
              "operator": "any",
              "conditions": [
                {
                  "field": "path",
                  "operator": "equals",
                  "value": "/pricing"
                },
                {
                  "field": "path",
                  "operator": "regex",
                  "pattern": "^/plans/"
                }
              ]
            }
          ],
          "points": 10,
          "limits": {
            "perDay": 1,
            "window": {
              "days": 30,
              "max": 5
            }
          },
          "expiresAfterDays": 90
        },
        {
          "id": "purchase-value",
          "event": "custom.Order Placed",
          "points": {
            "from": "amount",
            "per": 10,
            "max": 50
          }
        }
      ]
    },
    "eventMatch": {
      "title": "EventMatch",
      "description": "An event type with optional filters on its data.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "event"
      ],
      "properties": {
        "event": {
          "$ref": "#/$defs/eventType",
          "description": "The event type."
        },
        "filters": {
          "$ref": "#/$defs/filters",
          "description": "Conditions on the event `data` that must all hold."
        }
      }
    },
    "absenceRule": {
      "title": "AbsenceRule",
      "description": "A penalty when a trigger event is not followed by an expected event within a window.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "trigger",
        "expect",
        "windowDays",
        "points"
      ],
      "properties": {
        "id": {
          "description": "Unique id of this rule within the model; explanations refer to it.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "description": {
          "description": "What this rule penalises, for people reading the model.",
          "type": "string",
          "maxLength": 2000
        },
        "trigger": {
          "$ref": "#/$defs/eventMatch",
          "description": "The event that starts the wait, e.g. webinar.registered."
        },
        "expect": {
          "$ref": "#/$defs/eventMatch",
          "description": "The follow-up event that must arrive within the window, e.g. webinar.attended."
        },
        "correlateOn": {
          "description": "Data fields that must have equal values in the trigger and the follow-up, e.g. [\"webinarId\"] so that attending another webinar does not count.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "description": "Dot path of a field inside the event `data`.",
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"
          }
        },
        "windowDays": {
          "description": "Days (fractions allowed) the follow-up may take; the penalty applies exactly when the window ends without it.",
          "type": "number",
          "exclusiveMinimum": 0
        },
        "points": {
          "description": "Points applied when the follow-up is missing; must be negative.",
          "type": "number",
          "exclusiveMaximum": 0
        },
        "expiresAfterDays": {
          "description": "Points lifetime: each award is removed exactly this many days (fractions allowed) after it was made. Omit to keep points until they decay away.",
          "type": "number",
          "exclusiveMinimum": 0
        },
        "decay": {
          "description": "This rule's own decay: \"none\" keeps its points at full value (e.g. demo requests), a rate object decays them at that rate instead of the model's `decay`. Omit to use the model's `decay`.",
          "anyOf": [
            {
              "description": "Never decay this rule's points.",
              "const": "none"
            },
            {
              "$ref": "#/$defs/decayRate",
              "description": "Decay this rule's points at this rate."
            }
          ]
        }
      },
      "examples": [
        {
          "id": "webinar-no-show",
          "trigger": {
            "event": "webinar.registered"
          },
          "expect": {
            "event": "webinar.attended"
          },
          "correlateOn": [
            "webinar_id"
          ],
          "windowDays": 7,
          "points": -10
        }
      ]
    },
    "inactivityRule": {
      "title": "InactivityRule",
      "description": "A penalty when the contact has not engaged (no event earned positive engagement points) for a number of days.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "afterDays",
        "points"
      ],
      "properties": {
        "id": {
          "description": "Unique id of this rule within the model; explanations refer to it.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "description": {
          "description": "What this rule penalises, for people reading the model.",
          "type": "string",
          "maxLength": 2000
        },
        "afterDays": {
          "description": "Days without engagement (at least 1; fractions allowed) after which the penalty applies.",
          "type": "number",
          "minimum": 1
        },
        "points": {
          "description": "Penalty points; must be negative.",
          "type": "number",
          "exclusiveMaximum": 0
        },
        "repeat": {
          "description": "Apply the penalty again after every further `afterDays` of inactivity. Default false: at most once per stretch of inactivity.",
          "type": "boolean"
        },
        "expiresAfterDays": {
          "description": "Points lifetime: each award is removed exactly this many days (fractions allowed) after it was made. Omit to keep points until they decay away.",
          "type": "number",
          "exclusiveMinimum": 0
        },
        "decay": {
          "description": "This rule's own decay: \"none\" keeps its points at full value (e.g. demo requests), a rate object decays them at that rate instead of the model's `decay`. Omit to use the model's `decay`.",
          "anyOf": [
            {
              "description": "Never decay this rule's points.",
              "const": "none"
            },
            {
              "$ref": "#/$defs/decayRate",
              "description": "Decay this rule's points at this rate."
            }
          ]
        }
      },
      "examples": [
        {
          "id": "quiet-month",
          "afterDays": 30,
          "points": -5,
          "repeat": true
        }
      ]
    },
    "caps": {
      "title": "Caps",
      "description": "Bounds on the scores. Points that would push engagement past a bound are cut at award time, and reported scores are clamped.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "maxEngagement": {
          "description": "Highest engagement score; further positive points are not awarded.",
          "type": "number"
        },
        "minEngagement": {
          "description": "Lowest engagement score; further negative points are not applied.",
          "type": "number"
        },
        "minTotal": {
          "description": "The total score (fit + engagement) is never reported below this.",
          "type": "number"
        },
        "maxTotal": {
          "description": "The total score (fit + engagement) is never reported above this.",
          "type": "number"
        }
      },
      "examples": [
        {
          "maxEngagement": 100,
          "minEngagement": -50,
          "minTotal": 0
        }
      ]
    },
    "tiers": {
      "title": "Tiers",
      "description": "Tier thresholds on the total score: below `warm` is cold, from `warm` warm, from `hot` hot.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "warm",
        "hot"
      ],
      "properties": {
        "warm": {
          "description": "Lowest total score of the warm tier.",
          "type": "number"
        },
        "hot": {
          "description": "Lowest total score of the hot tier; must be above `warm`.",
          "type": "number"
        }
      },
      "examples": [
        {
          "warm": 20,
          "hot": 50
        }
      ]
    },
    "namedTiers": {
      "title": "NamedTiers",
      "description": "Named tiers, lowest first: every contact is in the first until its total reaches the `enter` of a higher one; it stays in a tier until the total falls below that tier's `exit` (hysteresis, as lifecycle stages have), then drops to the highest lower tier whose `exit` it still meets. Each tier says which of cold, warm and hot it counts as (`countsAs`, never lower than the tier below's): score-changed and lifecycle events carry that in `tier`, as v1 consumers expect, and the name in `tierName`. Like lifecycle stages, tiers are judged on the published scores: the decay service publishes on its schedule, so a dip below an exit that ends between two of its passes is not seen.",
      "type": "array",
      "minItems": 2,
      "maxItems": 12,
      "items": {
        "$ref": "#/$defs/namedTier",
        "description": "One tier."
      },
      "examples": [
        [
          {
            "id": "nurture",
            "countsAs": "cold"
          },
          {
            "id": "engaged",
            "countsAs": "warm",
            "enter": 25,
            "exit": 20
          },
          {
            "id": "active",
            "countsAs": "warm",
            "enter": 45,
            "exit": 40
          },
          {
            "id": "sales-ready",
            "countsAs": "hot",
            "enter": 70,
            "exit": 60
          }
        ]
      ]
    },
    "namedTier": {
      "title": "NamedTier",
      "description": "One named tier: its name, what it counts as in the v1 events, and (above the first) its enter and exit thresholds.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "countsAs"
      ],
      "properties": {
        "id": {
          "description": "The tier's name, unique within the model: lower case letters, digits and dashes, e.g. \"sales-ready\". It travels as `tierName` in the events, and webhook subscriptions and leaderboards filter on it. A tier named cold, warm or hot must count as itself.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,31}$"
        },
        "description": {
          "description": "What the tier means for sales and marketing.",
          "type": "string",
          "maxLength": 2000
        },
        "countsAs": {
          "description": "The v1 tier this one is published as in `tier` (cold, warm or hot); never lower than the previous tier's.",
          "type": "string",
          "enum": [
            "cold",
            "warm",
            "hot"
          ]
        },
        "enter": {
          "description": "The total at which a contact enters this tier; every tier but the first has one, each above the one before.",
          "type": "number"
        },
        "exit": {
          "description": "Once in the tier, the contact stays until the total falls below this; at most `enter`, and `enter` when omitted.",
          "type": "number"
        }
      },
      "examples": [
        {
          "id": "sales-ready",
          "countsAs": "hot",
          "enter": 70,
          "exit": 60
        }
      ]
    },
    "scoreThreshold": {
      "title": "ScoreThreshold",
      "description": "A numeric score condition with hysteresis: met from `enter` upwards, and stays met until the score falls below `exit`.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "metric",
        "enter",
        "exit"
      ],
      "properties": {
        "metric": {
          "description": "Which score the condition reads: total, fit or engagement.",
          "type": "string",
          "enum": [
            "total",
            "fit",
            "engagement"
          ]
        },
        "enter": {
          "description": "The condition becomes met when the score reaches this value.",
          "type": "number"
        },
        "exit": {
          "description": "Once met, the condition stays met until the score falls below this value; must not be above `enter`.",
          "type": "number"
        }
      }
    },
    "gradeCondition": {
      "title": "GradeCondition",
      "description": "A condition on the fit grade.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "metric",
        "in"
      ],
      "properties": {
        "metric": {
          "description": "\"grade\": the condition reads the fit grade.",
          "const": "grade"
        },
        "in": {
          "description": "The grades that meet the condition.",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/grade",
            "description": "One grade."
          }
        }
      }
    },
    "lifecycleCondition": {
      "title": "LifecycleCondition",
      "description": "One condition of a lifecycle stage; `metric` decides its shape: a score threshold, a grade condition, or a nested group (\"all\"/\"any\").",
      "type": "object",
      "discriminator": {
        "propertyName": "metric"
      },
      "oneOf": [
        {
          "$ref": "#/$defs/scoreThreshold"
        },
        {
          "$ref": "#/$defs/gradeCondition"
        },
        {
          "$ref": "#/$defs/conditionGroup"
        }
      ]
    },
    "conditionGroup": {
      "title": "ConditionGroup",
      "description": "Nested conditions combined by `metric`: \"all\" (every one must be met) or \"any\" (one is enough). Groups express a grade × score matrix, e.g. any of (grade A and total ≥ 50), (grade B and total ≥ 65).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "metric",
        "conditions"
      ],
      "properties": {
        "metric": {
          "description": "\"all\": every nested condition must be met; \"any\": one is enough.",
          "type": "string",
          "enum": [
            "all",
            "any"
          ]
        },
        "conditions": {
          "description": "The nested conditions.",
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/lifecycleCondition",
            "description": "One condition."
          }
        }
      }
    },
    "lifecycleStage": {
      "title": "LifecycleStage",
      "description": "When a contact enters and leaves a lifecycle stage.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "conditions"
      ],
      "properties": {
        "description": {
          "description": "What the stage means for sales.",
          "type": "string",
          "maxLength": 2000
        },
        "match": {
          "description": "\"all\": every condition must be met (default); \"any\": one is enough.",
          "type": "string",
          "enum": [
            "all",
            "any"
          ]
        },
        "conditions": {
          "description": "The conditions, combined by `match`.",
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/lifecycleCondition",
            "description": "One condition."
          }
        }
      }
    },
    "recycledStage": {
      "title": "RecycledStage",
      "description": "Enables the recycled (nurture) stage: a contact that loses MQL or SQL by score goes to `recycled` instead of back to `lead`, and re-enters MQL from there.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "description": {
          "description": "What the stage means for marketing.",
          "type": "string",
          "maxLength": 2000
        }
      }
    },
    "lifecycle": {
      "title": "Lifecycle",
      "description": "Lifecycle stages reached by score; a contact moves lead → MQL → SQL, and on the way down to `recycled` when configured (else `lead`).",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "mql": {
          "$ref": "#/$defs/lifecycleStage",
          "description": "Marketing-qualified lead."
        },
        "sql": {
          "$ref": "#/$defs/lifecycleStage",
          "description": "Sales-qualified lead."
        },
        "recycled": {
          "$ref": "#/$defs/recycledStage",
          "description": "The recycled (nurture) stage on the way down; without it a contact falls back to `lead`."
        }
      }
    },
    "schedule": {
      "title": "Schedule",
      "description": "A cron schedule for publishing decayed scores.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "cron"
      ],
      "properties": {
        "cron": {
          "description": "Five-field cron expression (minute hour day-of-month month day-of-week), e.g. \"0 * * * *\" for hourly.",
          "type": "string",
          "pattern": "^\\S+( +\\S+){4}$"
        },
        "timezone": {
          "description": "IANA time zone the cron expression is read in, e.g. \"Europe/Berlin\". Default: the workspace’s time zone (the decay service’s DECAY_WORKSPACE_TIME_ZONES), else UTC.",
          "type": "string",
          "minLength": 1
        }
      }
    },
    "allCondition": {
      "title": "AllCondition",
      "description": "A group that holds when every condition in it holds (AND).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "operator",
        "conditions"
      ],
      "properties": {
        "operator": {
          "description": "\"all\": every condition in `conditions` holds.",
          "const": "all"
        },
        "conditions": {
          "description": "The conditions of the group (1–50), each a condition on one field or a nested group.",
          "type": "array",
          "minItems": 1,
          "maxItems": 50,
          "items": {
            "$ref": "#/$defs/condition",
            "description": "One condition or nested group."
          }
        }
      },
      "examples": [
        {
          "operator": "all",
          "conditions": [
            {
              "field": "utm.source",
              "operator": "equals",
              "value": "linkedin"
            },
            {
              "field": "utm.campaign",
              "operator": "exists"
            }
          ]
        }
      ]
    },
    "anyCondition": {
      "title": "AnyCondition",
      "description": "A group that holds when at least one condition in it holds (OR).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "operator",
        "conditions"
      ],
      "properties": {
        "operator": {
          "description": "\"any\": at least one condition in `conditions` holds.",
          "const": "any"
        },
        "conditions": {
          "description": "The conditions of the group (1–50), each a condition on one field or a nested group.",
          "type": "array",
          "minItems": 1,
          "maxItems": 50,
          "items": {
            "$ref": "#/$defs/condition",
            "description": "One condition or nested group."
          }
        }
      },
      "examples": [
        {
          "operator": "any",
          "conditions": [
            {
              "field": "path",
              "operator": "equals",
              "value": "/pricing"
            },
            {
              "field": "path",
              "operator": "regex",
              "pattern": "^/plans/"
            }
          ]
        }
      ]
    },
    "notCondition": {
      "title": "NotCondition",
      "description": "Holds when the condition (or group) inside does not hold (NOT).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "operator",
        "condition"
      ],
      "properties": {
        "operator": {
          "description": "\"not\": `condition` does not hold.",
          "const": "not"
        },
        "condition": {
          "$ref": "#/$defs/condition",
          "description": "The condition or group that must not hold."
        }
      },
      "examples": [
        {
          "operator": "not",
          "condition": {
            "field": "path",
            "operator": "regex",
            "pattern": "^/(careers|jobs)"
          }
        }
      ]
    },
    "allFitRule": {
      "title": "AllFitRule",
      "description": "A fit rule that applies while every condition in `conditions` holds for the profile (AND).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "operator",
        "conditions",
        "points"
      ],
      "properties": {
        "id": {
          "description": "Unique id of this rule within the model; explanations and counters refer to it.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "description": {
          "description": "What this rule rewards, for people reading the model.",
          "type": "string",
          "maxLength": 2000
        },
        "operator": {
          "description": "A fit rule that applies while every condition in `conditions` holds for the profile (AND).",
          "const": "all"
        },
        "conditions": {
          "description": "The conditions of the group (1–50), each a condition on one field or a nested group.",
          "type": "array",
          "minItems": 1,
          "maxItems": 50,
          "items": {
            "$ref": "#/$defs/condition",
            "description": "One condition or nested group."
          }
        },
        "group": {
          "description": "The score group (`groups[].id`) whose limits this rule's points count against; omit for none.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "points": {
          "description": "Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.",
          "anyOf": [
            {
              "type": "number",
              "description": "A fixed number of points."
            },
            {
              "$ref": "#/$defs/valuePoints",
              "description": "Points computed from a numeric field of the contact profile."
            }
          ]
        }
      },
      "examples": [
        {
          "id": "north-american-enterprise",
          "operator": "all",
          "conditions": [
            {
              "field": "country",
              "operator": "in",
              "values": [
                "US",
                "CA"
              ]
            },
            {
              "operator": "any",
              "conditions": [
                {
                  "field": "company.employees",
                  "operator": "range",
                  "min": 1000
                },
                {
                  "field": "industry",
                  "operator": "in",
                  "values": [
                    "finance",
                    "health"
                  ]
                }
              ]
            }
          ],
          "points": 20
        }
      ]
    },
    "anyFitRule": {
      "title": "AnyFitRule",
      "description": "A fit rule that applies while at least one condition in `conditions` holds for the profile (OR).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "operator",
        "conditions",
        "points"
      ],
      "properties": {
        "id": {
          "description": "Unique id of this rule within the model; explanations and counters refer to it.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "description": {
          "description": "What this rule rewards, for people reading the model.",
          "type": "string",
          "maxLength": 2000
        },
        "operator": {
          "description": "A fit rule that applies while at least one condition in `conditions` holds for the profile (OR).",
          "const": "any"
        },
        "conditions": {
          "description": "The conditions of the group (1–50), each a condition on one field or a nested group.",
          "type": "array",
          "minItems": 1,
          "maxItems": 50,
          "items": {
            "$ref": "#/$defs/condition",
            "description": "One condition or nested group."
          }
        },
        "group": {
          "description": "The score group (`groups[].id`) whose limits this rule's points count against; omit for none.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "points": {
          "description": "Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.",
          "anyOf": [
            {
              "type": "number",
              "description": "A fixed number of points."
            },
            {
              "$ref": "#/$defs/valuePoints",
              "description": "Points computed from a numeric field of the contact profile."
            }
          ]
        }
      },
      "examples": [
        {
          "id": "technical-buyer",
          "operator": "any",
          "conditions": [
            {
              "field": "jobTitle",
              "operator": "regex",
              "pattern": "engineer|architect",
              "flags": "i"
            },
            {
              "field": "department",
              "operator": "equals",
              "value": "IT"
            }
          ],
          "points": 5
        }
      ]
    },
    "notFitRule": {
      "title": "NotFitRule",
      "description": "A fit rule that applies while `condition` does not hold for the profile (NOT).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "operator",
        "condition",
        "points"
      ],
      "properties": {
        "id": {
          "description": "Unique id of this rule within the model; explanations and counters refer to it.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "description": {
          "description": "What this rule rewards, for people reading the model.",
          "type": "string",
          "maxLength": 2000
        },
        "operator": {
          "description": "A fit rule that applies while `condition` does not hold for the profile (NOT).",
          "const": "not"
        },
        "condition": {
          "$ref": "#/$defs/condition",
          "description": "The condition or group that must not hold."
        },
        "group": {
          "description": "The score group (`groups[].id`) whose limits this rule's points count against; omit for none.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "points": {
          "description": "Fit points while the profile matches: a number (negative allowed), or points computed from a numeric profile field (`from`, `per`, `each`, `round`, `min`, `max`). Fit points never decay.",
          "anyOf": [
            {
              "type": "number",
              "description": "A fixed number of points."
            },
            {
              "$ref": "#/$defs/valuePoints",
              "description": "Points computed from a numeric field of the contact profile."
            }
          ]
        }
      },
      "examples": [
        {
          "id": "corporate-address",
          "operator": "not",
          "condition": {
            "field": "email",
            "operator": "regex",
            "pattern": "@(gmail|yahoo|outlook)\\.com$"
          },
          "points": 5
        }
      ]
    },
    "valuePoints": {
      "title": "ValuePoints",
      "description": "Points computed from a numeric field instead of a fixed number: the field's value divided by `per` gives steps, rounded as `round` says, times `each` points, kept within [`min`, `max`]. A rule whose field is missing or not a number gives no points and makes no award.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "from"
      ],
      "properties": {
        "from": {
          "description": "Dot path of the numeric field: in the event `data` for engagement rules (e.g. \"amount\"), in the contact profile for fit rules (e.g. \"company.employees\"). Numeric text (\"120\") counts as its number.",
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"
        },
        "per": {
          "description": "Units of the field per step; default 1. 10 means one step per 10 units.",
          "type": "number",
          "exclusiveMinimum": 0
        },
        "each": {
          "description": "Points per step; default 1. Negative values penalise.",
          "type": "number"
        },
        "round": {
          "description": "How steps are rounded: \"down\" (the default: whole steps only, 25 units at `per: 10` are 2 steps), \"up\" (3), \"nearest\" (3; halves round up), or \"none\" (2.5).",
          "type": "string",
          "enum": [
            "down",
            "up",
            "nearest",
            "none"
          ]
        },
        "min": {
          "description": "Fewest points the rule gives (after rounding); omit for no floor.",
          "type": "number"
        },
        "max": {
          "description": "Most points the rule gives (after rounding); omit for no ceiling.",
          "type": "number"
        }
      },
      "examples": [
        {
          "from": "amount",
          "per": 10,
          "each": 1,
          "round": "down",
          "min": 0,
          "max": 50
        }
      ]
    },
    "frequencyPoints": {
      "title": "FrequencyPoints",
      "description": "Points by frequency (HubSpot's frequency ranges, \"visited pricing 3–5 times in 30 days\"): the rule counts the contact's matching events within the last `withinDays` days, and when the count enters one of the `ranges` it gives that range's points, once per entry. With `takeBack` (the default) the rule is worth the points of the range the count is in: the points of a range are taken back (what they are still worth after decay) when the count leaves it, whether a new event lifts the count into the next range or old events leave the window; the decay service makes the window's slide visible on time, as it does expiry. With `takeBack: false` points given stay: a count falling out of a range takes nothing back and gives nothing for a lower range, and entering a range again from below gives its points again. Points go through the rule's score group and the model's caps like any award; a frequency rule takes no `limits` or `expiresAfterDays` (its ranges and window say when it gives and ends points).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "withinDays",
        "ranges"
      ],
      "properties": {
        "withinDays": {
          "description": "Length of the rolling window in days (fractions allowed): an event counts until exactly this long after it happened.",
          "type": "number",
          "exclusiveMinimum": 0
        },
        "ranges": {
          "description": "The count ranges and their points, lowest first; ranges must not overlap, and only the last may be open-ended. A count in no range is worth nothing.",
          "type": "array",
          "minItems": 1,
          "maxItems": 20,
          "items": {
            "$ref": "#/$defs/frequencyRange",
            "description": "One count range."
          }
        },
        "takeBack": {
          "description": "Take a range's points back when the count leaves it (default true), so the rule is worth the points of the range the count is in; false keeps points given.",
          "type": "boolean"
        }
      },
      "examples": [
        {
          "withinDays": 7,
          "ranges": [
            {
              "min": 3,
              "points": 15
            }
          ]
        },
        {
          "withinDays": 30,
          "ranges": [
            {
              "min": 1,
              "max": 2,
              "points": 5
            },
            {
              "min": 3,
              "max": 5,
              "points": 10
            },
            {
              "min": 6,
              "points": 20
            }
          ],
          "takeBack": true
        }
      ]
    },
    "frequencyRange": {
      "title": "FrequencyRange",
      "description": "A range of counts, [`min`, `max`] inclusive, and the points a count entering it gives.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "min",
        "points"
      ],
      "properties": {
        "min": {
          "description": "Fewest matching events within the window for this range (1 or more).",
          "type": "integer",
          "minimum": 1,
          "maximum": 1000
        },
        "max": {
          "description": "Most matching events within the window for this range; omit on the last range for \"or more\".",
          "type": "integer",
          "minimum": 1,
          "maximum": 1000
        },
        "points": {
          "description": "Points given when the count enters this range (negative points penalise).",
          "type": "number"
        }
      },
      "examples": [
        {
          "min": 3,
          "max": 5,
          "points": 10
        }
      ]
    },
    "scoreGroup": {
      "title": "ScoreGroup",
      "description": "A named group of rules with its own limits (HubSpot's score groups): the points of its rules together stay within [`min`, `max`]; the model's caps apply after the groups. A group holds fit rules or engagement rules, not both (fit never decays while engagement does, so one limit over both would move with time). Fit points beyond a limit are shown as the group's own contribution (`group:<id>`, negative at a maximum); engagement points beyond it are not awarded (the award is `capped`), so decay brings the group down from its limit.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id"
      ],
      "properties": {
        "id": {
          "description": "Unique id of the group within the model; rules name it in `group`.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "description": {
          "description": "What the group measures, for people reading the model.",
          "type": "string",
          "maxLength": 2000
        },
        "min": {
          "description": "The floor of the group's penalties: its rules together never go below it (0 or less); omit for no floor.",
          "type": "number",
          "maximum": 0
        },
        "max": {
          "description": "The most points the group's rules give together (0 or more); omit for no ceiling.",
          "type": "number",
          "minimum": 0
        }
      },
      "examples": [
        {
          "id": "firmographics",
          "description": "Company size, industry and region together count at most 40.",
          "max": 40
        },
        {
          "id": "email-engagement",
          "max": 30,
          "min": -20
        }
      ]
    },
    "accountScoring": {
      "title": "AccountScoring",
      "description": "How an account (a company) is scored from its members. A contact belongs to at most one account per workspace: the `company.id` trait (set by a Segment `group` call or an identify's `company` trait), else its email's domain unless that is a free-mail domain. The account's engagement is rolled up from its members' current engagement (which already decays, so the roll-up is not decayed again); its fit comes from `fit` rules on the account's traits (the `company` traits its members were given, e.g. `industry`, `employees`, `region`). Its total is fit plus engagement.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "engagement"
      ],
      "properties": {
        "engagement": {
          "$ref": "#/$defs/accountRollup",
          "description": "How members' engagement rolls up."
        },
        "fit": {
          "description": "Account fit rules on the account's traits (the same rule shapes as contact fit rules; `field` names a trait such as `industry` or `employees`). Every matching rule adds its points; account fit never decays.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/fitRule",
            "description": "One account fit rule."
          }
        },
        "grades": {
          "description": "Grade bands A–F on the account's fit score, as `grades` for contacts.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/gradeBand",
            "description": "One grade band."
          }
        },
        "tiers": {
          "description": "Account tiers on the account's total: cold/warm/hot thresholds or named tiers, as `tiers` for contacts.",
          "anyOf": [
            {
              "$ref": "#/$defs/tiers",
              "description": "Cold, warm and hot by two thresholds."
            },
            {
              "$ref": "#/$defs/namedTiers",
              "description": "Named tiers, lowest first."
            }
          ]
        },
        "lifecycle": {
          "title": "AccountLifecycle",
          "description": "Account lifecycle thresholds, with hysteresis, evaluated by the threshold service.",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "mqa": {
              "$ref": "#/$defs/lifecycleStage",
              "description": "Marketing-qualified account: when an account enters and leaves it. Its conditions read the account's total, fit, engagement and grade."
            }
          }
        }
      },
      "examples": [
        {
          "engagement": {
            "rollup": "topMean",
            "top": 3
          },
          "fit": [
            {
              "id": "saas",
              "field": "industry",
              "operator": "equals",
              "value": "Software",
              "points": 20
            }
          ],
          "tiers": {
            "warm": 40,
            "hot": 80
          },
          "lifecycle": {
            "mqa": {
              "conditions": [
                {
                  "metric": "total",
                  "enter": 100,
                  "exit": 80
                }
              ]
            }
          }
        }
      ]
    },
    "accountRollup": {
      "title": "AccountRollup",
      "description": "How members' current engagement rolls up into the account's engagement: `sum` adds every member's, `max` takes the highest member's, `topMean` the mean of the `top` highest (of all members when the account has fewer).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "rollup"
      ],
      "properties": {
        "rollup": {
          "description": "sum, max, or topMean (the mean of the `top` highest members).",
          "type": "string",
          "enum": [
            "sum",
            "max",
            "topMean"
          ]
        },
        "top": {
          "description": "For `topMean`: how many of the highest members count (1–100); required with `topMean`.",
          "type": "integer",
          "minimum": 1,
          "maximum": 100
        }
      },
      "examples": [
        {
          "rollup": "sum"
        },
        {
          "rollup": "topMean",
          "top": 3
        }
      ]
    },
    "predictive": {
      "title": "Predictive",
      "description": "A logistic regression: probability = 100 / (1 + e^-(intercept + Σ coefficient × input)), where a profile feature's input is 1 while the profile field equals its value (else 0), and a count feature's input is (count − mean) / sd, the count being the contact's events of that type since it was first scored (a rescore counts the archive).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "intercept",
        "features"
      ],
      "properties": {
        "intercept": {
          "description": "Log-odds of conversion of a contact with no profile feature matching and every count at its mean.",
          "type": "number"
        },
        "features": {
          "description": "The regression's features and their coefficients.",
          "type": "array",
          "minItems": 1,
          "maxItems": 500,
          "items": {
            "$ref": "#/$defs/predictiveFeature"
          }
        },
        "learnedFrom": {
          "description": "Where the coefficients came from (file, leads, held-out metrics), for people reading the model.",
          "type": "string",
          "maxLength": 2000
        }
      },
      "examples": [
        {
          "intercept": -2.1,
          "features": [
            {
              "id": "industry-saas",
              "field": "industry",
              "value": "SaaS",
              "coefficient": 0.84
            },
            {
              "id": "page-views",
              "event": "web.page_viewed",
              "mean": 4.2,
              "sd": 3.1,
              "coefficient": 0.52
            }
          ]
        }
      ]
    },
    "predictiveFeature": {
      "title": "PredictiveFeature",
      "description": "One input of the predictive score: a profile value (`field` and `value`) or a count of events (`event`, `mean`, `sd`).",
      "oneOf": [
        {
          "$ref": "#/$defs/profilePredictiveFeature"
        },
        {
          "$ref": "#/$defs/countPredictiveFeature"
        }
      ]
    },
    "profilePredictiveFeature": {
      "title": "ProfilePredictiveFeature",
      "description": "Input 1 while the profile field equals `value` (for a list field: any element equals it; as a fit rule's `equals`), else 0.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "field",
        "value",
        "coefficient"
      ],
      "properties": {
        "id": {
          "description": "Unique id of this feature within the predictive section; contributions name it.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "field": {
          "description": "Dot path of the contact profile field the feature looks at, e.g. \"industry\" or \"address.state\".",
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"
        },
        "value": {
          "description": "The value the field must equal. Numbers also match numeric text (\"42\").",
          "type": [
            "string",
            "number",
            "boolean"
          ]
        },
        "coefficient": {
          "description": "Log-odds this feature adds per unit of input.",
          "type": "number"
        }
      }
    },
    "countPredictiveFeature": {
      "title": "CountPredictiveFeature",
      "description": "Input (count − mean) / sd, the count being the contact's events of type `event`: a count scaled as it was when the coefficients were learned.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "event",
        "mean",
        "sd",
        "coefficient"
      ],
      "properties": {
        "id": {
          "description": "Unique id of this feature within the predictive section; contributions name it.",
          "type": "string",
          "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
        },
        "event": {
          "$ref": "#/$defs/eventType",
          "description": "The type of the events counted (every one the contact has, whether or not a rule scores it)."
        },
        "mean": {
          "description": "The mean count of the leads learned from.",
          "type": "number",
          "minimum": 0
        },
        "sd": {
          "description": "Their standard deviation.",
          "type": "number",
          "exclusiveMinimum": 0
        },
        "coefficient": {
          "description": "Log-odds this feature adds per unit of input.",
          "type": "number"
        }
      }
    }
  },
  "examples": [
    {
      "id": "b2b",
      "version": 1,
      "workspace": "acme",
      "name": "B2B SaaS",
      "fit": [
        {
          "id": "decision-maker",
          "field": "jobTitle",
          "operator": "regex",
          "pattern": "^(CEO|CTO|VP)",
          "flags": "i",
          "points": 15
        }
      ],
      "grades": [
        {
          "grade": "A",
          "min": 15
        },
        {
          "grade": "C",
          "max": 15
        }
      ],
      "engagement": [
        {
          "id": "pricing-view",
          "event": "web.page_viewed",
          "filters": [
            {
              "field": "path",
              "operator": "equals",
              "value": "/pricing"
            }
          ],
          "points": 10,
          "limits": {
            "perDay": 1
          }
        }
      ],
      "decay": {
        "percentPerDay": 2
      },
      "tiers": {
        "warm": 20,
        "hot": 50
      }
    }
  ]
};
