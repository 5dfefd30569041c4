/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/start-rescore-request.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/start-rescore-request.schema.json, for validators (no file I/O at runtime). */
export const startRescoreRequestSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/start-rescore-request.schema.json",
  "title": "StartRescoreRequest",
  "description": "Body of POST /v1/models/{id}/rescores: rescore every archived contact under the model's live version.",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "dryRun": {
      "type": "boolean",
      "default": false,
      "description": "Only count the changes, transitions and webhooks the rescore would cause."
    },
    "transitionsPerSecond": {
      "type": "number",
      "exclusiveMinimum": 0,
      "maximum": 10000,
      "description": "Pace of the tier and stage transitions it causes, per second (default: the api's API_RESCORE_TRANSITIONS_PER_SECOND, 50)."
    }
  }
};
