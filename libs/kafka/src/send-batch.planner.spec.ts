import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  estimateMessageBytes,
  planRequests,
  takeSendsForFlush,
  type PlannableSend,
  type ProducedMessage,
} from './send-batch.planner.js';

function send(topic: string, values: readonly string[]): PlannableSend {
  const messages: ProducedMessage[] = values.map((value, i) => ({ key: `${topic}-${i}`, value }));
  return { topic, messages, bytes: messages.reduce((sum, m) => sum + estimateMessageBytes(m), 0) };
}

const sendArbitrary = fc
  .tuple(
    fc.constantFrom('a', 'b', 'c'),
    fc.array(fc.string({ maxLength: 300 }), { minLength: 1, maxLength: 40 }),
  )
  .map(([topic, values]) => send(topic, values));
const limitsArbitrary = fc.record({
  maxMessages: fc.integer({ min: 1, max: 50 }),
  maxBytes: fc.integer({ min: 200, max: 5_000 }),
});

describe('send batch planner', () => {
  it('estimates headers, key and value bytes, never less than their length', () => {
    const message = { key: 'ws:c1', value: Buffer.alloc(1000), headers: { ce_type: 'email.opened' } };
    expect(estimateMessageBytes(message)).toBeGreaterThan(
      1000 + 'ws:c1'.length + 'ce_type'.length + 'email.opened'.length,
    );
  });

  it('takes whole sends from the head of the queue while the limits hold, and at least one', () => {
    const queue = [send('a', ['1', '2']), send('a', ['3']), send('b', ['4', '5', '6'])];
    const taken = takeSendsForFlush(queue, { maxMessages: 3, maxBytes: 1_000_000 });
    expect(taken.map((s) => s.messages.length)).toEqual([2, 1]);
    expect(queue).toHaveLength(1);
    const big = [send('a', Array.from({ length: 10 }, String))];
    expect(takeSendsForFlush(big, { maxMessages: 3, maxBytes: 10 })).toHaveLength(1);
  });

  it('cuts a flush into requests within the limits, keeping every message once and in order per topic', () => {
    fc.assert(
      fc.property(
        fc.array(sendArbitrary, { minLength: 1, maxLength: 20 }),
        limitsArbitrary,
        (sends, limits) => {
          const requests = planRequests(sends, limits);
          for (const request of requests) {
            expect(request.messageCount).toBeLessThanOrEqual(limits.maxMessages);
            // A request over the byte limit can only be one message larger than the limit by itself.
            if (request.bytes > limits.maxBytes) expect(request.messageCount).toBe(1);
          }
          for (const topic of ['a', 'b', 'c']) {
            const planned = requests.flatMap((r) => r.topicMessages.get(topic) ?? []);
            const wanted = sends.filter((s) => s.topic === topic).flatMap((s) => s.messages);
            expect(planned).toEqual(wanted);
          }
          // Every send belongs to the requests that carry its messages, and to no other.
          for (const request of requests) {
            for (const member of request.sends) {
              const carried = request.topicMessages.get(member.topic) ?? [];
              expect(member.messages.some((m) => carried.includes(m))).toBe(true);
            }
          }
        },
      ),
    );
  });

  it('keeps a flush well below 1 MiB per request by default-sized limits', () => {
    const large = send(
      'a',
      Array.from({ length: 40 }, () => 'x'.repeat(100_000)),
    );
    const requests = planRequests([large], { maxMessages: 5_000, maxBytes: 512 * 1024 });
    expect(requests.length).toBeGreaterThan(1);
    for (const request of requests) expect(request.bytes).toBeLessThanOrEqual(512 * 1024);
  });
});
