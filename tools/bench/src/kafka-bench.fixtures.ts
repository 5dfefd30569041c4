import { join } from 'node:path';
import { makeTempDir, removeDir, startKafkaServer } from '@leadscore/testing';

/**
 * A throwaway single-node Kafka for one benchmark run (free ports, temp dir), stopped and removed
 * afterwards even if the benchmark throws. Kafka-only benchmarks skip PostgreSQL to leave the
 * machine's cores to the broker; use `startTestInfrastructure()` when both are needed. `broker.pid`
 * is the broker's process, for benchmarks that report its CPU.
 */
export async function withThrowawayKafka<T>(
  run: (brokers: string[], broker: { readonly pid: number }) => Promise<T>,
): Promise<T> {
  const dir = makeTempDir('bench-kafka');
  const kafka = await startKafkaServer({ dataDir: join(dir, 'kafka'), heap: '768m' });
  try {
    return await run(kafka.brokers, { pid: kafka.pid });
  } finally {
    await kafka.stop();
    removeDir(dir);
  }
}

/** A message shaped like the platform's events: `workspace:contact` key, ~250-byte CloudEvent JSON value. */
export function kafkaPayload(i: number, contacts = 10_000): { key: string; value: string } {
  const contact = `c${i % contacts}`;
  return {
    key: `ws-bench:${contact}`,
    value: JSON.stringify({
      specversion: '1.0',
      id: `evt-${i}`,
      source: 'bench',
      type: 'email.opened',
      subject: contact,
      time: '2026-01-01T00:00:00.000Z',
      workspace: 'ws-bench',
      data: { campaign: `campaign-${i % 50}`, messageId: `msg-${i}` },
    }),
  };
}
