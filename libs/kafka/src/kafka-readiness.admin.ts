import { randomBytes } from 'node:crypto';
import { kafkajsOf, type KafkaClient } from './kafka-client.factory.js';
import { KafkaNotReadyError, kafkaErrorReason } from './kafka-errors.js';

export interface WaitForKafkaReadyOptions {
  /** Give up after this many milliseconds (default 60000). */
  readonly timeoutMs?: number;
  /** Pause between attempts (default 250 ms). */
  readonly intervalMs?: number;
}

/**
 * Resolves once the cluster answers metadata requests AND a group coordinator answers for a group.
 * A freshly started broker accepts connections before its `__consumer_offsets` partitions are loaded
 * and answers "coordinator not available / load in progress" for a few seconds; consumers started in
 * that window spend their retries on it. Call this at service start (and in /readyz) before consuming.
 */
export async function waitForKafkaReady(
  client: KafkaClient,
  options: WaitForKafkaReadyOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const intervalMs = options.intervalMs ?? 250;
  const deadline = Date.now() + timeoutMs;
  // Any group id works: asking for its coordinator makes the broker load (or create) __consumer_offsets.
  const probeGroup = `${client.clientId}-readiness-${randomBytes(4).toString('hex')}`;
  let lastError: unknown;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    const admin = kafkajsOf(client).admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      await admin.describeCluster();
      // kafkajs throws for a group-level error code (COORDINATOR_LOAD_IN_PROGRESS, ...).
      await admin.describeGroups([probeGroup]);
      client.logger.debug('kafka is ready', { attempts });
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    if (Date.now() + intervalMs > deadline) {
      throw new KafkaNotReadyError(
        `Kafka at ${client.brokers.join(',')} was not ready within ${timeoutMs} ms ` +
          `(${attempts} attempts; last: ${kafkaErrorReason(lastError)})`,
        lastError,
      );
    }
    client.logger.debug('kafka not ready yet, retrying', { attempts, reason: kafkaErrorReason(lastError) });
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
