import { TOPIC_DECLARATIONS, Topics } from '@leadscore/contracts';
import { createKafkaClient, ensureTopics, silentLogger } from '@leadscore/kafka';
import {
  createTestDatabase,
  freePort,
  startBuiltService,
  testKafkaBrokers,
  uniqueName,
  waitForPort,
  type BuiltService,
  type TestDatabase,
} from '@leadscore/testing';

/** The api's OPERATOR_TOKEN in these tests. */
export const OPERATOR = 'operator-token-for-the-cli-tests';

/** The built api on a database of its own and the shared test broker, with one workspace and two keys. */
export interface CliTestApi {
  readonly url: string;
  readonly database: TestDatabase;
  readonly workspace: string;
  /** The workspace's first key (read + admin). */
  readonly adminKey: string;
  /** A secret key with the read scope only. */
  readonly readKey: string;
  stop(): Promise<void>;
}

async function post(url: string, token: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

export async function startCliTestApi(name: string, env: Record<string, string> = {}): Promise<CliTestApi> {
  const database = await createTestDatabase(name);
  const kafka = createKafkaClient({ brokers: testKafkaBrokers(), clientId: name, logger: silentLogger });
  // Models applied through the api are published to leads.models.v1 before it answers.
  await ensureTopics(
    kafka,
    TOPIC_DECLARATIONS.filter((t) => t.name === Topics.models || t.name === Topics.events),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api: BuiltService = startBuiltService('api', {
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    OPERATOR_TOKEN: OPERATOR,
    ...env,
  });
  await waitForPort(port);
  const workspace = uniqueName(name)
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 40);
  const created = await post(`${url}/v1/workspaces`, OPERATOR, { id: workspace, name: 'CLI test' });
  const adminKey = (created['adminKey'] as { key: string }).key;
  const readKey = (await post(`${url}/v1/keys`, adminKey, { kind: 'secret', scopes: ['read'] }))[
    'key'
  ] as string;
  return {
    url,
    database,
    workspace,
    adminKey,
    readKey,
    stop: async () => {
      await api.stop();
      await database.drop();
    },
  };
}
