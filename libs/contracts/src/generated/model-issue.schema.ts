/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/model-issue.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/model-issue.schema.json, for validators (no file I/O at runtime). */
export const modelIssueSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/model-issue.schema.json",
  "title": "ModelIssueDetail",
  "description": "One problem of a scoring model, located in the document and in the text sent (as the scorer and `parseModel` report them).",
  "type": "object",
  "required": [
    "path",
    "pointer",
    "message",
    "check"
  ],
  "additionalProperties": false,
  "properties": {
    "path": {
      "type": "string",
      "description": "Where in the model, as people write it: `engagement[2].points`; `(model)` for the document itself."
    },
    "pointer": {
      "type": "string",
      "description": "The same place as a JSON Pointer: `/engagement/2/points`."
    },
    "line": {
      "type": "integer",
      "minimum": 1,
      "description": "1-based line in the text sent."
    },
    "column": {
      "type": "integer",
      "minimum": 1,
      "description": "1-based column in the text sent."
    },
    "message": {
      "type": "string",
      "description": "What is wrong and what is expected."
    },
    "check": {
      "type": "string",
      "description": "Which check found it: `syntax`, `schema:<keyword>` or `semantic:<check>`."
    }
  }
};
