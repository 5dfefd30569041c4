import { randomBytes } from 'node:crypto';
import type { ICustomPartitioner, PartitionerArgs } from 'kafkajs';

const M = 0x5bd1e995;
const SEED = 0x9747b28c;

/**
 * The Java client's murmur2 (org.apache.kafka.common.utils.Utils.murmur2) on 32-bit integers. kafkajs's
 * own copy computes the same value through 64-bit Long objects, allocating dozens of them per key:
 * on the ingest hot path that was a tenth of all allocation (tools/bench ingest).
 */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i += 1) {
    const i4 = i * 4;
    let k =
      (data[i4] ?? 0) |
      ((data[i4 + 1] ?? 0) << 8) |
      ((data[i4 + 2] ?? 0) << 16) |
      ((data[i4 + 3] ?? 0) << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const tail = length & ~3;
  const rest = length & 3;
  if (rest >= 3) h ^= (data[tail + 2] ?? 0) << 16;
  if (rest >= 2) h ^= (data[tail + 1] ?? 0) << 8;
  if (rest >= 1) {
    h ^= data[tail] ?? 0;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

const toPositive = (x: number): number => x & 0x7fffffff;

/**
 * kafkajs's DefaultPartitioner (Java-compatible: an explicit partition wins, then murmur2 of the key
 * modulo all partitions, then round-robin over partitions with a leader), with the 32-bit murmur2
 * above. Same partition for every message as `Partitioners.DefaultPartitioner`
 * (murmur2.partitioner.spec.ts checks this against kafkajs itself).
 */
export const Murmur2Partitioner: ICustomPartitioner = () => {
  const counters = new Map<string, number>();
  return ({ topic, partitionMetadata, message }: PartitionerArgs): number => {
    if (message.partition !== null && message.partition !== undefined) return message.partition;
    const { key } = message;
    if (key !== null && key !== undefined) {
      const bytes = Buffer.isBuffer(key) ? key : Buffer.from(String(key));
      return toPositive(murmur2(bytes)) % partitionMetadata.length;
    }
    const counter = (counters.get(topic) ?? randomBytes(4).readUInt32BE(0)) + 1;
    counters.set(topic, counter);
    const available = partitionMetadata.filter((p) => p.leader >= 0);
    if (available.length > 0) return available[toPositive(counter) % available.length]?.partitionId ?? 0;
    return toPositive(counter) % partitionMetadata.length;
  };
};
