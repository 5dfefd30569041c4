import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createMetricsRegistry,
  DecayMetrics,
  IngestMetrics,
  KafkaClientMetrics,
  registerMetrics,
  ScorerMetrics,
  ThresholdMetrics,
  AnalyticsMetrics,
  type MetricsOf,
} from '@leadscore/observability';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { Registry } from 'prom-client';
import { pipelineHealthSchema, type PipelineHealth } from '@leadscore/contracts';
import { PipelineMetricsGateway, type MetricsTarget } from '../src/pipeline/pipeline-metrics-gateway.js';
import { ReadPipelineHealth } from '../src/pipeline/read-pipeline-health.usecase.js';

// The gateway and the use case against real HTTP servers that expose real prom-client registries with
// the services' metrics (the catalogue of libs/observability, as each service registers it) — not the
// services themselves. The clock is the use case's own (ApiContext.now), so rates are exact.

/** A stand-in for one service's /metrics: its registry, replaceable to play a restart. */
class FakeService {
  registry: Registry;
  requests = 0;
  status = 200;
  hang = false;
  private readonly server: Server;
  private port = 0;

  constructor(
    readonly name: string,
    private readonly makeRegistry: () => Registry,
  ) {
    this.registry = makeRegistry();
    this.server = createServer((request, response) => {
      this.requests++;
      if (this.hang) return; // accepts, never answers
      void this.registry.metrics().then((body) => {
        response.writeHead(this.status, { 'content-type': this.registry.contentType });
        response.end(this.status === 200 ? body : 'failing');
      });
    });
  }

  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get target(): MetricsTarget {
    // Kept after stop(): the address of a service that no longer answers.
    return { name: this.name, url: `http://127.0.0.1:${this.port}/metrics` };
  }

  restart(): void {
    this.registry = this.makeRegistry();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let ingestMetrics: MetricsOf<typeof IngestMetrics>;
let scorerMetrics: MetricsOf<typeof ScorerMetrics>;
let scorerKafka: MetricsOf<typeof KafkaClientMetrics>;
let decayMetrics: MetricsOf<typeof DecayMetrics>;
let thresholdMetrics: MetricsOf<typeof ThresholdMetrics>;
let thresholdKafka: MetricsOf<typeof KafkaClientMetrics>;

function service(name: 'ingest' | 'scorer' | 'decay' | 'threshold' | 'analytics'): FakeService {
  return new FakeService(name, () => {
    const registry = createMetricsRegistry({ service: name, processMetrics: false });
    if (name === 'ingest') ingestMetrics = registerMetrics(registry, IngestMetrics);
    if (name === 'scorer') {
      scorerMetrics = registerMetrics(registry, ScorerMetrics);
      scorerKafka = registerMetrics(registry, KafkaClientMetrics);
    }
    if (name === 'decay') decayMetrics = registerMetrics(registry, DecayMetrics);
    if (name === 'threshold') {
      thresholdMetrics = registerMetrics(registry, ThresholdMetrics);
      thresholdKafka = registerMetrics(registry, KafkaClientMetrics);
    }
    if (name === 'analytics') registerMetrics(registry, AnalyticsMetrics);
    return registry;
  });
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats.default(ajv, ['date-time']);
const conforms = ajv.compile(pipelineHealthSchema);

function expectContract(health: PipelineHealth): void {
  expect(conforms(health) ? [] : conforms.errors).toEqual([]);
}

const T0 = Date.parse('2026-12-07T10:00:00.000Z');
let services: FakeService[];
let clock: number;
let gateway: PipelineMetricsGateway;
let useCase: ReadPipelineHealth;

beforeEach(async () => {
  services = await Promise.all(
    (['ingest', 'scorer', 'decay', 'threshold', 'analytics'] as const).map((name) => service(name).start()),
  );
  clock = T0;
  gateway = new PipelineMetricsGateway(services.map((s) => s.target));
  useCase = new ReadPipelineHealth({ pipelineMetrics: gateway, now: () => new Date(clock) });
});

afterEach(async () => {
  await Promise.all(services.map((s) => s.stop()));
});

const byName = (name: string): FakeService => {
  const found = services.find((s) => s.name === name);
  if (!found) throw new Error(name);
  return found;
};

describe('GET /v1/pipeline/health (gateway and use case)', () => {
  it('answers totals at once and rates from the counters’ growth between two calls', async () => {
    ingestMetrics.receivedEvents.inc({ source: 'api', result: 'accepted' }, 100);
    ingestMetrics.receivedEvents.inc({ source: 'api', result: 'rejected' }, 3);
    ingestMetrics.deadLetteredEvents.inc({ reason: 'invalid' }, 3);
    scorerMetrics.scoreChangedEvents.inc({ cause: 'event' }, 40);
    scorerKafka.consumerLag.set({ group: 'leadscore-scorer', topic: 'leads.events.v1', partition: '0' }, 12);
    scorerKafka.consumerLag.set({ group: 'leadscore-scorer', topic: 'leads.events.v1', partition: '1' }, 8);
    thresholdKafka.consumerLag.set(
      { group: 'leadscore-threshold', topic: 'leads.score-changed.v1', partition: '0' },
      4,
    );
    thresholdMetrics.webhookDeliveries.inc({ result: 'delivered' }, 9);
    thresholdMetrics.webhookDeliveries.inc({ result: 'retrying' }, 1);

    const first = await useCase.execute();
    expectContract(first);
    expect(first).toEqual({
      at: '2026-12-07T10:00:00.000Z',
      services: ['ingest', 'scorer', 'decay', 'threshold', 'analytics'].map((name) => ({ name, up: true })),
      eventsInPerSecond: null,
      scoresChangedPerSecond: null,
      consumerLag: [
        { group: 'leadscore-scorer', lag: 20 },
        { group: 'leadscore-threshold', lag: 4 },
      ],
      deadLetters: { total: 3, perSecond: null },
      webhooks: { delivered: 9, failed: 1, successRatio: 0.9 },
      decayRuns: { total: 0, lastAt: null },
    });

    clock += 5_000;
    ingestMetrics.receivedEvents.inc({ source: 'api', result: 'accepted' }, 40);
    ingestMetrics.receivedEvents.inc({ source: 'pixel', result: 'accepted' }, 10);
    scorerMetrics.scoreChangedEvents.inc({ cause: 'event' }, 15);
    scorerMetrics.deadLetteredEvents.inc({ stage: 'decode' }, 1);
    thresholdMetrics.consumedEvents.inc({ result: 'dead_lettered' }, 1);
    scorerKafka.consumerLag.set({ group: 'leadscore-scorer', topic: 'leads.events.v1', partition: '0' }, 2);
    thresholdMetrics.webhookDeliveries.inc({ result: 'dead_lettered' }, 2);
    const stopRun = decayMetrics.runDuration.startTimer();
    stopRun({ result: 'completed' });
    decayMetrics.runDuration.startTimer()({ result: 'failed' });
    decayMetrics.lastSuccessfulRun.set(Date.parse('2026-12-07T10:00:03.000Z') / 1000);

    const second = await useCase.execute();
    expectContract(second);
    expect(second).toEqual({
      at: '2026-12-07T10:00:05.000Z',
      services: ['ingest', 'scorer', 'decay', 'threshold', 'analytics'].map((name) => ({ name, up: true })),
      eventsInPerSecond: 10,
      scoresChangedPerSecond: 3,
      consumerLag: [
        { group: 'leadscore-scorer', lag: 10 },
        { group: 'leadscore-threshold', lag: 4 },
      ],
      deadLetters: { total: 5, perSecond: 0.4 },
      webhooks: { delivered: 9, failed: 3, successRatio: 0.75 },
      decayRuns: { total: 1, lastAt: '2026-12-07T10:00:03.000Z' },
    });

    // Nothing happened in the next 2 s.
    clock += 2_000;
    const third = await useCase.execute();
    expect(third).toMatchObject({
      eventsInPerSecond: 0,
      scoresChangedPerSecond: 0,
      deadLetters: { perSecond: 0 },
    });
  });

  it('shows a stopped service down and leaves its numbers out, without failing the answer', async () => {
    ingestMetrics.receivedEvents.inc({ source: 'api', result: 'accepted' }, 10);
    scorerMetrics.scoreChangedEvents.inc({ cause: 'event' }, 10);
    await useCase.execute();
    const ingest = byName('ingest');
    await ingest.stop();

    clock += 5_000;
    scorerMetrics.scoreChangedEvents.inc({ cause: 'event' }, 10);
    const health = await useCase.execute();
    expectContract(health);
    expect(health.services).toEqual([
      { name: 'ingest', up: false },
      { name: 'scorer', up: true },
      { name: 'decay', up: true },
      { name: 'threshold', up: true },
      { name: 'analytics', up: true },
    ]);
    expect(health.eventsInPerSecond).toBeNull();
    expect(health.scoresChangedPerSecond).toBe(2);

    const [scrape] = await new PipelineMetricsGateway([ingest.target]).scrape();
    expect(scrape).toMatchObject({
      name: 'ingest',
      up: false,
      reason: expect.stringContaining('fetch failed'),
    });
  });

  it('gives up on a service that does not answer within 1.5 s, and on one answering 500', async () => {
    byName('decay').hang = true;
    byName('threshold').status = 500;
    decayMetrics.lastSuccessfulRun.set(1_800_000_000);
    thresholdMetrics.webhookDeliveries.inc({ result: 'delivered' }, 5);
    const started = performance.now();
    const scrapes = await gateway.scrape();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    expect(elapsed).toBeLessThan(3_000);
    expect(scrapes.map((s) => [s.name, s.up])).toEqual([
      ['ingest', true],
      ['scorer', true],
      ['decay', false],
      ['threshold', false],
      ['analytics', true],
    ]);
    expect(scrapes[2]).toMatchObject({ reason: expect.stringContaining('no answer within 1500 ms') });
    expect(scrapes[3]).toMatchObject({ reason: expect.stringContaining('answered 500') });

    const health = await useCase.execute();
    expectContract(health);
    expect(health.decayRuns).toEqual({ total: 0, lastAt: null });
    expect(health.webhooks).toEqual({ delivered: 0, failed: 0, successRatio: null });
  });

  it('gives null for the interval of a restart (a counter went down), then rates again', async () => {
    ingestMetrics.receivedEvents.inc({ source: 'api', result: 'accepted' }, 500);
    await useCase.execute();

    byName('ingest').restart();
    ingestMetrics.receivedEvents.inc({ source: 'api', result: 'accepted' }, 20);
    clock += 5_000;
    const afterRestart = await useCase.execute();
    expect(afterRestart.eventsInPerSecond).toBeNull();
    expect(afterRestart.services[0]).toEqual({ name: 'ingest', up: true });

    ingestMetrics.receivedEvents.inc({ source: 'api', result: 'accepted' }, 20);
    clock += 5_000;
    expect((await useCase.execute()).eventsInPerSecond).toBe(4);
  });

  it('scrapes once for callers arriving together or within a second of the last scrape', async () => {
    const [a, b] = await Promise.all([useCase.execute(), useCase.execute()]);
    expect(a).toBe(b);
    clock += 500;
    expect(await useCase.execute()).toBe(a);
    expect(services.map((s) => s.requests)).toEqual([1, 1, 1, 1, 1]);
    clock += 500;
    expect((await useCase.execute()).at).toBe('2026-12-07T10:00:01.000Z');
    expect(services.map((s) => s.requests)).toEqual([2, 2, 2, 2, 2]);
  });
});
