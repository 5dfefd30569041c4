import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModel, type ScoreChangedEvent, type ScoringModel } from '@leadscore/contracts';
import {
  createKafkaClient,
  ensureTopics,
  silentLogger,
  type ConsumedMessage,
  type KafkaClient,
} from '@leadscore/kafka';
import {
  contactScoreRepository,
  scoringModelRepository,
  type ContactScoreRow,
  type DataSource,
} from '@leadscore/persistence';
import { scoreRowOf } from '@leadscore/score-events';
import { applyEvent, emptyState, refit, type ContactScoreState, DAY_MS } from '@leadscore/scoring';
import {
  readTopic as readTopicRecords,
  testKafkaBrokers,
  uniqueName,
  workspaceRoot,
} from '@leadscore/testing';

export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
export const days = (n: number): number => T0 + n * DAY_MS;

export function exampleModel(file: string, workspace: string): ScoringModel {
  const text = readFileSync(join(workspaceRoot(), 'examples/models', file), 'utf8');
  return { ...parseModel(text, 'yaml', file), workspace };
}

/** Every time effect at once: several decay rates, expiring awards, limits, caps, inactivity and absence rules. */
export function richModel(workspace: string): ScoringModel {
  return {
    id: 'rich',
    version: 1,
    workspace,
    name: 'Decay test model',
    fit: [{ id: 'pro', field: 'plan', operator: 'equals', value: 'pro', points: 20 }],
    engagement: [
      { id: 'open', event: 'email.opened', points: 3, expiresAfterDays: 4 },
      { id: 'click', event: 'email.clicked', points: 7, decay: { halfLifeDays: 9 } },
      { id: 'pricing', event: 'web.page_viewed', points: 11, expiresAfterDays: 10.5, decay: 'none' },
      { id: 'form', event: 'web.form_submitted', points: 25, limits: { perDay: 1 } },
      { id: 'registered', event: 'webinar.registered', points: 10 },
      { id: 'attended', event: 'webinar.attended', points: 20 },
      { id: 'unsubscribed', event: 'email.unsubscribed', points: -15 },
    ],
    absence: [
      {
        id: 'no-show',
        trigger: { event: 'webinar.registered' },
        expect: { event: 'webinar.attended' },
        correlateOn: ['webinar_id'],
        windowDays: 2,
        points: -8,
      },
    ],
    inactivity: [
      { id: 'quiet', afterDays: 3, points: -2, repeat: true },
      { id: 'gone', afterDays: 10, points: -5, decay: 'none' },
    ],
    decay: { percentPerDay: 3 },
    caps: { maxEngagement: 80, minTotal: -20 },
    tiers: { warm: 20, hot: 50 },
  };
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a failing seed can be replayed. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const EVENT_TYPES = [
  'email.opened',
  'email.clicked',
  'web.page_viewed',
  'web.form_submitted',
  'webinar.registered',
  'webinar.attended',
  'email.unsubscribed',
  'sms.replied',
] as const;

/** A random contact's state, played through the pure engine from `start` for up to `spanDays`. */
export function randomState(
  model: ScoringModel,
  random: () => number,
  start: number,
  spanDays: number,
): ContactScoreState {
  const createdAt = start + Math.floor(random() * 2 * DAY_MS);
  let state = emptyState(model, createdAt);
  let time = createdAt;
  if (random() < 0.4) state = refit(model, state, { plan: 'pro' }, time).state;
  const count = Math.floor(random() * 12);
  for (let i = 0; i < count; i += 1) {
    time += Math.floor(random() * ((spanDays * DAY_MS) / Math.max(1, count)));
    const type = EVENT_TYPES[Math.floor(random() * EVENT_TYPES.length)] ?? 'email.opened';
    const data = type.startsWith('webinar.') ? { webinar_id: `w${Math.floor(random() * 2)}` } : {};
    state = applyEvent(model, state, { id: `e${i}-${Math.floor(random() * 1e9)}`, type, data }, time).state;
  }
  return state;
}

/** Records the model as the scorer does and stores the given states. */
export async function seed(
  dataSource: DataSource,
  model: ScoringModel,
  states: ReadonlyMap<string, ContactScoreState>,
): Promise<void> {
  await scoringModelRepository.record(dataSource.manager, {
    workspaceId: model.workspace,
    modelId: model.id,
    version: model.version,
    document: model,
    appliedAt: new Date(T0),
  });
  const rows = [...states].map(([contact, state]) => scoreRowOf(model.workspace, model, contact, state));
  for (let i = 0; i < rows.length; i += 1_000) {
    await contactScoreRepository.upsertMany(dataSource.manager, rows.slice(i, i + 1_000), 'test');
  }
}

export async function storedStates(
  dataSource: DataSource,
  workspace: string,
  modelId: string,
): Promise<Map<string, ContactScoreRow>> {
  const rows = await dataSource.query<{ contact_id: string }[]>(
    'SELECT contact_id FROM contact_scores WHERE workspace_id = $1 AND model_id = $2',
    [workspace, modelId],
  );
  const loaded = await contactScoreRepository.loadMany(
    dataSource.manager,
    rows.map((r) => ({ workspaceId: workspace, contactId: r.contact_id })),
  );
  return new Map(loaded.filter((r) => r.modelId === modelId).map((r) => [r.contactId, r]));
}

export function testKafka(name: string): KafkaClient {
  return createKafkaClient({ brokers: testKafkaBrokers(), clientId: uniqueName(name), logger: silentLogger });
}

export async function createScoreChangedTopic(kafka: KafkaClient): Promise<string> {
  const topic = `${uniqueName('decay')}.score-changed`;
  await ensureTopics(kafka, [{ name: topic, partitions: 2, config: {} }]);
  return topic;
}

/** Numbers equal within 1e-9 (relative to their size), everything else equal, at any depth. */
export function closeDeep(actual: unknown, expected: unknown, path = '$'): string[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected))
      ? []
      : [`${path}: ${actual} != ${expected}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: array shape differs`];
    return expected.flatMap((e, i) => closeDeep(actual[i], e, `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path}: not an object`];
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((k) =>
      closeDeep(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        `${path}.${k}`,
      ),
    );
  }
  return Object.is(actual, expected)
    ? []
    : [`${path}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`];
}

/** The records of a topic until `count` arrived (or the timeout: then what was read), with a grace period for extras. */
export function readTopic(
  kafka: KafkaClient,
  topic: string,
  count: number,
  timeoutMs = 60_000,
): Promise<ConsumedMessage[]> {
  return readTopicRecords(kafka, topic, {
    until: (records) => records.length >= count,
    timeoutMs,
    onTimeout: 'return',
    graceMs: 1_000,
  });
}

export interface DecayOutboxMessage {
  readonly eventId: string;
  readonly topic: string;
  readonly payload: ScoreChangedEvent;
  /** At or below the source's published watermark. */
  readonly published: boolean;
}

/**
 * Every message the decay source enqueued, in outbox order: batch rows (one per range, a JSON array of
 * messages) expanded, single-message rows as they are.
 */
export async function decayOutbox(dataSource: DataSource): Promise<DecayOutboxMessage[]> {
  const rows = await dataSource.query<
    { event_id: string; topic: string; payload: ScoreChangedEvent; published: boolean }[]
  >(
    `SELECT event_id, topic, payload, published FROM (
       SELECT o.id, m.n, m.el->>'e' AS event_id, m.el->>'t' AS topic,
              coalesce(m.el->'p', (m.el->>'s')::jsonb) AS payload, p.id IS NULL AS published
       FROM outbox o
       CROSS JOIN LATERAL jsonb_array_elements(o.payload::jsonb) WITH ORDINALITY AS m(el, n)
       LEFT JOIN outbox_pending p ON p.id = o.id
       WHERE o.source = 'decay' AND o.batch_size IS NOT NULL
       UNION ALL
       SELECT o.id, 1, o.event_id, o.topic, o.payload::jsonb, p.id IS NULL
       FROM outbox o LEFT JOIN outbox_pending p ON p.id = o.id
       WHERE o.source = 'decay' AND o.batch_size IS NULL
     ) messages ORDER BY id, n`,
  );
  return rows.map((r) => ({
    eventId: r.event_id,
    topic: r.topic,
    payload: r.payload,
    published: r.published,
  }));
}
