import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  createTestDatabase,
  freePort,
  pollUntil,
  startBuiltService,
  testKafkaBrokers,
  twilioSignature,
  waitForPort,
  type BuiltService,
  type TestDatabase,
} from '@leadscore/testing';

// The built api and ingest as their own processes on one database: what the api changes must reach
// ingest through PostgreSQL alone (the services never call each other).
jest.setTimeout(180_000);

const OPERATOR = 'operator-token-for-the-api-to-ingest-test';
const REFRESH_MS = 200;

let database: TestDatabase;
let api: BuiltService;
let ingest: BuiltService;
let apiUrl: string;
let ingestUrl: string;

beforeAll(async () => {
  database = await createTestDatabase('stack_api_to_ingest');
  const [apiPort, ingestPort] = [await freePort(), await freePort()];
  apiUrl = `http://127.0.0.1:${apiPort}`;
  ingestUrl = `http://127.0.0.1:${ingestPort}`;
  const shared = {
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
  };
  // The api migrates the schema; ingest reloads keys and settings every REFRESH_MS once it can.
  api = startBuiltService('api', { ...shared, PORT: String(apiPort), OPERATOR_TOKEN: OPERATOR });
  await waitForPort(apiPort);
  ingest = startBuiltService('ingest', {
    ...shared,
    PORT: String(ingestPort),
    INGEST_KEYS_REFRESH_MS: String(REFRESH_MS),
    // Twilio signs the URL it calls; this is the one the test calls.
    INGEST_PUBLIC_URL: ingestUrl,
  });
  await waitForPort(ingestPort);
});

afterAll(async () => {
  await Promise.all([api?.stop(), ingest?.stop()]);
  await database?.drop();
});

function explain(): string {
  return `api output:\n${api.output.join('').slice(-2000)}\ningest output:\n${ingest.output.join('').slice(-2000)}`;
}

async function call(
  url: string,
  init: { method?: string; key?: string; json?: unknown },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.key ? { authorization: `Bearer ${init.key}` } : {}),
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** An authenticated ingest request that stops before Kafka: an empty batch (400 when the key is taken). */
const emptyBatch = (key: string) =>
  call(`${ingestUrl}/v1/events`, { method: 'POST', key, json: [] }).then((answer) => answer.status);

// A Twilio status callback of an intermediate status: checked and answered, then ignored (no event).
const TWILIO_PARAMS = { MessageSid: 'SM42', MessageStatus: 'queued', To: '+14155550100' };

async function twilioCallback(workspace: string, authToken: string): Promise<number> {
  const url = `${ingestUrl}/v1/webhooks/twilio?workspace=${workspace}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(authToken, url, TWILIO_PARAMS),
    },
    body: new URLSearchParams(TWILIO_PARAMS).toString(),
  });
  await response.text();
  return response.status;
}

const until = (probe: () => Promise<number>, status: number, waitingFor: string) =>
  pollUntil(probe, (answer) => answer === status, {
    withinMs: 30_000,
    everyMs: 100,
    waitingFor: `${waitingFor} (${explain()})`,
  });

describe('the api and ingest, each its own process, sharing PostgreSQL only', () => {
  let adminKey: string;

  it('a workspace created through the api sends events with a key made there, until the key is revoked', async () => {
    const created = await call(`${apiUrl}/v1/workspaces`, {
      method: 'POST',
      key: OPERATOR,
      json: { id: 'e2e', name: 'End to end' },
    });
    expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
    adminKey = (created.body['adminKey'] as { key: string }).key;
    const writer = await call(`${apiUrl}/v1/keys`, {
      method: 'POST',
      key: adminKey,
      json: { kind: 'secret', scopes: ['events:write'] },
    });
    expect(writer.status).toBe(201);
    const writerKey = (writer.body as { key: string }).key;
    const writerId = (writer.body as { apiKey: { id: string } }).apiKey.id;

    // Accepted once ingest has reloaded the new key: past authentication, the empty batch is refused.
    await until(() => emptyBatch(writerKey), 400, 'the new key taken by ingest');
    const revoked = await call(`${apiUrl}/v1/keys/${writerId}`, { method: 'DELETE', key: adminKey });
    expect(revoked.status).toBe(200);
    const { ms } = await until(() => emptyBatch(writerKey), 401, 'the revoked key refused by ingest');
    expect(ms).toBeLessThan(30_000);
  });

  it('a Twilio auth token set and rotated through the api is the one ingest checks signatures with', async () => {
    const first = 'twilio-token-set-through-the-api-1';
    const second = 'twilio-token-set-through-the-api-2';
    expect(await twilioCallback('e2e', first)).not.toBe(200);

    const set = await call(`${apiUrl}/v1/settings/providers/twilio`, {
      method: 'PUT',
      key: adminKey,
      json: { secret: first },
    });
    expect({ status: set.status, body: set.body }).toMatchObject({ status: 200, body: { configured: true } });
    await until(() => twilioCallback('e2e', first), 200, 'the first token taken by ingest');

    const rotated = await call(`${apiUrl}/v1/settings/providers/twilio`, {
      method: 'PUT',
      key: adminKey,
      json: { secret: second },
    });
    expect(rotated.status).toBe(200);
    await until(() => twilioCallback('e2e', second), 200, 'the rotated token taken by ingest');
    expect(await twilioCallback('e2e', first)).toBe(401);
    // Nothing of the token reached the audit log: only that it was set, twice.
    const audit = await call(`${apiUrl}/v1/audit`, { key: adminKey });
    expect(JSON.stringify(audit.body)).not.toContain('twilio-token-set-through-the-api');
    const actions = (audit.body['entries'] as { action: string }[]).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'provider-secret.set')).toHaveLength(2);
  });
});
