import { describe, expect, it } from '@jest/globals';
import { readIsoTime, segmentEventTime } from './segment-time.js';

const iso = (text: string): string | undefined => {
  const ms = readIsoTime(text);
  return ms === undefined ? undefined : new Date(ms).toISOString();
};

describe('readIsoTime', () => {
  it("reads the times of Segment's documentation examples", () => {
    // HTTP API Source (batch example), Spec: Common Fields, Spec: Track.
    expect(iso('2015-2-02T00:30:08.276Z')).toBe('2015-02-02T00:30:08.276Z');
    expect(iso('2015-2-02T00:30:12.984Z')).toBe('2015-02-02T00:30:12.984Z');
    expect(iso('2012-12-02T00:30:08.276Z')).toBe('2012-12-02T00:30:08.276Z');
    expect(iso('2015-12-10T04:08:31.905Z')).toBe('2015-12-10T04:08:31.905Z');
    expect(iso('2018-08-28T04:09:47Z')).toBe('2018-08-28T04:09:47.000Z');
  });

  it('reads the ISO-8601 forms libraries and hand-written calls send', () => {
    expect(iso('2015-02-02T00:30:08Z')).toBe('2015-02-02T00:30:08.000Z');
    expect(iso('2015-02-02 00:30:08')).toBe('2015-02-02T00:30:08.000Z');
    expect(iso('2015-02-02t00:30:08z')).toBe('2015-02-02T00:30:08.000Z');
    expect(iso('2015-02-02T00:30')).toBe('2015-02-02T00:30:00.000Z');
    expect(iso('2015-2-2T0:30:8Z')).toBe('2015-02-02T00:30:08.000Z');
    expect(iso('2015-02-02')).toBe('2015-02-02T00:00:00.000Z');
    expect(iso('20150202T003008Z')).toBe('2015-02-02T00:30:08.000Z');
    expect(iso('  2015-02-02T00:30:08Z\n')).toBe('2015-02-02T00:30:08.000Z');
  });

  it('applies offsets and reads fractions of any length (to the millisecond)', () => {
    expect(iso('2015-02-02T01:30:08+01:00')).toBe('2015-02-02T00:30:08.000Z');
    expect(iso('2015-02-01T19:30:08-0500')).toBe('2015-02-02T00:30:08.000Z');
    expect(iso('2015-02-02T05:30:08+05')).toBe('2015-02-02T00:30:08.000Z');
    expect(iso('2015-02-02 00:30:08 +00:00')).toBe('2015-02-02T00:30:08.000Z');
    expect(iso('2015-02-02T00:30:08.2Z')).toBe('2015-02-02T00:30:08.200Z');
    expect(iso('2015-02-02T00:30:08.123456789Z')).toBe('2015-02-02T00:30:08.123Z');
    expect(iso('2015-02-02T00:30:08,5Z')).toBe('2015-02-02T00:30:08.500Z');
    expect(iso('2016-02-29T00:00:00Z')).toBe('2016-02-29T00:00:00.000Z');
    expect(iso('0099-01-01T00:00:00Z')).toBe('0099-01-01T00:00:00.000Z');
  });

  it('refuses what is not a time, instead of guessing like Date.parse', () => {
    for (const text of [
      '',
      'yesterday',
      '2015-02-30T00:00:00Z',
      '2015-02-29',
      '2015-13-01',
      '2015-00-10',
      '2015-02-02T24:00:00Z',
      '2015-02-02T00:60:00Z',
      '2015-02-02T00:00:60Z',
      '2015-02-02T00:00:00+25:00',
      '2015-02-02Z',
      '0000-01-01T00:00:00Z',
      '02/02/2015',
      'Mon, 02 Feb 2015 00:30:08 GMT',
      '1422837008',
      '2015-02-02T00:30:08.Z',
      '+002015-02-02T00:30:08Z',
    ]) {
      expect([text, readIsoTime(text)]).toEqual([text, undefined]);
    }
  });
});

describe('segmentEventTime', () => {
  const receivedAt = Date.parse('2026-11-23T10:00:00.000Z');

  it('prefers timestamp, then originalTimestamp, then leaves the time to the receipt', () => {
    expect(
      segmentEventTime({ timestamp: '2015-2-02T00:30:08.276Z', originalTimestamp: '2014-01-01' }, receivedAt),
    ).toEqual({ ok: true, time: '2015-02-02T00:30:08.276Z' });
    expect(segmentEventTime({ originalTimestamp: '2014-01-01' }, receivedAt)).toEqual({
      ok: true,
      time: '2014-01-01T00:00:00.000Z',
    });
    expect(segmentEventTime({}, receivedAt)).toEqual({ ok: true, time: undefined });
    expect(segmentEventTime({ timestamp: null, sentAt: '2026-11-23T10:00:00Z' }, receivedAt)).toEqual({
      ok: true,
      time: undefined,
    });
  });

  it('corrects the device clock with sentAt as Segment does: receivedAt − (sentAt − originalTimestamp)', () => {
    // Spec: Track's complete example, received by us at `receivedAt`: 17 ms between call and send.
    expect(
      segmentEventTime(
        {
          timestamp: '2015-12-12T19:11:01.249Z',
          originalTimestamp: '2015-12-12T19:11:01.152Z',
          sentAt: '2015-12-12T19:11:01.169Z',
        },
        receivedAt,
      ),
    ).toEqual({ ok: true, time: '2026-11-23T09:59:59.983Z' });
    // A historical import by a server library: sentAt ≈ receivedAt, the import keeps its own time.
    expect(
      segmentEventTime(
        { timestamp: '2012-12-02T00:30:08.276Z', sentAt: '2026-11-23T10:00:00.000Z' },
        receivedAt,
      ),
    ).toEqual({ ok: true, time: '2012-12-02T00:30:08.276Z' });
  });

  it('names the field of an unreadable time', () => {
    expect(segmentEventTime({ timestamp: '2015-02-02T00:30:08Z', sentAt: 'soon' }, receivedAt)).toEqual({
      ok: false,
      issue: { field: 'sentAt', expected: 'an ISO-8601 time such as 2015-02-02T00:30:08.276Z (got "soon")' },
    });
    expect(segmentEventTime({ originalTimestamp: { at: 1 } }, receivedAt)).toEqual({
      ok: false,
      issue: { field: 'originalTimestamp', expected: expect.stringContaining('(got object)') },
    });
  });

  it('refuses a correction that leaves the years 0001–9999', () => {
    expect(
      segmentEventTime({ timestamp: '0001-01-01T00:00:00Z', sentAt: '9999-01-01T00:00:00Z' }, receivedAt),
    ).toMatchObject({ ok: false, issue: { field: 'sentAt' } });
  });
});
