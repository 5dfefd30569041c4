import { TOPIC_DECLARATIONS, Topics } from '@leadscore/contracts';
import { createKafkaClient, ensureTopics, silentLogger } from '@leadscore/kafka';
import {
  createTestDatabase,
  freePort,
  pollUntil,
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

/** The built ingest beside a test api, on its database (keys made through the api reach it from there). */
export interface CliTestIngest {
  readonly url: string;
  /** A secret key of the api's workspace with the events:write scope, accepted by ingest already. */
  readonly eventsKey: string;
  stop(): Promise<void>;
}

export async function startCliTestIngest(
  api: CliTestApi,
  env: Record<string, string> = {},
): Promise<CliTestIngest> {
  const kafka = createKafkaClient({
    brokers: testKafkaBrokers(),
    clientId: 'cli-ingest',
    logger: silentLogger,
  });
  // Rejected events go to the dead-letter topic before ingest answers.
  await ensureTopics(
    kafka,
    TOPIC_DECLARATIONS.filter((t) => t.name === Topics.events || t.name === Topics.eventsDeadLetter),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const ingest = startBuiltService('ingest', {
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: api.database.url,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    INGEST_KEYS_REFRESH_MS: '200',
    ...env,
  });
  await waitForPort(port);
  const eventsKey = (
    await post(`${api.url}/v1/keys`, api.adminKey, { kind: 'secret', scopes: ['events:write'] })
  )['key'] as string;
  // Ingest reloads keys every 200 ms: an empty batch answers 400 (not 401) once it knows the key.
  await pollUntil(
    async () =>
      (
        await fetch(`${url}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${eventsKey}`, 'content-type': 'application/json' },
          body: '[]',
        })
      ).status,
    (status) => status === 400,
    {
      withinMs: 30_000,
      everyMs: 100,
      waitingFor: `ingest to accept the key (${ingest.output.join('').slice(-1000)})`,
    },
  );
  return { url, eventsKey, stop: () => ingest.stop() };
}
