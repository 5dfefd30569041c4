import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, createMetricsRegistry } from '@leadscore/observability';
import { openDatabase, type DataSource } from '@leadscore/persistence';
import { createTestDatabase, type TestDatabase } from '@leadscore/testing';
import { DecayModule } from '../src/app/decay.module.js';
import { DecayRuntime } from '../src/app/decay.runtime.js';
import { createScoreChangedTopic, testKafka } from './decay-fixtures.js';

const TOKEN = 'op_3f9c1e7a5b2d4c6e8f0a1b2c3d4e5f60';
const kafka = testKafka('decay-operator');
let database: TestDatabase;
let dataSource: DataSource;
let runtime: DecayRuntime;

beforeAll(async () => {
  database = await createTestDatabase('decay_operator');
  dataSource = await openDatabase({ url: database.url, applicationName: 'decay-operator' });
  runtime = new DecayRuntime({
    dataSource,
    kafka,
    logger: createLogger({ service: 'decay', level: 'silent' }),
    registry: createMetricsRegistry({ service: 'decay' }),
    checkIntervalMs: 60_000,
    scoreChangedTopic: await createScoreChangedTopic(kafka),
  });
  await runtime.connectProducer();
  expect(await runtime.acquireLeadership()).toBe(true);
});

afterAll(async () => {
  await runtime.stop();
  await dataSource.destroy();
  await database.drop();
});

async function decayApp(operatorToken: string | undefined): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    DecayModule.forRoot({
      runtime,
      registry: createMetricsRegistry({ service: 'decay' }),
      readinessChecks: [],
      operatorToken,
    }),
    new FastifyAdapter(),
    { logger: false },
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

function runPass(app: NestFastifyApplication, authorization?: string) {
  return app.inject({
    method: 'POST',
    url: '/v1/decay/run',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    payload: '{}',
  });
}

describe('POST /v1/decay/run is an operational endpoint', () => {
  it('refuses a call without the operator token, or with another one, and runs it with the token', async () => {
    const app = await decayApp(TOKEN);
    try {
      const anonymous = await runPass(app);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="leadscore-operations"');
      expect(anonymous.json()).toMatchObject({ message: expect.stringContaining('Authorization: Bearer') });

      const wrong = await runPass(app, `Bearer ${TOKEN.slice(0, -1)}x`);
      expect(wrong.statusCode).toBe(401);
      expect((await runPass(app, TOKEN)).statusCode).toBe(401); // not in the Bearer scheme

      const granted = await runPass(app, `Bearer ${TOKEN}`);
      expect(granted.statusCode).toBe(200);
      expect(granted.json()).toEqual({ passes: [] });
    } finally {
      await app.close();
    }
  });

  it('is switched off while OPERATOR_TOKEN is unset', async () => {
    const app = await decayApp(undefined);
    try {
      const refused = await runPass(app, `Bearer ${TOKEN}`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ message: expect.stringContaining('set OPERATOR_TOKEN') });
    } finally {
      await app.close();
    }
  });

  it('leaves /metrics, /healthz and /readyz open', async () => {
    const app = await decayApp(TOKEN);
    try {
      for (const url of ['/metrics', '/healthz', '/readyz']) {
        expect({ url, status: (await app.inject({ method: 'GET', url })).statusCode }).toEqual({
          url,
          status: 200,
        });
      }
    } finally {
      await app.close();
    }
  });
});
