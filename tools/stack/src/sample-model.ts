import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_WORKSPACE_ID } from '@leadscore/access';
import { Topics, parseModel } from '@leadscore/contracts';
import { createBatchingProducer, createKafkaClient, silentLogger } from '@leadscore/kafka';

/** The workspace the local stack's ingest accepts without configuration (key sk_local_dev). */
export const LOCAL_WORKSPACE = LOCAL_WORKSPACE_ID;

/**
 * Publishes the ONTRAPORT example model for the local workspace on leads.models.v1, so events sent to
 * the local stack are scored at once. Re-publishing the same version is harmless (scorers ignore it).
 */
export async function publishSampleModel(root: string, brokers: string[]): Promise<string> {
  const file = join(root, 'examples/models/ontraport.yaml');
  const model = { ...parseModel(readFileSync(file, 'utf8'), 'yaml', file), workspace: LOCAL_WORKSPACE };
  const producer = createBatchingProducer(
    createKafkaClient({ brokers, clientId: 'leadscore-stack', logger: silentLogger }),
  );
  await producer.connect();
  try {
    await producer.send(Topics.models, [
      { key: `${model.workspace}:${model.id}`, value: JSON.stringify(model) },
    ]);
  } finally {
    await producer.disconnect();
  }
  return `${model.id} v${model.version}`;
}
