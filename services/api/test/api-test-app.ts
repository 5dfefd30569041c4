import { expect } from '@jest/globals';
import { SettingsCipher } from '@leadscore/access';
import {
  createBatchingProducer,
  createKafkaClient,
  type BatchingProducer,
  ensureTopics,
  silentLogger,
  type KafkaClient,
} from '@leadscore/kafka';
import { createLogger, createMetricsRegistry } from '@leadscore/observability';
import {
  contactScoreRepository,
  openDatabase,
  scoringModelRepository,
  type DataSource,
} from '@leadscore/persistence';
import { scoreRowOf } from '@leadscore/score-events';
import { applyEvent, emptyState, type ContactScoreState } from '@leadscore/scoring';
import { createTestDatabase, testKafkaBrokers, uniqueName, type TestDatabase } from '@leadscore/testing';
import { WebhookTargetGuard, type HostResolver, type WebhookTargetPolicy } from '@leadscore/webhooks';
import type { KeyCreated, ScoringModel, WorkspaceCreated } from '@leadscore/contracts';
import type { TokenBucketRate } from '@leadscore/service-kit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createApiApp } from '../src/app/api.app.js';
import type { ApiTopics } from '../src/app/api.context.js';
import { OpenApiController } from '../src/openapi/openapi.controller.js';
import { ModelDocuments } from '../src/scores/model-documents.js';
import { ScoreStatsCache } from '../src/scores/score-stats.js';
import { OpenApiConformance } from './openapi-conformance.js';
import { ArchiveGateway } from '../src/archive/archive-gateway.js';
import { PipelineMetricsGateway } from '../src/pipeline/pipeline-metrics-gateway.js';

export const OPERATOR = 'operator-token-for-api-tests-0123456789';

export interface TestApi {
  readonly app: NestFastifyApplication;
  /** Fastify, whose `inject` checks every answer against the app's /openapi.json (see openapi-conformance.ts). */
  readonly http: FastifyInstance;
  /** The app's OpenAPI document. */
  readonly openApi: Record<string, unknown>;
  readonly dataSource: DataSource;
  /** Its database, for services started beside it. */
  readonly databaseUrl: string;
  /** Topics of this app alone (read them with libs/testing's readTopic). */
  readonly topics: ApiTopics;
  readonly kafka: KafkaClient;
  /** The cipher the app seals workspace secrets with (a random key of this app). */
  readonly settingsCipher: SettingsCipher;
  /** The app's producer (a test may disconnect it to see Kafka unavailable). */
  readonly producer: BatchingProducer;
  /** The JSON lines the app logged. */
  readonly logs: Record<string, unknown>[];
  /** Moves the app's clock. */
  advance(seconds: number): void;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** Where webhooks may go; default: private networks refused, http allowed (NODE_ENV=test). */
  readonly webhookPolicy?: WebhookTargetPolicy;
  /** The webhook guard's resolver; default: the system's. */
  readonly resolver?: HostResolver;
  /** Per-key rate limit; default high enough that no other test meets it. */
  readonly rateLimit?: TokenBucketRate;
  /** Failed authentications per address; default high enough that no other test meets it. */
  readonly authFailureRate?: TokenBucketRate;
  /** API_SCORE_STATS_MAX_AGE_MS; default 0 (computed on every request). */
  readonly scoreStatsMaxAgeMs?: number;
  /** ANALYTICS_URL: the built analytics service of the test; default a closed port. */
  readonly analyticsUrl?: string;
  /** API_BACKTEST_MAX_CONTACTS; default 20,000 (its default). */
  readonly backtestMaxContacts?: number;
  /** API_RESCORE_TRANSITIONS_PER_SECOND; default 50 (its default). */
  readonly rescoreTransitionsPerSecond?: number;
  /** The events topic the api publishes to (e.g. the one a test's analytics service archives); default its own. */
  readonly eventsTopic?: string;
  /** The models topic the api publishes applied models to (e.g. a test's scorer's); default its own. */
  readonly modelsTopic?: string;
  /** The real clock instead of the settable one (then `advance` moves nothing). */
  readonly realClock?: boolean;
  /** The built console to serve under /console (CONSOLE_DIR); default none (/console answers 404). */
  readonly consoleDir?: string;
  /** PIPELINE_METRICS_URLS: the services GET /v1/pipeline/health scrapes; default none. */
  readonly pipelineMetrics?: ConstructorParameters<typeof PipelineMetricsGateway>[0];
}

const UNLIMITED: TokenBucketRate = { perSecond: 100_000, burst: 100_000 };

/**
 * The api on a fresh PostgreSQL database and topics of its own on the jest run's Kafka, with a
 * settable clock and captured logs; `operatorToken` null starts it without OPERATOR_TOKEN.
 */
export async function startTestApi(
  name: string,
  operatorToken: string | null = OPERATOR,
  options: TestApiOptions = {},
): Promise<TestApi> {
  const database: TestDatabase = await createTestDatabase(name);
  const dataSource = await openDatabase({ url: database.url });
  const kafka = createKafkaClient({
    brokers: testKafkaBrokers(),
    clientId: uniqueName('api-test'),
    logger: silentLogger,
  });
  const topics: ApiTopics = {
    events: options.eventsTopic ?? uniqueName('api-events'),
    models: options.modelsTopic ?? uniqueName('api-models'),
  };
  await ensureTopics(kafka, [
    { name: topics.events, partitions: 3, config: {} },
    { name: topics.models, partitions: 1, config: {} },
  ]);
  const producer = createBatchingProducer(kafka);
  await producer.connect();
  let now = Date.parse('2026-04-01T09:00:00Z');
  // A browser drops a session cookie that expired by its own clock: tests that drive one run on real time.
  const clock = options.realClock ? () => new Date() : () => new Date(now);
  const settingsCipher = new SettingsCipher(randomBytes(32));
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = await createApiApp({
    context: {
      dataSource,
      producer,
      topics,
      webhooks: {
        guard: new WebhookTargetGuard(
          options.webhookPolicy ?? { allowPrivateNetworks: false, requireHttps: false },
          options.resolver,
        ),
        pingTimeoutMs: 5_000,
      },
      settingsCipher,
      // Figures fresh on every request unless a test asks for the cache.
      scoreStats: new ScoreStatsCache(dataSource, options.scoreStatsMaxAgeMs ?? 0, clock),
      modelDocuments: new ModelDocuments(dataSource),
      // Nothing listens on port 9 unless a test gives its analytics service: archive routes answer 503.
      archive: new ArchiveGateway(options.analyticsUrl ?? 'http://127.0.0.1:9'),
      backtestMaxContacts: options.backtestMaxContacts ?? 20_000,
      rescoreTransitionsPerSecond: options.rescoreTransitionsPerSecond ?? 50,
      // No pipeline service in api tests unless a test gives its metrics endpoints.
      pipelineMetrics: new PipelineMetricsGateway(options.pipelineMetrics ?? []),
      now: clock,
    },
    operatorToken: operatorToken ?? undefined,
    ...(options.consoleDir !== undefined ? { consoleDir: options.consoleDir } : {}),
    rateLimit: options.rateLimit ?? UNLIMITED,
    authFailureRate: options.authFailureRate ?? UNLIMITED,
    registry: createMetricsRegistry({ service: 'api', processMetrics: false }),
    logger: createLogger({ service: 'api', level: 'info', destination: sink }),
    readinessChecks: [],
  });
  const http: FastifyInstance = app.getHttpAdapter().getInstance();
  const openApi = app.get(OpenApiController).openApi();
  checkAnswersAgainst(http, new OpenApiConformance(openApi));
  return {
    app,
    http,
    openApi,
    dataSource,
    databaseUrl: database.url,
    topics,
    kafka,
    settingsCipher,
    producer,
    logs,
    advance: (seconds) => {
      now += seconds * 1000;
    },
    close: async () => {
      await app.close();
      await producer.disconnect();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/**
 * Makes `http.inject` fail the calling test when an answer differs from what the OpenAPI document
 * says of its route (status, content type, body schema): every api test checks the document too.
 */
function checkAnswersAgainst(http: FastifyInstance, conformance: OpenApiConformance): void {
  const inject = http.inject.bind(http) as (options: InjectOptions) => Promise<LightMyRequestResponse>;
  const checked = async (options: InjectOptions): Promise<LightMyRequestResponse> => {
    const response = await inject(options);
    if (typeof options.url !== 'string') throw new Error('api tests inject with a string url');
    const url = options.url;
    const violation = conformance.violation(options.method ?? 'GET', url, response);
    if (violation) throw new Error(`the answer is not what /openapi.json documents: ${violation}`);
    return response;
  };
  Object.assign(http, { inject: checked });
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

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

/** Creates a workspace with the operator token (201 asserted): its first admin key is in the answer. */
export async function createWorkspace(api: TestApi, id: string): Promise<WorkspaceCreated> {
  const response = await api.http.inject({
    method: 'POST',
    url: '/v1/workspaces',
    headers: { ...bearer(OPERATOR), 'content-type': 'application/json' },
    payload: { id, name: `${id} Inc.` },
  });
  expect({ status: response.statusCode, body: response.body }).toMatchObject({ status: 201 });
  return json(response) as unknown as WorkspaceCreated;
}

/** Creates a key with an admin key (201 asserted), e.g. `{ kind: 'secret', scopes: ['events:write'] }`. */
export async function createKey(
  api: TestApi,
  adminKey: string,
  body: Record<string, unknown>,
): Promise<KeyCreated> {
  const response = await api.http.inject({
    method: 'POST',
    url: '/v1/keys',
    headers: { ...bearer(adminKey), 'content-type': 'application/json' },
    payload: body,
  });
  expect({ status: response.statusCode, body: response.body }).toMatchObject({ status: 201 });
  return json(response) as unknown as KeyCreated;
}

/** A small model for contact reads: a click worth 10 points for 7 days, halving every 10 days. */
export function clickModel(workspace: string): ScoringModel {
  return {
    id: 'clicks',
    version: 1,
    workspace,
    name: 'Clicks',
    engagement: [
      { id: 'click', event: 'email.clicked', points: 10, expiresAfterDays: 7, decay: { halfLifeDays: 10 } },
    ],
    tiers: { warm: 5, hot: 50 },
  };
}

/**
 * Stores what the scorer would after `contact` clicked at each of `clicks` (ms): the model version in
 * scoring_models and the contact's state and published figures in contact_scores.
 */
export async function seedContactScore(
  api: TestApi,
  model: ScoringModel,
  contact: string,
  clicks: readonly number[],
): Promise<ContactScoreState> {
  await scoringModelRepository.record(api.dataSource.manager, {
    workspaceId: model.workspace,
    modelId: model.id,
    version: model.version,
    document: model,
    appliedAt: new Date(clicks[0] ?? 0),
  });
  let state = emptyState(model, clicks[0] ?? 0);
  for (const [index, at] of clicks.entries())
    state = applyEvent(model, state, { id: `click-${index}`, type: 'email.clicked', data: {} }, at).state;
  await contactScoreRepository.upsertMany(
    api.dataSource.manager,
    [scoreRowOf(model.workspace, model, contact, state)],
    'test',
  );
  return state;
}
