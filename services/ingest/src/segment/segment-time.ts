import type { EventValidationIssue } from '@leadscore/contracts';

/**
 * Segment's times: ISO-8601 strings as its libraries and hand-written calls send them. Written here
 * rather than taken from a library because none reads them as Segment's own HTTP API examples write
 * them without also reading things that are not times: `@segment/isodate` (analytics.js) needs
 * two-digit months (the HTTP API's batch example sends `2015-2-02T00:30:08.276Z`) and falls back to
 * `Date.parse`, whose reading of other strings is up to the engine (V8 takes `2015-2-30` as March 2,
 * and a time without an offset in the server's own zone); luxon and date-fns read strict ISO-8601 only.
 *
 * Read (surrounding white space ignored):
 * - a date `YYYY-M-D` (month and day with one or two digits) or `YYYYMMDD`, alone (midnight UTC) or
 * - followed by `T`, `t` or a space and a time `H:MM[:SS[.fraction]]` (hour, minute and second with
 *   one or two digits; `,` also separates the fraction; digits past milliseconds are cut) or
 *   `HHMM[SS[.fraction]]`,
 * - and an offset `Z`, `±HH`, `±HH:MM` or `±HHMM` (a space may stand before it); no offset means UTC.
 * Dates must exist (no 30 February), years run 0001–9999, hours 0–23, minutes and seconds 0–59.
 */
const EXTENDED =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?)?(?: ?(Z|z|[+-]\d{2}(?::?\d{2})?))?$/;
const BASIC =
  /^(\d{4})(\d{2})(\d{2})(?:[Tt](\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?)?(?: ?(Z|z|[+-]\d{2}(?::?\d{2})?))?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Epoch milliseconds of a lenient ISO-8601 time (see above), or undefined when it is not one. */
export function readIsoTime(text: string): number | undefined {
  const trimmed = text.trim();
  const match = EXTENDED.exec(trimmed) ?? BASIC.exec(trimmed);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  // A time without its date part, or an offset after a bare date, is not something a client means.
  if (zone !== undefined && h === undefined) return undefined;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMins = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  // setUTCFullYear: Date.UTC would read the years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime() - offsetMinutes * 60_000;
}

const EXPECTED_TIME = 'an ISO-8601 time such as 2015-02-02T00:30:08.276Z';

/** The RFC 3339 form ingest puts on the topic, if `ms` has one (years 0001–9999). */
function rfc3339(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const text = new Date(ms).toISOString();
  return /^\d{4}-/.test(text) && !text.startsWith('0000') ? text : undefined;
}

export type SegmentTime =
  | { readonly ok: true; readonly time: string | undefined }
  | { readonly ok: false; readonly issue: EventValidationIssue };

/** The times of a call that decide its event time; `sentAt` may come from the batch around it. */
export interface SegmentCallTimes {
  readonly timestamp?: unknown;
  readonly originalTimestamp?: unknown;
  readonly sentAt?: unknown;
}

/**
 * The event time of a Segment call, as RFC 3339 UTC; `time: undefined` when the call names none (the
 * receipt time applies). Every time the call carries must be readable, or the call is refused with the
 * field named — never dropped, never silently replaced by the receipt time. As Segment does
 * (segment.com/docs/connections/spec/common/#timestamps), a call with `sentAt` has the device clock's
 * skew taken out: time = receivedAt − (sentAt − originalTimestamp), where originalTimestamp is the
 * call's `originalTimestamp`, else its `timestamp` (what analytics.js and the server libraries set).
 * Without `sentAt`: `timestamp`, else `originalTimestamp`, as sent. `null` counts as absent.
 */
export function segmentEventTime(call: SegmentCallTimes, receivedAtMs: number): SegmentTime {
  const read = (field: keyof SegmentCallTimes): { ms?: number; issue?: EventValidationIssue } => {
    const value = call[field];
    if (value === undefined || value === null) return {};
    const ms = typeof value === 'string' ? readIsoTime(value) : undefined;
    if (ms === undefined || rfc3339(ms) === undefined) {
      const got =
        typeof value === 'string'
          ? JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)
          : typeof value;
      return { issue: { field, expected: `${EXPECTED_TIME} (got ${got})` } };
    }
    return { ms };
  };
  const timestamp = read('timestamp');
  const original = read('originalTimestamp');
  const sentAt = read('sentAt');
  const issue = timestamp.issue ?? original.issue ?? sentAt.issue;
  if (issue) return { ok: false, issue };

  let ms: number | undefined;
  if (sentAt.ms !== undefined && (original.ms ?? timestamp.ms) !== undefined) {
    ms = receivedAtMs - (sentAt.ms - (original.ms ?? timestamp.ms ?? 0));
  } else {
    ms = timestamp.ms ?? original.ms;
  }
  if (ms === undefined) return { ok: true, time: undefined };
  const time = rfc3339(ms);
  if (time === undefined)
    return {
      ok: false,
      issue: {
        field: 'sentAt',
        expected: `a time close to the time the call was sent: corrected for it, the event time falls outside the years 0001–9999`,
      },
    };
  return { ok: true, time };
}
