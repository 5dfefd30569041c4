/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/model-version-detail.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/model-version-detail.schema.json, for validators (no file I/O at runtime). */
export const modelVersionDetailSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/model-version-detail.schema.json",
  "title": "ModelVersionDetail",
  "description": "Response of GET /v1/models/{id}/versions/{version}: one version with its document and, when applied through the api, the text it was sent as.",
  "type": "object",
  "required": [
    "version",
    "document",
    "source"
  ],
  "additionalProperties": false,
  "properties": {
    "version": {
      "$ref": "model-version.schema.json"
    },
    "document": {
      "$ref": "../models/model.schema.json",
      "description": "The validated model, as published on leads.models.v1."
    },
    "source": {
      "type": [
        "string",
        "null"
      ],
      "description": "The YAML or JSON text sent to POST /v1/models (format in `version.sourceFormat`), comments included; null when not applied through the api."
    }
  }
};
