import { createHash } from 'node:crypto';
import { isPlainObject } from '../http/request-body.js';

/**
 * Fields left out of a derived id: what a retry of the same call may change (`sentAt`, set when the
 * request leaves; `receivedAt`, set by a server), the credential (`writeKey`, which may travel in the
 * header instead), and `type` (implied by the route of a single call, named in a batch; the call type
 * itself is hashed). `messageId` is absent when an id is derived.
 */
const NOT_HASHED = new Set(['messageId', 'writeKey', 'sentAt', 'receivedAt', 'type']);

/** JSON with every object's keys in code-unit order, so that key order never changes the id. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const members = Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The id of a Segment call sent without `messageId` (Segment's HTTP API examples carry none):
 * `seg-` and the first 32 hex digits (128 bits) of the SHA-256 of the call type and the call's own
 * fields in canonical JSON (keys sorted at every level), without those in NOT_HASHED. A retried call
 * gets the same id, whichever route it takes (alone or in /v1/batch) and whatever order its keys are
 * in, so consumers dedupe it; calls that differ in anything else (user, event, properties, traits,
 * context, timestamp) get different ids. Two identical calls without a timestamp are indistinguishable
 * from a retry and count once: send a messageId (or a timestamp) to count each.
 *
 * Call it only on content that passed the hostile-JSON check (nesting is bounded there).
 */
export function deriveMessageId(callType: string, call: Readonly<Record<string, unknown>>): string {
  const fields = Object.fromEntries(Object.entries(call).filter(([key]) => !NOT_HASHED.has(key)));
  const digest = createHash('sha256')
    .update(canonicalJson({ call: fields, type: callType }), 'utf8')
    .digest('hex');
  return `seg-${digest.slice(0, 32)}`;
}
