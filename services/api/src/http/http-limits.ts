/** Largest request body: api bodies are small JSON objects (a key request is under 200 bytes). */
export const API_BODY_LIMIT_BYTES = 16_384;
