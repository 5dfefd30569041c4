// Started by the jest global setup: brings up Kafka and PostgreSQL, prints one JSON line with their
// addresses, and tears both down when its stdin closes (jest finished or died) or on SIGTERM/SIGINT,
// also when that happens while they are still starting. A failed start stops whatever did start.
import { startTestInfrastructure, type TestInfrastructure } from '../test-infrastructure.js';

let infrastructure: TestInfrastructure | undefined;
let stopRequested = false;
let stopping = false;

async function shutdown(): Promise<void> {
  stopRequested = true;
  if (!infrastructure || stopping) return;
  stopping = true;
  await infrastructure.stop();
  process.exit(0);
}
process.stdin.on('end', () => void shutdown());
process.stdin.on('close', () => void shutdown());
process.stdin.resume();
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

try {
  infrastructure = await startTestInfrastructure();
} catch (error) {
  process.stderr.write(`test infrastructure: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
if (stopRequested) await shutdown();
process.stdout.write(
  `${JSON.stringify({ kafkaBrokers: infrastructure.kafka.brokers.join(','), databaseUrl: infrastructure.postgres.url })}\n`,
);
