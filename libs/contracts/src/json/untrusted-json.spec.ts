import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  MAX_JSON_DEPTH,
  exceedsJsonDepth,
  findUntrustedJsonIssue,
  readUntrustedJson,
} from './untrusted-json.js';

const nestedArrays = (levels: number, inner = '0'): string => '['.repeat(levels) + inner + ']'.repeat(levels);
const parse = (json: string): unknown => JSON.parse(json);
const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Uint8Array.from(part))),
  );

describe('findUntrustedJsonIssue', () => {
  it('accepts MAX_JSON_DEPTH levels of nesting and names the first container one level deeper', () => {
    expect(MAX_JSON_DEPTH).toBe(64);
    expect(findUntrustedJsonIssue(parse(nestedArrays(MAX_JSON_DEPTH)))).toBeUndefined();
    expect(findUntrustedJsonIssue({ data: parse(nestedArrays(MAX_JSON_DEPTH - 1)) })).toBeUndefined();
    const issue = findUntrustedJsonIssue({ data: parse(nestedArrays(MAX_JSON_DEPTH)) }, '(event)');
    expect(issue).toEqual({
      field: `data${'[0]'.repeat(MAX_JSON_DEPTH - 1)}`,
      expected: 'at most 64 levels of nested objects and arrays; this value nests deeper, flatten it',
      problem: 'too-deep',
      path: ['data', ...Array.from({ length: MAX_JSON_DEPTH - 1 }, () => 0)],
      part: 'value',
    });
  });

  it('stops at the limit on a million levels (what JSON.parse accepts but JSON.stringify cannot write)', () => {
    const deep: unknown = parse(nestedArrays(1_000_000));
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(findUntrustedJsonIssue(deep)?.problem).toBe('too-deep');
    expect(exceedsJsonDepth(deep)).toBe(true);
  });

  it('shortens the field of a deep path instead of spelling out every level', () => {
    const objects: unknown = parse('{"level":'.repeat(5_000) + '1' + '}'.repeat(5_000));
    const issue = findUntrustedJsonIssue(objects);
    expect(issue?.field.startsWith('level.level.level')).toBe(true);
    expect(issue?.field.endsWith('…')).toBe(true);
    expect(issue?.field.length).toBeLessThan(300);
    expect(issue?.path).toHaveLength(MAX_JSON_DEPTH);
  });

  it('refuses a "__proto__" key, which JSON.parse keeps as an own property that Object.assign would turn into a prototype', () => {
    const parsed = parse('{"data":{"fields":{"__proto__":{"polluted":true}}}}');
    expect(findUntrustedJsonIssue(parsed)).toMatchObject({
      field: 'data.fields.__proto__',
      expected: expect.stringContaining('other than "__proto__"'),
      problem: 'proto-key',
      path: ['data', 'fields', '__proto__'],
      part: 'key',
    });
    expect(findUntrustedJsonIssue(parse('[{"__proto__":null}]'))?.field).toBe('[0].__proto__');
  });

  it('takes "constructor" and "prototype" keys as ordinary data', () => {
    const parsed = parse('{"constructor":"c","prototype":{"constructor":{"name":"x"}}}');
    expect(findUntrustedJsonIssue(parsed)).toBeUndefined();
  });

  it('refuses numbers beyond the double range, which JSON.parse reads as Infinity', () => {
    for (const literal of ['1e400', '-1e400', '9'.repeat(400)]) {
      expect(findUntrustedJsonIssue(parse(`{"amount":${literal}}`))).toMatchObject({
        field: 'amount',
        expected: expect.stringContaining('a finite number'),
        problem: 'non-finite-number',
      });
    }
    expect(findUntrustedJsonIssue([Number.NaN])?.field).toBe('[0]');
    expect(findUntrustedJsonIssue({ big: 1.7976931348623157e308, tiny: 5e-324 })).toBeUndefined();
  });

  it('refuses NUL characters and unpaired surrogates in strings and keys, and accepts surrogate pairs', () => {
    const cases: [string, string, 'key' | 'value', string][] = [
      ['{"name":"a\\u0000b"}', 'name', 'value', 'NUL'],
      ['{"a\\u0000b":1}', '["a\\u0000b"]', 'key', 'NUL'],
      ['{"name":"\\ud800"}', 'name', 'value', 'surrogate'],
      ['{"name":"x\\udc00"}', 'name', 'value', 'surrogate'],
      ['{"name":"\\udc00\\ud800"}', 'name', 'value', 'surrogate'],
      ['{"list":["ok","\\ud83d"]}', 'list[1]', 'value', 'surrogate'],
      ['{"\\udfff":1}', '["\\udfff"]', 'key', 'surrogate'],
    ];
    for (const [json, field, part, expected] of cases) {
      const issue = findUntrustedJsonIssue(parse(json));
      expect({ json, field: issue?.field, part: issue?.part }).toEqual({ json, field, part });
      expect(issue?.expected).toContain(expected);
    }
    expect(findUntrustedJsonIssue(parse('{"emoji":"\\ud83d\\ude00 😀","é":"ünïcödé"}'))).toBeUndefined();
  });

  it("writes odd and long keys JSON-escaped and shortened, and names the root by the caller's name", () => {
    const long = 'k'.repeat(1_000);
    expect(findUntrustedJsonIssue({ [long]: '\u0000' })?.field).toBe(`["${'k'.repeat(64)}…"]`);
    expect(findUntrustedJsonIssue({ 'a "b"': [1, '\u0000'] })?.field).toBe('["a \\"b\\""][1]');
    expect(findUntrustedJsonIssue('\u0000', '(event)')?.field).toBe('(event)');
    expect(findUntrustedJsonIssue(Infinity)?.field).toBe('(value)');
  });

  it('never throws, and whatever it passes serializes and parses back to the same text (property)', () => {
    const anyCodeUnit = fc.nat({ max: 0xffff }).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.string({ unit: anyCodeUnit }), (value, text) => {
        const candidate = { value, [text]: text };
        const issue = findUntrustedJsonIssue(candidate);
        if (issue === undefined) {
          const serialized = JSON.stringify(candidate);
          expect(JSON.stringify(parse(serialized))).toBe(serialized);
        } else {
          expect(['nul-character', 'lone-surrogate', 'proto-key']).toContain(issue.problem);
        }
      }),
    );
  });
});

describe('exceedsJsonDepth', () => {
  it('is true from one level past MAX_JSON_DEPTH, whatever the values hold', () => {
    expect(exceedsJsonDepth(parse(nestedArrays(MAX_JSON_DEPTH, '"\\u0000"')))).toBe(false);
    expect(exceedsJsonDepth(parse(nestedArrays(MAX_JSON_DEPTH + 1)))).toBe(true);
    expect(exceedsJsonDepth({ a: [{ b: parse(nestedArrays(MAX_JSON_DEPTH - 2)) }] })).toBe(true);
    expect(exceedsJsonDepth('text')).toBe(false);
  });
});

describe('readUntrustedJson', () => {
  it('parses UTF-8 JSON', () => {
    expect(readUntrustedJson(bytes('{"name":"Zoë 😀"}'))).toEqual({ ok: true, value: { name: 'Zoë 😀' } });
  });

  it('says an empty body is empty', () => {
    expect(readUntrustedJson(new Uint8Array(0))).toEqual({ ok: false, failure: 'empty' });
  });

  it('refuses bytes that are not UTF-8 instead of turning them into U+FFFD, with the offset of the first', () => {
    const cases: [Buffer, number][] = [
      [bytes('{"a":"', [0xff], '"}'), 6],
      [bytes('["ok","', [0xc0, 0xaf], '"]'), 7], // overlong "/"
      [bytes('["', [0xed, 0xa0, 0x80], '"]'), 2], // an encoded surrogate (CESU-8)
      [bytes('["é', [0xe2, 0x82], '"]'), 4], // a three-byte sequence cut short
      [bytes('["', [0xf4, 0x90, 0x80, 0x80], '"]'), 2], // beyond U+10FFFF
      [bytes('"', [0xf0, 0x9f, 0x98]), 1], // cut short at the end
    ];
    for (const [body, offset] of cases) {
      expect(readUntrustedJson(body)).toEqual({ ok: false, failure: 'not-utf8', offset });
    }
    expect(readUntrustedJson(bytes('["', [0xf0, 0x9f, 0x98, 0x80], '"]'))).toEqual({
      ok: true,
      value: ['😀'],
    });
  });

  it('reads a document that starts with a UTF-8 byte order mark (RFC 8259 §8.1 lets a parser ignore it)', () => {
    expect(readUntrustedJson(bytes('\ufeff[1]'))).toEqual({ ok: true, value: [1] });
    expect(readUntrustedJson(bytes('[\ufeff1]'))).toMatchObject({ ok: false, failure: 'syntax' });
  });

  it("passes on JSON.parse's reason for a syntax error, raw control characters included", () => {
    for (const text of ['{"events": [', '["a\u0000b"]', '{"a":1,}']) {
      const reading = readUntrustedJson(bytes(text));
      expect(reading).toMatchObject({ ok: false, failure: 'syntax', reason: expect.any(String) });
    }
    expect(readUntrustedJson(bytes('{"a":1,}'))).toMatchObject({
      reason: expect.stringMatching(/position 7/),
    });
  });

  it('leaves the depth to the caller: a million levels parse', () => {
    const reading = readUntrustedJson(bytes(nestedArrays(1_000_000)));
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(findUntrustedJsonIssue(reading.value)?.problem).toBe('too-deep');
  });
});
