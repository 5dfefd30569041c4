import { readUntrustedJson } from '@leadscore/contracts';
import { fail } from './problem-details.js';

/**
 * Body parsing for the routes: the HTTP layer hands over the raw bytes (providers sign bytes, not
 * parsed JSON) and these functions turn them into values or problem+json errors.
 */

/**
 * Parses a JSON body (strict UTF-8, RFC 8259 §8.1) or answers 400 saying what to fix. Nesting and
 * content are checked later per event (findUntrustedJsonIssue), so that one bad event of a batch does
 * not take its siblings down.
 */
export function parseJsonBody(raw: Buffer | undefined): unknown {
  const reading = readUntrustedJson(raw ?? new Uint8Array(0));
  if (reading.ok) return reading.value;
  switch (reading.failure) {
    case 'empty':
      return fail('malformed-request', 'The request body is empty; send a JSON document.');
    case 'not-utf8':
      return fail(
        'malformed-request',
        `The request body is not UTF-8 (the byte at offset ${reading.offset} is invalid); send JSON encoded as UTF-8 (RFC 8259 §8.1).`,
      );
    case 'syntax':
      return fail('malformed-request', `The request body is not valid JSON (${reading.reason}).`);
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
