import { expect } from '@jest/globals';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createBatchingProducer,
  createKafkaClient,
  ensureTopics,
  silentLogger,
  waitForKafkaReady,
  type BatchingProducer,
  type KafkaClient,
} from '@leadscore/kafka';
import { ingestReceiptSchema, problemSchema } from '@leadscore/contracts';
import { createLogger, createMetricsRegistry } from '@leadscore/observability';
import { readTopic, uniqueName, type TopicRecord } from '@leadscore/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Registry } from 'prom-client';
import { createIngestApp } from '../src/app/ingest.app.js';
import type { IngestSettings } from '../src/app/ingest.settings.js';
import { InMemoryWorkspaceDirectory, type WorkspaceDirectory } from '../src/auth/workspace-directory.js';
import { hashKey } from '../src/auth/workspace-key.js';
import type { ContactAliases } from '../src/identity/contact-aliases.js';

export const WORKSPACE = 'acme';
export const PUBLISHABLE_KEY = 'pk_test_acme_publishable';
export const SECRET_KEY = 'sk_test_acme_secret';
export const OTHER_WORKSPACE_KEY = 'sk_test_globex_secret';
export const PIXEL_SECRET = 'test-pixel-secret-with-at-least-32-chars';
export const TWILIO_TOKEN = 'twilio-auth-token';
export const ZOOM_TOKEN = 'zoom-secret-token';
export const MAILGUN_KEY = 'mailgun-signing-key';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly http: FastifyInstance;
  readonly topic: string;
  readonly deadLetterTopic: string;
  readonly client: KafkaClient;
  readonly producer: BatchingProducer;
  readonly sendgridPrivateKey: KeyObject;
  readonly registry: Registry;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly brokers: readonly string[];
  readonly settings?: Partial<IngestSettings>;
  /** Short kafkajs retries for outage tests. */
  readonly fastFailure?: boolean;
  /** The app's clock (signature timestamps, receipt times); the real one when absent. */
  readonly clock?: () => number;
  /** Replaces the test workspaces (acme, globex), e.g. by keys from PostgreSQL in front of them. */
  readonly directory?: (testWorkspaces: WorkspaceDirectory) => WorkspaceDirectory;
  /** Merged-away contacts and their survivors (default none). */
  readonly aliases?: ContactAliases;
}

/** The real ingest app (Nest + Fastify) against a real broker, producing to a topic of its own. */
export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  const topic = uniqueName('ingest-events');
  const deadLetterTopic = uniqueName('ingest-dlq');
  const retry = options.fastFailure ? { retries: 2, initialRetryTime: 100, maxRetryTime: 300 } : undefined;
  const client = createKafkaClient({
    brokers: options.brokers,
    clientId: uniqueName('ingest-test'),
    logger: silentLogger,
    ...(retry ? { retry, connectionTimeoutMs: 500, requestTimeoutMs: 3_000 } : {}),
  });
  await waitForKafkaReady(client);
  await ensureTopics(client, [
    { name: topic, partitions: 3, config: {} },
    { name: deadLetterTopic, partitions: 1, config: {} },
  ]);
  const producer = createBatchingProducer(client, retry ? { retry } : {});
  await producer.connect();

  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const directory = new InMemoryWorkspaceDirectory(
    [
      { workspace: WORKSPACE, kind: 'publishable', keyHash: hashKey(PUBLISHABLE_KEY) },
      { workspace: WORKSPACE, kind: 'secret', keyHash: hashKey(SECRET_KEY) },
      { workspace: 'globex', kind: 'secret', keyHash: hashKey(OTHER_WORKSPACE_KEY) },
    ],
    [
      {
        workspace: WORKSPACE,
        identity: { defaultCountry: 'US' },
        providers: {
          sendgrid: { publicKey },
          twilio: { authToken: TWILIO_TOKEN },
          zoom: { secretToken: ZOOM_TOKEN },
          mailgun: { signingKey: MAILGUN_KEY },
        },
      },
      { workspace: 'globex', identity: {}, providers: {} },
    ],
  );
  const settings: IngestSettings = {
    eventsTopic: topic,
    deadLetterTopic,
    pixelSecret: PIXEL_SECRET,
    bodyLimitBytes: 524_288,
    maxBatchEvents: 500,
    maxEventBytes: 32_768,
    rateLimit: { eventsPerSecond: 100_000, burst: 100_000 },
    produceTimeoutMs: 10_000,
    maxDetachedSends: 10_000,
    signatureToleranceSeconds: 300,
    publicUrl: undefined,
    ...options.settings,
  };
  const registry = createMetricsRegistry({ service: 'ingest', processMetrics: false });
  const app = await createIngestApp({
    settings,
    directory: options.directory ? options.directory(directory) : directory,
    producer,
    registry,
    logger: createLogger({ service: 'ingest', level: 'silent' }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.aliases ? { aliases: options.aliases } : {}),
  });
  return {
    app,
    http: receiptsChecked(app.getHttpAdapter().getInstance()),
    topic,
    deadLetterTopic,
    client,
    producer,
    sendgridPrivateKey: privateKey,
    registry,
    close: () => app.close(),
  };
}

/**
 * Builds the tracking snippet from its source as it is now (tracker/build.mjs, as the package's build
 * does): GET /v1/tracker.js serves the built file, read when the app starts, so call this first.
 */
export function buildTrackerScript(): void {
  const script = fileURLToPath(new URL('../tracker/build.mjs', import.meta.url));
  const built = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  if (built.status !== 0)
    throw new Error(`building the tracking snippet failed:\n${built.stdout}${built.stderr}`);
}

export function sendgridSign(privateKey: KeyObject, timestamp: string, body: string | Buffer): string {
  return sign('sha256', Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), privateKey).toString(
    'base64',
  );
}

/** A file of examples/events/, as text. */
export const example = (name: string): string =>
  readFileSync(new URL(`../../../examples/events/${name}`, import.meta.url), 'utf8');

/** Provider-style timestamp: seconds since the epoch, as text. */
export const now = (): string => String(Math.floor(Date.now() / 1000));

export const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });

export function json(response: LightMyRequestResponse): Record<string, unknown> {
  return JSON.parse(response.body) as Record<string, unknown>;
}

/** Asserts an RFC 9457 answer: its status, the problem+json type, type and title, and a detail matching `detail`. */
export function expectProblem(
  response: LightMyRequestResponse,
  status: number,
  detail: RegExp,
): Record<string, unknown> {
  // The body travels with the status, so a wrong status shows what was answered instead.
  expect({ status: response.statusCode, body: response.body.slice(0, 400) }).toMatchObject({ status });
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = json(response);
  expect(body).toMatchObject({
    status,
    type: expect.stringContaining('https://'),
    title: expect.any(String),
  });
  expect(String(body['detail'])).toMatch(detail);
  return body;
}

export interface ReadEvent {
  readonly key: string;
  readonly value: Record<string, unknown>;
  readonly headers: Readonly<Record<string, string>>;
}

/** Reads the topic from the beginning until `count` events arrived (or the timeout), with a fresh group. */
export async function readEvents(
  client: KafkaClient,
  topic: string,
  count: number,
  timeoutMs = 30_000,
): Promise<ReadEvent[]> {
  return readEventsUntil(client, topic, (events) => events.length >= count, `${count} events`, timeoutMs);
}

/** Reads the topic from the beginning until `done(events so far)` (throws at the timeout), with a fresh group. */
export async function readEventsUntil(
  client: KafkaClient,
  topic: string,
  done: (events: readonly ReadEvent[]) => boolean,
  waitingFor: string,
  timeoutMs = 30_000,
): Promise<ReadEvent[]> {
  const events = new Map<TopicRecord, ReadEvent>();
  const eventOf = (record: TopicRecord): ReadEvent => {
    let event = events.get(record);
    if (!event) {
      event = {
        key: record.key?.toString('utf8') ?? '',
        value: JSON.parse(record.value?.toString('utf8') ?? 'null') as Record<string, unknown>,
        headers: record.headers,
      };
      events.set(record, event);
    }
    return event;
  };
  const records = await readTopic(client, topic, {
    until: (read) => done(read.map(eventOf)),
    timeoutMs,
    waitingFor,
  });
  return records.map(eventOf);
}

/** The current value of one counter or gauge series whose labels include `labels` (0 when absent). */
export async function metricValue(
  registry: Registry,
  name: string,
  labels: Readonly<Record<string, string>> = {},
): Promise<number> {
  const metric = registry.getSingleMetric(name);
  if (!metric) return 0;
  const { values } = await metric.get();
  return values
    .filter((v) =>
      Object.entries(labels).every(([k, want]) => String((v.labels as Record<string, unknown>)[k]) === want),
    )
    .reduce((sum, v) => sum + v.value, 0);
}

const receiptAjv = new Ajv({ allErrors: true, strict: false });
addFormats.default(receiptAjv);
const conformsToReceipt = receiptAjv.addSchema(problemSchema).compile(ingestReceiptSchema);

/**
 * The app's Fastify instance whose `inject` checks every 202 JSON answer against
 * schemas/ingest/ingest-receipt.schema.json, the contract clients (the CLI's `send`) are typed from:
 * a test that gets an answer the schema does not describe fails there.
 */
function receiptsChecked(http: FastifyInstance): FastifyInstance {
  const inject = http.inject.bind(http) as (options: InjectOptions) => Promise<LightMyRequestResponse>;
  const checked = async (options: InjectOptions): Promise<LightMyRequestResponse> => {
    const response = await inject(options);
    if (
      response.statusCode === 202 &&
      String(response.headers['content-type']).startsWith('application/json')
    ) {
      const body: unknown = response.json();
      expect({ conforms: conformsToReceipt(body), errors: conformsToReceipt.errors ?? null }).toEqual({
        conforms: true,
        errors: null,
      });
    }
    return response;
  };
  return Object.assign(Object.create(http) as FastifyInstance, { inject: checked });
}
