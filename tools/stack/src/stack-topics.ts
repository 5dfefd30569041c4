import { type TopicDeclaration } from '@leadscore/contracts';
import { createKafkaClient, ensureTopics, silentLogger, waitForKafkaReady } from '@leadscore/kafka';

/** Waits until the broker's coordinator answers, then creates the declared topics that are missing. */
export async function createStackTopics(
  brokers: string[],
  declarations: readonly TopicDeclaration[],
): Promise<void> {
  // A fresh broker answers "coordinator loading" for a few seconds; that is expected, not worth an error line.
  const client = createKafkaClient({ brokers, clientId: 'leadscore-stack', logger: silentLogger });
  await waitForKafkaReady(client);
  await ensureTopics(client, declarations);
}
