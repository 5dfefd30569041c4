/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/models/model-diff.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/models/model-diff.schema.json, for validators (no file I/O at runtime). */
export const modelDiffSchema: Readonly<Record<string, unknown>> = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.leadscore.dev/models/model-diff.schema.json",
  "title": "ModelDiff",
  "description": "What changes when one version of a scoring model replaces another: rules added, removed and changed (with each changed field), and the other sections that changed. Rules are matched by section and id; their order does not count.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "modelId",
    "fromVersion",
    "toVersion",
    "unchanged",
    "rules",
    "sections"
  ],
  "properties": {
    "modelId": {
      "description": "The model's id.",
      "type": "string"
    },
    "fromVersion": {
      "description": "The version compared against (the live one); null when there is none, so every rule is added.",
      "type": [
        "integer",
        "null"
      ]
    },
    "toVersion": {
      "description": "The version that would replace it.",
      "type": "integer"
    },
    "unchanged": {
      "description": "True when nothing but the version number differs.",
      "type": "boolean"
    },
    "rules": {
      "description": "Rules of fit, engagement, absence and inactivity, matched by section and id.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "added",
        "removed",
        "changed"
      ],
      "properties": {
        "added": {
          "description": "Rules only the new version has.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/ruleRef",
            "description": "An added rule."
          }
        },
        "removed": {
          "description": "Rules only the old version has.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/ruleRef",
            "description": "A removed rule."
          }
        },
        "changed": {
          "description": "Rules both versions have, with different content.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/ruleChange",
            "description": "A changed rule."
          }
        }
      }
    },
    "sections": {
      "description": "The other parts of the model that changed: name, description, grades, decay, caps, tiers, lifecycle, schedule.",
      "type": "array",
      "items": {
        "$ref": "#/$defs/sectionChange",
        "description": "A changed section."
      }
    }
  },
  "$defs": {
    "ruleSection": {
      "title": "ModelRuleSection",
      "description": "The section a rule belongs to.",
      "type": "string",
      "enum": [
        "fit",
        "engagement",
        "absence",
        "inactivity"
      ]
    },
    "ruleRef": {
      "title": "ModelRuleRef",
      "description": "A rule added or removed, whole.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "section",
        "id",
        "rule"
      ],
      "properties": {
        "section": {
          "$ref": "#/$defs/ruleSection",
          "description": "Its section."
        },
        "id": {
          "description": "The rule's id.",
          "type": "string"
        },
        "rule": {
          "description": "The rule as the model states it.",
          "type": "object"
        }
      }
    },
    "ruleChange": {
      "title": "ModelRuleChange",
      "description": "A rule present in both versions whose content differs.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "section",
        "id",
        "changes"
      ],
      "properties": {
        "section": {
          "$ref": "#/$defs/ruleSection",
          "description": "Its section."
        },
        "id": {
          "description": "The rule's id.",
          "type": "string"
        },
        "changes": {
          "description": "Each field that changed, its path relative to the rule.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/fieldChange",
            "description": "One changed field."
          }
        }
      }
    },
    "sectionChange": {
      "title": "ModelSectionChange",
      "description": "A part of the model other than its rules that changed.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "section",
        "changes"
      ],
      "properties": {
        "section": {
          "description": "The top-level property.",
          "type": "string",
          "enum": [
            "name",
            "description",
            "grades",
            "decay",
            "caps",
            "tiers",
            "lifecycle",
            "schedule"
          ]
        },
        "changes": {
          "description": "Each field that changed, its path from the model's root (`tiers.hot`, `lifecycle.mql.conditions[0].enter`).",
          "type": "array",
          "items": {
            "$ref": "#/$defs/fieldChange",
            "description": "One changed field."
          }
        }
      }
    },
    "fieldChange": {
      "title": "ModelFieldChange",
      "description": "One value that differs; `from` is absent when the old version did not set it, `to` when the new one does not. Lists of different lengths are reported whole; lists of the same length item by item.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "path"
      ],
      "properties": {
        "path": {
          "description": "Where, as people write it: `points`, `limits.perDay`, `filters[0].value`.",
          "type": "string"
        },
        "from": {
          "description": "The old value (any JSON value).",
          "type": [
            "string",
            "number",
            "boolean",
            "object",
            "array",
            "null"
          ]
        },
        "to": {
          "description": "The new value (any JSON value).",
          "type": [
            "string",
            "number",
            "boolean",
            "object",
            "array",
            "null"
          ]
        }
      }
    }
  }
};
