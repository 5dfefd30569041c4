import { describe, expect, it } from '@jest/globals';
import { lagAfter, toConsumedBatch } from './consumed-batch.mapper.js';

describe('consumed batch mapper', () => {
  const batch = {
    topic: 'leads.events.v1',
    partition: 3,
    highWatermark: '9007199254740995',
    messages: [
      {
        key: Buffer.from('ws:c1'),
        value: Buffer.from('{}'),
        timestamp: '1767225600000',
        attributes: 0,
        offset: '9007199254740991',
        headers: { ce_type: Buffer.from('email.opened'), twice: [Buffer.from('1'), 'last'] },
      },
      {
        key: null,
        value: null,
        timestamp: '1767225600001',
        attributes: 0,
        offset: '9007199254740992',
        headers: {},
      },
    ],
  };

  it('gives the handler plain data with UTF-8 headers and the next offset to store, beyond 2^53', () => {
    const consumed = toConsumedBatch(batch);
    expect(consumed.nextOffset).toBe('9007199254740993');
    expect(consumed.messages[0]?.headers).toEqual({ ce_type: 'email.opened', twice: 'last' });
    expect(consumed.messages[0]?.timestamp).toBe(1767225600000);
    expect(consumed.messages[1]).toMatchObject({ key: null, value: null, headers: {} });
  });

  it('reports the lag behind the batch as high watermark minus next offset', () => {
    expect(lagAfter(toConsumedBatch(batch))).toBe(2);
  });

  it('refuses an empty batch, which the consumer never hands out', () => {
    expect(() => toConsumedBatch({ ...batch, messages: [] })).toThrow(/empty batch/);
  });
});
