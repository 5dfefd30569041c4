import { afterEach, describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyInstance } from 'fastify';
import { type Registry } from 'prom-client';
import { sampleValue } from '../test/prometheus-text.js';
import { drainOnSignals, enableGracefulShutdown } from './graceful-shutdown.js';
import { ScorerMetrics } from './metric-names.js';
import { createMetricsRegistry, registerMetrics } from './metrics-registry.js';
import { ObservabilityModule } from './observability.module.js';
import { type ObservabilityOptions } from './observability.options.js';
import { type ReadinessResult } from './readiness-check.js';
import { ReadinessService } from './readiness.service.js';

interface TestApp {
  app: INestApplication;
  http: FastifyInstance;
}

const apps: INestApplication[] = [];

async function startApp(
  options: Omit<ObservabilityOptions, 'service' | 'registry'> & { registry?: Registry },
): Promise<TestApp> {
  const registry = options.registry ?? createMetricsRegistry({ service: 'scorer' });

  @Module({ imports: [ObservabilityModule.forRoot({ service: 'scorer', registry, ...options })] })
  class TestAppModule {}

  const app = await NestFactory.create<NestFastifyApplication>(TestAppModule, new FastifyAdapter(), {
    logger: false,
  });
  await app.init();
  apps.push(app);
  return { app, http: app.getHttpAdapter().getInstance() };
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

const ok = (): Promise<ReadinessResult> => Promise.resolve({ ok: true });

describe('ObservabilityModule on Fastify', () => {
  it('serves the registered metrics at GET /metrics in the Prometheus text format', async () => {
    const registry = createMetricsRegistry({ service: 'scorer' });
    const metrics = registerMetrics(registry, ScorerMetrics);
    metrics.consumedEvents.inc({ result: 'scored' }, 3);
    metrics.outboxBacklog.set(7);
    metrics.batchDuration.observe(0.02);
    const { http } = await startApp({ registry });

    const response = await http.inject({ method: 'GET', url: '/metrics' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.body).toContain('# HELP leadscore_scorer_consumed_events_total Events consumed');
    expect(response.body).toContain('# TYPE leadscore_scorer_consumed_events_total counter');
    expect(response.body).toContain('# TYPE leadscore_scorer_batch_duration_seconds histogram');
    const labels = { service: 'scorer' };
    expect(
      sampleValue(response.body, 'leadscore_scorer_consumed_events_total', { ...labels, result: 'scored' }),
    ).toBe(3);
    expect(sampleValue(response.body, 'leadscore_scorer_outbox_backlog_messages', labels)).toBe(7);
    expect(sampleValue(response.body, 'leadscore_scorer_batch_duration_seconds_count', labels)).toBe(1);
    expect(
      sampleValue(response.body, 'leadscore_scorer_process_cpu_user_seconds_total', labels),
    ).toBeGreaterThan(0);
  });

  it('answers GET /healthz with 200 while the process is up, whatever the dependencies say', async () => {
    const { http } = await startApp({
      readinessChecks: [{ name: 'kafka', check: () => Promise.resolve({ ok: false, reason: 'no broker' }) }],
    });
    const response = await http.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers GET /readyz with 200 and each check result when all checks pass', async () => {
    const { http } = await startApp({
      readinessChecks: [
        { name: 'kafka', check: ok },
        { name: 'postgres', check: ok },
      ],
    });
    const response = await http.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      ready: true,
      checks: {
        kafka: { ok: true, durationMs: expect.any(Number) },
        postgres: { ok: true, durationMs: expect.any(Number) },
      },
    });
  });

  it('answers GET /readyz with 503 and the reason once a check fails', async () => {
    let postgres: ReadinessResult = { ok: true };
    const { http } = await startApp({
      readinessChecks: [
        { name: 'kafka', check: ok },
        { name: 'postgres', check: () => Promise.resolve(postgres) },
      ],
    });
    expect((await http.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);

    postgres = { ok: false, reason: 'connect ECONNREFUSED 127.0.0.1:5432' };
    const response = await http.inject({ method: 'GET', url: '/readyz' });

    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: 'not_ready',
      ready: false,
      checks: {
        kafka: { ok: true },
        postgres: { ok: false, reason: 'connect ECONNREFUSED 127.0.0.1:5432' },
      },
    });
  });

  it('fails a check that throws with the error message', async () => {
    const { http } = await startApp({
      readinessChecks: [
        {
          name: 'kafka',
          check: () => Promise.reject(new Error('There is no leader for this topic-partition')),
        },
      ],
    });
    const response = await http.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      checks: { kafka: { ok: false, reason: 'There is no leader for this topic-partition' } },
    });
  });

  it('fails a check that outlives its timeout, and aborts it', async () => {
    let aborted = false;
    const hanging = (signal: AbortSignal) =>
      new Promise<ReadinessResult>((resolve) => {
        signal.addEventListener('abort', () => {
          aborted = true;
          resolve({ ok: true }); // too late: the timeout already answered
        });
      });
    const { http } = await startApp({
      checkTimeoutMs: 50,
      readinessChecks: [
        { name: 'postgres', check: hanging },
        { name: 'kafka', check: ok, timeoutMs: 1_000 },
      ],
    });
    const started = Date.now();
    const response = await http.inject({ method: 'GET', url: '/readyz' });

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      checks: { postgres: { ok: false, reason: 'timed out after 50 ms' }, kafka: { ok: true } },
    });
    expect(aborted).toBe(true);
  });

  it('accepts checks added at runtime by the providers that own the dependency', async () => {
    const { app, http } = await startApp({});
    app
      .get(ReadinessService)
      .addCheck({ name: 'outbox', check: () => Promise.resolve({ ok: false, reason: 'backlog 90000' }) });
    const response = await http.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ checks: { outbox: { ok: false, reason: 'backlog 90000' } } });
  });

  it('turns /readyz to 503 as soon as SIGTERM arrives, while /healthz stays 200', async () => {
    const { app, http } = await startApp({ readinessChecks: [{ name: 'kafka', check: ok }] });
    const signals = new EventEmitter();
    drainOnSignals(app.get(ReadinessService), ['SIGTERM'], signals);
    expect((await http.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);

    signals.emit('SIGTERM', 'SIGTERM');

    const response = await http.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'draining', reason: 'received SIGTERM' });
    expect((await http.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it("enableGracefulShutdown listens before Nest's shutdown hooks, so readiness flips first", async () => {
    const { app } = await startApp({});
    const before = process.listeners('SIGTERM');
    const stop = enableGracefulShutdown(app, ['SIGTERM']);
    const added = process.listeners('SIGTERM').filter((listener) => !before.includes(listener));
    try {
      expect(added).toHaveLength(2); // ours, then Nest's
      const [ours] = added;
      ours?.('SIGTERM'); // run only ours: Nest's would close the app and re-raise the signal
      expect(app.get(ReadinessService).isDraining).toBe(true);
    } finally {
      stop();
    }
  });

  it('keeps serving 503 on /readyz for the drain delay before the server closes', async () => {
    const { app, http } = await startApp({ drainDelayMs: 200 });
    app.get(ReadinessService).startDraining('received SIGTERM');
    const started = Date.now();
    const closing = app.close();
    const during = await http.inject({ method: 'GET', url: '/readyz' });
    await closing;
    apps.splice(apps.indexOf(app), 1);

    expect(during.statusCode).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('lets two apps in one process keep separate metrics', async () => {
    const first = createMetricsRegistry({ service: 'scorer' });
    const second = createMetricsRegistry({ service: 'scorer' });
    registerMetrics(first, ScorerMetrics).outboxBacklog.set(1);
    registerMetrics(second, ScorerMetrics).outboxBacklog.set(2);
    const a = await startApp({ registry: first });
    const b = await startApp({ registry: second });
    const name = 'leadscore_scorer_outbox_backlog_messages';
    expect(sampleValue((await a.http.inject({ method: 'GET', url: '/metrics' })).body, name)).toBe(1);
    expect(sampleValue((await b.http.inject({ method: 'GET', url: '/metrics' })).body, name)).toBe(2);
  });
});
