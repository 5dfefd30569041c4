import { findUntrustedJsonIssue, type CanonicalEvent, type EventValidator } from '@leadscore/contracts';

export type DecodedMessage =
  | { readonly ok: true; readonly offset: string; readonly event: CanonicalEvent }
  | { readonly ok: false; readonly offset: string; readonly reason: string };

/**
 * Parses, screens (findUntrustedJsonIssue) and validates one leads.events.v1 record; a bad one comes
 * back with the reason, never throws.
 */
export function decodeEventMessage(
  validator: EventValidator,
  offset: string,
  value: Buffer | null,
): DecodedMessage {
  if (value === null) return { ok: false, offset, reason: 'empty record (tombstone) on the events topic' };
  let candidate: unknown;
  try {
    candidate = JSON.parse(value.toString('utf8'));
  } catch (error) {
    return {
      ok: false,
      offset,
      reason: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  // Ingest refuses these; a record written to the topic by anything else must not reach PostgreSQL
  // (NUL, unpaired surrogates) or a recursive serializer (nesting), where it would fail the batch forever.
  const hostile = findUntrustedJsonIssue(candidate, '(event)');
  if (hostile)
    return { ok: false, offset, reason: `invalid event: ${hostile.field}: expected ${hostile.expected}` };
  const validation = validator.validate(candidate);
  if (!validation.valid) {
    const issues = validation.issues.map((i) => `${i.field}: expected ${i.expected}`).join('; ');
    return { ok: false, offset, reason: `invalid event: ${issues}` };
  }
  return { ok: true, offset, event: validation.event };
}
