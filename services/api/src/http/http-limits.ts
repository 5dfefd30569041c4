/** Largest request body: api bodies are small JSON objects (a key request is under 200 bytes). */
export const API_BODY_LIMIT_BYTES = 16_384;

/**
 * Largest scoring model (YAML or JSON) on the model routes: the example models are 1–5 KB, so this
 * leaves room for models with hundreds of rules while bounding what the parsers read.
 */
export const MODEL_BODY_LIMIT_BYTES = 262_144;

/** Media types read as YAML on the model routes (RFC 9512 `application/yaml` and the older names). */
export const YAML_MEDIA_TYPES = [
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
] as const;

/**
 * Largest body of POST /v1/models/learn: a CRM export sent as JSON text. 16 MiB is some 100,000 leads
 * of a dozen columns; a larger export is learned from offline (`leadscore model learn FILE.csv`).
 */
export const LEARN_BODY_LIMIT_BYTES = 16_777_216;
