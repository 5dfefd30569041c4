import { describe, expect, it } from '@jest/globals';
import { ProblemError } from './problem-details.js';
import { parseJsonBody } from './request-body.js';

function problemOf(raw: Buffer | undefined): ProblemError['problem'] {
  try {
    parseJsonBody(raw);
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('parseJsonBody', () => {
  it('parses a UTF-8 JSON body, at any depth (the limit is checked per event)', () => {
    expect(parseJsonBody(Buffer.from('{"name":"Zoë"}'))).toEqual({ name: 'Zoë' });
    expect(Array.isArray(parseJsonBody(Buffer.from('['.repeat(5_000) + ']'.repeat(5_000))))).toBe(true);
  });

  it('answers 400 for an empty body, bytes that are not UTF-8 and a syntax error, saying what to send', () => {
    expect(problemOf(undefined)).toMatchObject({ status: 400, detail: expect.stringContaining('empty') });
    expect(problemOf(Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x5d]))).toMatchObject({
      status: 400,
      type: expect.stringContaining('malformed-request'),
      detail:
        'The request body is not UTF-8 (the byte at offset 2 is invalid); send JSON encoded as UTF-8 (RFC 8259 §8.1).',
    });
    expect(problemOf(Buffer.from('{"events": ['))).toMatchObject({
      status: 400,
      detail: expect.stringMatching(/^The request body is not valid JSON \(.+\)\.$/),
    });
  });
});
