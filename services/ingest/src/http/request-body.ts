import { fail } from './problem-details.js';

/**
 * Body parsing for the routes: the HTTP layer hands over the raw bytes (providers sign bytes, not
 * parsed JSON) and these functions turn them into values or problem+json errors.
 */

/** Parses JSON, turning a syntax error into a 400 that points at the position. */
export function parseJsonBody(raw: Buffer | undefined): unknown {
  if (!raw || raw.length === 0) fail('malformed-request', 'The request body is empty; send a JSON document.');
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('malformed-request', `The request body is not valid JSON (${reason}).`);
  }
}

/** Parses an `application/x-www-form-urlencoded` body, keeping repeated names. */
export function parseFormBody(raw: Buffer | undefined): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(raw?.toString('utf8') ?? '')) {
    const values = params.get(name);
    if (values) values.push(value);
    else params.set(name, [value]);
  }
  return params;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
