/**
 * Hostile JSON for API tests: constructs that JSON.parse accepts (or that are not JSON at all) and
 * that once answered 500 or slipped through (issue #18). Each case is one or more object members as
 * raw bytes (so that invalid UTF-8 and duplicate keys survive), to splice into any JSON object of a
 * request with `embedHostileMember`, and the outcome every leadscore JSON API must give it. Put the
 * slot where the API keeps free-form data (`data.fields` of a `web.form_submitted` event, the
 * properties of a Segment call) so that accepted cases reach the topic.
 */

/** What an API answers to a request holding one hostile case. Never a 5xx. */
export type HostileJsonOutcome =
  /** The whole request is refused with `status` and a problem+json `detail` matching `detail`. */
  | { readonly kind: 'request-refused'; readonly status: number; readonly detail: RegExp }
  /**
   * Only the event (Segment call, provider delivery) holding the member is refused; the others of the
   * same request are accepted. Its first error's `expected` matches `expected`; its `field` starts with
   * the path of the object holding the slot followed by `field`, when `field` is given.
   */
  | {
      readonly kind: 'event-refused';
      readonly reason: 'invalid' | 'too_large';
      readonly field?: string;
      readonly expected: RegExp;
    }
  /** Valid JSON with a documented meaning: accepted, the object holding the slot ends with `members`. */
  | { readonly kind: 'accepted'; readonly members: Readonly<Record<string, unknown>> };

export interface HostileJsonCase {
  readonly name: string;
  /** Raw bytes of object members (`"name": value`), without a trailing comma. */
  readonly member: Buffer;
  readonly outcome: HostileJsonOutcome;
}

/** A host document marks where the hostile members go with this key (value 0): `{ [HOSTILE_SLOT]: 0 }`. */
export const HOSTILE_SLOT = 'hostile-json-slot';
const SLOT_TEXT = `${JSON.stringify(HOSTILE_SLOT)}:0`;

/** `host` serialized as JSON, its `[HOSTILE_SLOT]: 0` member replaced by `member` (raw bytes). */
export function embedHostileMember(host: unknown, member: Buffer): Buffer {
  const text = JSON.stringify(host);
  const at = text.indexOf(SLOT_TEXT);
  if (at === -1 || text.indexOf(SLOT_TEXT, at + 1) !== -1)
    throw new Error(`the host document must hold exactly one "${HOSTILE_SLOT}": 0 member`);
  return Buffer.concat([
    Buffer.from(text.slice(0, at)),
    member,
    Buffer.from(text.slice(at + SLOT_TEXT.length)),
  ]);
}

/** Text (as UTF-8) and raw bytes, concatenated. */
const raw = (...parts: (string | readonly number[])[]): Buffer =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Uint8Array.from(part))),
  );
const nested = (open: string, close: string, levels: number): string =>
  open.repeat(levels) + '1' + close.repeat(levels);

const notUtf8 = { kind: 'request-refused', status: 400, detail: /not UTF-8.*RFC 8259/ } as const;
const tooDeep = { kind: 'event-refused', reason: 'invalid', field: '.deep', expected: /64 levels/ } as const;
const notFinite = {
  kind: 'event-refused',
  reason: 'invalid',
  field: '.amount',
  expected: /finite number/,
} as const;
const surrogateIn = (field: string) =>
  ({ kind: 'event-refused', reason: 'invalid', field, expected: /surrogate/ }) as const;
const nulIn = (field: string) =>
  ({ kind: 'event-refused', reason: 'invalid', field, expected: /NUL/ }) as const;
const tooLarge = { kind: 'event-refused', reason: 'too_large', expected: /at most \d+ bytes/ } as const;

/**
 * The corpus. `too_large` assumes the default per-event limit (32 KB) and the body-limit case the
 * default body limit (512 KB).
 */
export const HOSTILE_JSON_CASES: readonly HostileJsonCase[] = [
  {
    name: 'arrays nested 5000 levels deep',
    member: raw(`"deep":${nested('[', ']', 5_000)}`),
    outcome: tooDeep,
  },
  {
    name: 'objects nested 5000 levels deep',
    member: raw(`"deep":${nested('{"a":', '}', 5_000)}`),
    outcome: tooDeep,
  },
  { name: 'a number beyond the double range (1e400)', member: raw('"amount":1e400'), outcome: notFinite },
  { name: 'a negative number beyond the range (-1e400)', member: raw('"amount":-1e400'), outcome: notFinite },
  { name: 'a 400-digit integer', member: raw(`"amount":${'9'.repeat(400)}`), outcome: notFinite },
  {
    name: 'the largest finite double',
    member: raw('"amount":1.7976931348623157e308'),
    outcome: { kind: 'accepted', members: { amount: 1.7976931348623157e308 } },
  },
  {
    name: 'a "__proto__" key with an object',
    member: raw('"__proto__":{"polluted":true}'),
    outcome: { kind: 'event-refused', reason: 'invalid', field: '.__proto__', expected: /"__proto__"/ },
  },
  {
    name: 'a "__proto__" key with null',
    member: raw('"__proto__":null'),
    outcome: { kind: 'event-refused', reason: 'invalid', field: '.__proto__', expected: /"__proto__"/ },
  },
  {
    name: 'keys named like Object.prototype members (constructor, prototype, toString, hasOwnProperty, toJSON)',
    member: raw('"constructor":"c","prototype":"p","toString":"s","hasOwnProperty":"h","toJSON":"j"'),
    outcome: {
      kind: 'accepted',
      members: { constructor: 'c', prototype: 'p', toString: 's', hasOwnProperty: 'h', toJSON: 'j' },
    },
  },
  {
    name: 'a duplicate key (the last one wins)',
    member: raw('"plan":"first","plan":"last"'),
    outcome: { kind: 'accepted', members: { plan: 'last' } },
  },
  { name: 'an invalid UTF-8 byte (0xFF)', member: raw('"note":"', [0xff], '"'), outcome: notUtf8 },
  {
    name: 'an overlong UTF-8 encoding (C0 AF)',
    member: raw('"note":"', [0xc0, 0xaf], '"'),
    outcome: notUtf8,
  },
  {
    name: 'a UTF-8-encoded surrogate (ED A0 80, CESU-8)',
    member: raw('"note":"', [0xed, 0xa0, 0x80], '"'),
    outcome: notUtf8,
  },
  {
    name: 'a truncated UTF-8 sequence (E2 82)',
    member: raw('"note":"', [0xe2, 0x82], '"'),
    outcome: notUtf8,
  },
  {
    name: 'an unpaired high surrogate escape',
    member: raw('"note":"\\ud800"'),
    outcome: surrogateIn('.note'),
  },
  {
    name: 'an unpaired low surrogate escape',
    member: raw('"note":"x\\udfff"'),
    outcome: surrogateIn('.note'),
  },
  {
    name: 'a surrogate pair in the wrong order',
    member: raw('"note":"\\udc00\\ud800"'),
    outcome: surrogateIn('.note'),
  },
  {
    name: 'an unpaired surrogate in a key',
    member: raw('"\\udc00":"x"'),
    outcome: surrogateIn('["\\udc00"]'),
  },
  {
    name: 'a surrogate pair escape and astral characters',
    member: raw('"note":"\\ud83d\\ude00 😀"'),
    outcome: { kind: 'accepted', members: { note: '😀 😀' } },
  },
  { name: 'an escaped NUL character', member: raw('"note":"a\\u0000b"'), outcome: nulIn('.note') },
  {
    name: 'an escaped NUL character in a key',
    member: raw('"a\\u0000b":"x"'),
    outcome: nulIn('["a\\u0000b"]'),
  },
  {
    name: 'a raw NUL byte in a string',
    member: raw('"note":"a', [0x00], 'b"'),
    outcome: { kind: 'request-refused', status: 400, detail: /not valid JSON/ },
  },
  {
    name: 'a very long string (40 000 characters)',
    member: raw(`"note":"${'x'.repeat(40_000)}"`),
    outcome: tooLarge,
  },
  {
    name: 'a very long key (40 000 characters)',
    member: raw(`"${'k'.repeat(40_000)}":"x"`),
    outcome: tooLarge,
  },
  {
    name: 'a string longer than the body limit (1 MB)',
    member: raw(`"note":"${'x'.repeat(1_048_576)}"`),
    outcome: { kind: 'request-refused', status: 413, detail: /larger than \d+ bytes/ },
  },
];
