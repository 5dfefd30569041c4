import { type TopicDeclaration } from '@leadscore/contracts';
import { createKafkaClient, ensureTopics, waitForKafkaReady } from '@leadscore/kafka';

/** Waits until the broker's coordinator answers, then creates the declared topics that are missing. */
export async function createStackTopics(
  brokers: string[],
  declarations: readonly TopicDeclaration[],
): Promise<void> {
  const client = createKafkaClient({ brokers, clientId: 'leadscore-stack' });
  await waitForKafkaReady(client);
  await ensureTopics(client, declarations);
}
