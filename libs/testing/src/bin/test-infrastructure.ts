// Started by the jest global setup: brings up Kafka and PostgreSQL, prints one JSON line with their
// addresses, and tears both down when its stdin closes (jest finished or died) or on SIGTERM/SIGINT.
import { startTestInfrastructure } from '../test-infrastructure.js';

const infrastructure = await startTestInfrastructure();
process.stdout.write(
  `${JSON.stringify({ kafkaBrokers: infrastructure.kafka.brokers.join(','), databaseUrl: infrastructure.postgres.url })}\n`,
);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await infrastructure.stop();
  process.exit(0);
}
process.stdin.on('end', () => void shutdown());
process.stdin.on('close', () => void shutdown());
process.stdin.resume();
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
