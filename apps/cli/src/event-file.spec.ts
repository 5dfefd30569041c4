import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { readEventFile } from './event-file.js';

const fromStdin = (text: string) => readEventFile('-', Readable.from([text]));

describe('readEventFile', () => {
  it('reads one pretty-printed event as a file of one event, on the line where it starts', async () => {
    const file = await fromStdin('  \n\n  {\n    "id": "e1",\n    "type": "web.page_viewed"\n  }\n');
    expect(file.events).toEqual([{ id: 'e1', type: 'web.page_viewed' }]);
    expect(file.lineOf(0)).toBe(3);
    expect(file.malformed).toEqual([]);
  });

  it('gives NDJSON lines and a JSON array element the line each starts on', async () => {
    const ndjson = await fromStdin('{"id":"a"}\n\n{"id":"b"}\nnot json\n');
    expect([ndjson.lineOf(0), ndjson.lineOf(1)]).toEqual([1, 3]);
    expect(ndjson.malformed.map((bad) => bad.line)).toEqual([4]);
    const array = await fromStdin('[\n  {"id":"a"},\n\n  {"id":"b"}\n]');
    expect([array.lineOf(0), array.lineOf(1)]).toEqual([2, 4]);
  });

  it('says where a JSON array stops being JSON', async () => {
    await expect(fromStdin('[\n  {"id": 1,]\n')).rejects.toThrow(
      /^stdin:2:12: not JSON: property name expected/,
    );
  });
});
