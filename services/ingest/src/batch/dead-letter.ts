import type { EventValidationIssue } from '@leadscore/contracts';
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
  /** The input as received, as JSON; null when it is unknown (a failure on a payload no one kept). */
  readonly value: string | null;
}

const MAX_DETAIL_CHARS = 1_000;

export function deadLetterDetail(reason: DeadLetterReason, errors: readonly EventValidationIssue[]): string {
  const detail = `${reason}: ${errors.map((e) => `${e.field}: expected ${e.expected}`).join('; ')}`;
  return detail.length > MAX_DETAIL_CHARS ? `${detail.slice(0, MAX_DETAIL_CHARS - 1)}…` : detail;
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
    letters.push({
      index: result.index,
      id: result.id,
      type,
      reason: result.reason,
      detail: deadLetterDetail(result.reason, result.errors),
      value: original === undefined ? null : JSON.stringify(original),
    });
  }
  return letters;
}
