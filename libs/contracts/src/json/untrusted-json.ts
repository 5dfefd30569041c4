/**
 * The one guard for JSON from outside (request bodies, Kafka records, scoring models): turning bytes
 * into a value, and checking a parsed value for what JSON.parse accepts but no consumer of ours can
 * handle. Pure; never throws on any input.
 */

/**
 * How many objects and arrays may nest, counting the outermost. Far beyond any real input (events
 * nest 3 levels; a model a handful, plus two per nested lifecycle condition group), far below what
 * recursive consumers survive: V8's JSON.parse takes a million levels, but JSON.stringify, Ajv, the
 * YAML composer and PostgreSQL's jsonb all recurse and run out of stack at a few thousand.
 */
export const MAX_JSON_DEPTH = 64;

/** What a parsed value may not hold, whatever its schema says. */
export type UntrustedJsonProblem =
  'too-deep' | 'proto-key' | 'non-finite-number' | 'nul-character' | 'lone-surrogate';

/** The first problem found in a value, in the `{ field, expected }` form of the event validator. */
export interface UntrustedJsonIssue {
  /** Where, as people write it: `data.fields.plan`, `items[3]`, `data["a\u0000b"]`; the root's name for the root. */
  readonly field: string;
  /** What is expected there instead, to follow "expected": `a finite number (...)`. */
  readonly expected: string;
  readonly problem: UntrustedJsonProblem;
  /** The same place as object keys and array indexes from the root (to build a JSON Pointer). */
  readonly path: readonly (string | number)[];
  /** Whether the field name at `path` is the problem, or its value. */
  readonly part: 'key' | 'value';
}

function expectedInstead(problem: UntrustedJsonProblem, part: 'key' | 'value'): string {
  switch (problem) {
    case 'too-deep':
      return `at most ${MAX_JSON_DEPTH} levels of nested objects and arrays; this value nests deeper, flatten it`;
    case 'proto-key':
      return 'a field name other than "__proto__" (it can replace the prototype of JavaScript objects)';
    case 'non-finite-number':
      return 'a finite number, within ±1.7976931348623157e308 (send larger values as strings)';
    case 'nul-character':
      return part === 'key'
        ? 'a field name without NUL characters (\\u0000)'
        : 'text without NUL characters (\\u0000), which cannot be stored';
    case 'lone-surrogate':
      return part === 'key'
        ? 'a field name of well-formed Unicode, without an unpaired UTF-16 surrogate (\\ud800-\\udfff)'
        : 'text of well-formed Unicode: an unpaired UTF-16 surrogate (\\ud800-\\udfff) cannot be encoded as UTF-8 or stored';
  }
}

/** A problem found deep in a value; the path is collected while the walk unwinds (only then). */
interface Finding {
  readonly problem: UntrustedJsonProblem;
  readonly part: 'key' | 'value';
  readonly reversedPath: (string | number)[];
}

/** ES2024 (Node ≥ 20); the workspace compiles against the ES2023 library. */
interface WellFormedCheck {
  isWellFormed(): boolean;
}

function textProblem(text: string): 'nul-character' | 'lone-surrogate' | undefined {
  if (text.indexOf('\u0000') !== -1) return 'nul-character';
  return (text as unknown as WellFormedCheck).isWellFormed() ? undefined : 'lone-surrogate';
}

// Runs on every event ingest accepts (tools/bench/src/ingest.bench.ts, POST /v1/events): no allocation
// unless something is found, and never deeper than MAX_JSON_DEPTH frames.
function inspect(value: unknown, depth: number): Finding | undefined {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem && { problem, part: 'value', reversedPath: [] };
  }
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? undefined
      : { problem: 'non-finite-number', part: 'value', reversedPath: [] };
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth === MAX_JSON_DEPTH) return { problem: 'too-deep', part: 'value', reversedPath: [] };
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const finding = inspect(value[index], depth + 1);
      if (finding) {
        finding.reversedPath.push(index);
        return finding;
      }
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  // for-in, not Object.keys: no array per object. Parsed JSON has no enumerable inherited keys.
  for (const key in record) {
    const keyProblem = key === '__proto__' ? 'proto-key' : textProblem(key);
    if (keyProblem) return { problem: keyProblem, part: 'key', reversedPath: [key] };
    const finding = inspect(record[key], depth + 1);
    if (finding) {
      finding.reversedPath.push(key);
      return finding;
    }
  }
  return undefined;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_KEY_CHARS_SHOWN = 64;
const MAX_FIELD_CHARS = 256;

/** `data.fields["a b"][2]`: the event validator's notation; odd keys JSON-escaped, long ones shortened. */
function fieldOf(path: readonly (string | number)[], rootName: string): string {
  let field = '';
  for (const segment of path) {
    if (field.length > MAX_FIELD_CHARS) return `${field}…`;
    if (typeof segment === 'number') field += `[${segment}]`;
    else if (IDENTIFIER.test(segment) && segment.length <= MAX_KEY_CHARS_SHOWN)
      field += field === '' ? segment : `.${segment}`;
    else {
      const shown =
        segment.length > MAX_KEY_CHARS_SHOWN ? `${segment.slice(0, MAX_KEY_CHARS_SHOWN)}…` : segment;
      field += `[${JSON.stringify(shown)}]`;
    }
  }
  return field === '' ? rootName : field;
}

/**
 * The first place in `value` that no consumer may receive, or undefined: objects and arrays nested
 * deeper than MAX_JSON_DEPTH, a `__proto__` key (harmless as parsed, but it changes the prototype of
 * whatever a later Object.assign or `target[key] = value` copies it into), a non-finite number
 * (JSON.parse reads 1e400 as Infinity, which JSON.stringify writes as null), and a NUL character or an
 * unpaired UTF-16 surrogate in a key or a string (neither UTF-8 nor PostgreSQL text can hold them).
 * Other keys, `constructor` and `prototype` included, are ordinary data.
 *
 * @param rootName how `field` names the value itself, e.g. `(event)`
 */
export function findUntrustedJsonIssue(value: unknown, rootName = '(value)'): UntrustedJsonIssue | undefined {
  const finding = inspect(value, 0);
  if (!finding) return undefined;
  const path = finding.reversedPath.reverse();
  return {
    field: fieldOf(path, rootName),
    expected: expectedInstead(finding.problem, finding.part),
    problem: finding.problem,
    path,
    part: finding.part,
  };
}

function nestsDeeper(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth === MAX_JSON_DEPTH) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (nestsDeeper(item, depth + 1)) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) if (nestsDeeper(record[key], depth + 1)) return true;
  return false;
}

/** Whether `value` nests more than MAX_JSON_DEPTH objects and arrays: too deep to serialize safely. */
export function exceedsJsonDepth(value: unknown): boolean {
  return nestsDeeper(value, 0);
}

/** The outcome of reading a JSON document from bytes. */
export type UntrustedJsonReading =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly failure: 'empty' }
  /** `offset`: of the first byte that is not (part of) a UTF-8 sequence. */
  | { readonly ok: false; readonly failure: 'not-utf8'; readonly offset: number }
  /** `reason`: JSON.parse's message, with the position. */
  | { readonly ok: false; readonly failure: 'syntax'; readonly reason: string };

// fatal: invalid bytes are an error, not U+FFFD. A leading byte order mark is dropped (ignoreBOM: false),
// as RFC 8259 §8.1 allows: Windows tools write one, and it carries no meaning in UTF-8.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes UTF-8 (strictly, RFC 8259 §8.1) and parses JSON; never throws. Depth is not limited here:
 * JSON.parse itself copes with any nesting, and where the limit applies (a whole document, or each
 * event of a batch) is the caller's choice: run findUntrustedJsonIssue on that part.
 */
export function readUntrustedJson(bytes: Uint8Array): UntrustedJsonReading {
  if (bytes.length === 0) return { ok: false, failure: 'empty' };
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    return { ok: false, failure: 'not-utf8', offset: firstInvalidUtf8Offset(bytes) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, failure: 'syntax', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The offset of the first byte that breaks UTF-8 (Unicode 15, table 3-7), -1 when there is none. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset] ?? 0;
    if (lead < 0x80) {
      offset += 1;
      continue;
    }
    let continuation: number;
    // The range of the second byte excludes overlong forms and encoded surrogates (ED A0..BF).
    let secondLow = 0x80;
    let secondHigh = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) continuation = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      continuation = 2;
      if (lead === 0xe0) secondLow = 0xa0;
      if (lead === 0xed) secondHigh = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      continuation = 3;
      if (lead === 0xf0) secondLow = 0x90;
      if (lead === 0xf4) secondHigh = 0x8f;
    } else return offset;
    for (let k = 1; k <= continuation; k++) {
      const byte = bytes[offset + k];
      const low = k === 1 ? secondLow : 0x80;
      const high = k === 1 ? secondHigh : 0xbf;
      if (byte === undefined || byte < low || byte > high) return offset;
    }
    offset += continuation + 1;
  }
  return -1;
}
