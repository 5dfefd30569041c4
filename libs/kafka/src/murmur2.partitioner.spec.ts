import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import kafkajs, { type PartitionMetadata } from 'kafkajs';
import { Murmur2Partitioner, murmur2 } from './murmur2.partitioner.js';

const { Partitioners } = kafkajs;

function metadata(partitions: number, leaderless: readonly number[] = []): PartitionMetadata[] {
  return Array.from({ length: partitions }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: leaderless.includes(partitionId) ? -1 : 0,
    replicas: [0],
    isr: [0],
  }));
}

describe('murmur2 partitioner', () => {
  it("computes the Java client's murmur2 (Kafka's own test vectors)", () => {
    const vectors: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [key, hash] of vectors) expect(murmur2(Buffer.from(key))).toBe(hash);
  });

  it('puts every keyed message on the partition kafkajs DefaultPartitioner picks (property)', () => {
    const ours = Murmur2Partitioner();
    const theirs = Partitioners.DefaultPartitioner();
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 })),
        fc.uint8Array({ maxLength: 64 }),
        fc.integer({ min: 1, max: 64 }),
        (text, bytes, partitions) => {
          const partitionMetadata = metadata(partitions);
          for (const key of [text, Buffer.from(bytes)]) {
            const args = { topic: 't', partitionMetadata, message: { key, value: 'v' } };
            expect(ours(args)).toBe(theirs(args));
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('keeps an explicit partition and spreads unkeyed messages over partitions with a leader', () => {
    const partition = Murmur2Partitioner();
    const partitionMetadata = metadata(4, [1, 3]);
    expect(
      partition({ topic: 't', partitionMetadata, message: { key: 'k', value: 'v', partition: 3 } }),
    ).toBe(3);
    const chosen = new Set(
      Array.from({ length: 20 }, () => partition({ topic: 't', partitionMetadata, message: { value: 'v' } })),
    );
    expect([...chosen].sort()).toEqual([0, 2]);
  });
});
