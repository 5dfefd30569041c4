import { MAX_JSON_DEPTH, exceedsJsonDepth, type EventValidationIssue } from '@leadscore/contracts';
import { isPlainObject } from '../http/request-body.js';
import { MappingFailure, type EventResult } from './event-batch.js';

/** Rejections that go to the dead-letter topic: bad data. `forbidden` is an authorisation answer, not bad data. */
export type DeadLetterReason = 'invalid' | 'too_large';

/** A rejected input as received, for `leads.events.dlq.v1` with the reason in headers. */
export interface DeadLetter {
  readonly index: number;
  readonly id: string | undefined;
  /** The event's `type` when it named one (also an unknown type); none for unmappable provider/Segment input. */
  readonly type: string | undefined;
  readonly reason: DeadLetterReason;
  /** `<reason>: <field>: expected <what>; ...`, at most 1000 characters. */
  readonly detail: string;
  /**
   * The input as received, as JSON; null when it is unknown (a failure on a payload no one kept) or
   * nests deeper than MAX_JSON_DEPTH (JSON.stringify would overflow the stack; the detail says so).
   */
  readonly value: string | null;
}

const MAX_DETAIL_CHARS = 1_000;

/** Ends the detail of a dead letter whose input is too deep to copy (kept within the length limit). */
const NOT_KEPT_NOTE = ` (value not kept: it nests deeper than ${MAX_JSON_DEPTH} levels)`;

export function deadLetterDetail(
  reason: DeadLetterReason,
  errors: readonly EventValidationIssue[],
  note = '',
): string {
  const detail = `${reason}: ${errors.map((e) => `${e.field}: expected ${e.expected}`).join('; ')}`;
  const room = MAX_DETAIL_CHARS - note.length;
  return (detail.length > room ? `${detail.slice(0, room - 1)}…` : detail) + note;
}

/** The dead letters of one checked batch: every input rejected as invalid or too large, in input order. */
export function deadLettersOf(candidates: readonly unknown[], results: readonly EventResult[]): DeadLetter[] {
  const letters: DeadLetter[] = [];
  for (const result of results) {
    if (result.status !== 'rejected' || result.reason === 'forbidden') continue;
    const candidate = candidates[result.index];
    const unmapped = candidate instanceof MappingFailure;
    const original = unmapped ? candidate.original : candidate;
    const type =
      !unmapped && isPlainObject(original) && typeof original['type'] === 'string'
        ? original['type']
        : undefined;
    const tooDeep = exceedsJsonDepth(original);
    letters.push({
      index: result.index,
      id: result.id,
      type,
      reason: result.reason,
      detail: deadLetterDetail(result.reason, result.errors, tooDeep ? NOT_KEPT_NOTE : ''),
      value: original === undefined || tooDeep ? null : JSON.stringify(original),
    });
  }
  return letters;
}
