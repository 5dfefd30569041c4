import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { TOPIC_DECLARATIONS, Topics, type CanonicalEvent, type ScoringModel } from '@leadscore/contracts';
import { ensureTopics } from '@leadscore/kafka';
import { createLogger, createMetricsRegistry } from '@leadscore/observability';
import { openDatabase, type DataSource } from '@leadscore/persistence';
import { advanceTo, applyEvent, emptyState, type ContactScoreState } from '@leadscore/scoring';
import {
  createTestDatabase,
  testKafkaBrokers,
  uniqueName,
  workspaceRoot,
  type TestDatabase,
} from '@leadscore/testing';
// The real scorer, run beside the decay pass (test-only import of another service's runtime).
import { ScorerRuntime } from '../../scorer/src/app/scorer.runtime.js';
import {
  createScorerTopics,
  produceEvents,
  publishModel,
  waitUntilConsumed,
} from '../../scorer/test/scorer-harness.js';
import { DecayRuntime } from '../src/app/decay.runtime.js';
import { DecayRunner } from '../src/decay/decay-runner.js';
import {
  T0,
  closeDeep,
  createScoreChangedTopic,
  days,
  exampleModel,
  randomSource,
  randomState,
  richModel,
  seed,
  storedStates,
  testKafka,
  decayOutbox,
} from './decay-fixtures.js';

const logger = createLogger({ service: 'decay', level: 'silent' });
const kafka = testKafka('decay-resilience');
const databases: TestDatabase[] = [];
const dataSources: DataSource[] = [];

async function freshDatabase(name: string): Promise<DataSource> {
  const database = await createTestDatabase(name);
  databases.push(database);
  const dataSource = await openDatabase({ url: database.url, applicationName: name });
  dataSources.push(dataSource);
  return dataSource;
}

afterAll(async () => {
  for (const ds of dataSources) await ds.destroy().catch(() => undefined);
  for (const db of databases) await db.drop();
});

async function snapshot(dataSource: DataSource, workspace: string, modelId: string) {
  const rows = await storedStates(dataSource, workspace, modelId);
  const outbox = await decayOutbox(dataSource);
  return {
    rows: Object.fromEntries(
      [...rows].map(([contact, r]) => [contact, { ...r, updatedAt: r.updatedAt.getTime() }]),
    ),
    eventIds: outbox.map((m) => m.eventId).sort(),
  };
}

function randomStates(
  model: ScoringModel,
  count: number,
  seedNumber: number,
): Map<string, ContactScoreState> {
  const random = randomSource(seedNumber);
  const states = new Map<string, ContactScoreState>();
  for (let i = 0; i < count; i += 1)
    states.set(`c${String(i).padStart(6, '0')}`, randomState(model, random, T0, 15));
  return states;
}

describe('the decay CLI killed mid-pass', () => {
  const cli = join(workspaceRoot(), 'services/decay/dist/cli.js');
  const target = days(18);

  function startCli(url: string): ChildProcess {
    return spawn(process.execPath, [cli, 'run', '--at', new Date(target).toISOString()], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        DATABASE_URL: url,
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        DECAY_RANGE_SIZE: '25',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  const exited = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  it('resumes on restart and ends exactly where one uninterrupted pass ends', async () => {
    await ensureTopics(
      kafka,
      TOPIC_DECLARATIONS.filter((t) => t.name === Topics.scoreChanged),
    );
    const model = richModel('killed');
    const states = randomStates(model, 4_000, 7);
    const killedDb = await freshDatabase('decay_killed');
    const referenceDb = await freshDatabase('decay_reference');
    await seed(killedDb, model, states);
    await seed(referenceDb, model, states);

    await new DecayRunner({ dataSource: referenceDb, logger, rangeSize: 25 }).runModel(model, target);

    const url = databases[0]!.url;
    const first = startCli(url);
    const firstExit = exited(first);
    // Kill it once some ranges are committed and before the last one is.
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error('the decay CLI committed no range in 120 s');
      const [run] = await killedDb.query<{ last_contact_id: string | null; completed_at: Date | null }[]>(
        'SELECT last_contact_id, completed_at FROM decay_runs',
      );
      if (run?.last_contact_id && run.last_contact_id >= 'c000400') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    first.kill('SIGKILL');
    expect(await firstExit).toBeNull();
    const [stopped] = await killedDb.query<{ last_contact_id: string; completed_at: Date | null }[]>(
      'SELECT last_contact_id, completed_at FROM decay_runs',
    );
    expect(stopped?.completed_at).toBeNull();
    expect(stopped!.last_contact_id < 'c003999').toBe(true);

    const second = startCli(url);
    let output = '';
    second.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    second.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    expect(await exited(second)).toBe(0);
    const { passes } = JSON.parse(output.trim().split('\n').pop() ?? '{}') as {
      passes: { resumed: boolean; ran: boolean }[];
    };
    expect(passes).toEqual([expect.objectContaining({ resumed: true, ran: true })]);

    const killed = await snapshot(killedDb, model.workspace, model.id);
    const reference = await snapshot(referenceDb, model.workspace, model.id);
    expect(killed.eventIds.length).toBeGreaterThan(1_000);
    expect(killed.eventIds).toEqual(reference.eventIds);
    const problems = Object.entries(reference.rows).flatMap(([contact, row]) =>
      closeDeep(killed.rows[contact], row, contact),
    );
    expect(problems.slice(0, 10)).toEqual([]);

    // The leaderboard ranks ended where the uninterrupted pass left them, and the histogram moved with
    // every rank the killed pass committed (and with none it rolled back).
    const ranksOf = async (db: DataSource) =>
      (
        await db.query<{ contact_id: string; total: number; tier: string }[]>(
          'SELECT contact_id, total, tier FROM contact_ranks WHERE workspace_id = $1 AND model_id = $2 ORDER BY contact_id',
          [model.workspace, model.id],
        )
      ).map((r) => ({ ...r, total: Math.round(r.total * 1e6) / 1e6 }));
    const killedRanks = await ranksOf(killedDb);
    expect(killedRanks).toHaveLength(Object.keys(reference.rows).length);
    expect(killedRanks).toEqual(await ranksOf(referenceDb));
    const histogramDrift = await killedDb.query<{ bucket: number }[]>(
      `SELECT bucket, coalesce(h.contacts, 0) AS counted, coalesce(r.contacts, 0) AS ranked
       FROM (SELECT bucket, sum(contacts) AS contacts FROM score_histogram GROUP BY bucket) h
       FULL JOIN (SELECT score_bucket(total) AS bucket, count(*) AS contacts FROM contact_ranks GROUP BY 1) r USING (bucket)
       WHERE coalesce(h.contacts, 0) <> coalesce(r.contacts, 0)`,
    );
    expect(histogramDrift).toEqual([]);
  }, 300_000);
});

describe('two decay replicas', () => {
  it('elect one leader that runs the pass once; the standby takes over when it goes', async () => {
    const dataSource = await freshDatabase('decay_replicas');
    const model = richModel('replicas');
    const states = randomStates(model, 1_000, 11);
    await seed(dataSource, model, states);
    const now = days(18) + 3_600_000; // the default daily 00:00 UTC schedule fired an hour ago
    const scoreChangedTopic = await createScoreChangedTopic(kafka);
    const replica = () =>
      new DecayRuntime({
        dataSource,
        kafka,
        logger,
        registry: createMetricsRegistry({ service: 'decay' }),
        rangeSize: 40,
        checkIntervalMs: 100,
        scoreChangedTopic,
        clock: () => now,
      });
    const a = replica();
    const b = replica();
    await Promise.all([a.start(), b.start()]);
    try {
      const waitFor = async (condition: () => Promise<boolean> | boolean) => {
        const deadline = Date.now() + 60_000;
        while (!(await condition())) {
          if (Date.now() > deadline) throw new Error('condition not reached in 60 s');
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      await waitFor(async () => {
        const [run] = await dataSource.query<{ completed_at: Date | null }[]>(
          'SELECT completed_at FROM decay_runs',
        );
        return run?.completed_at != null;
      });
      // Several checks of both replicas later, still one leader and one pass.
      await new Promise((r) => setTimeout(r, 1_000));
      expect([a.isLeader, b.isLeader].filter(Boolean)).toHaveLength(1);
      const events = await decayOutbox(dataSource);
      expect(events.length).toBeGreaterThan(100);
      expect(new Set(events.map((m) => m.payload.subject)).size).toBe(events.length);
      const rows = await storedStates(dataSource, model.workspace, model.id);
      const target = days(18) - 9 * 3_600_000; // 2026-01-23T00:00Z
      for (const [contact, before] of states) {
        const expected = before.asOf >= target ? before : advanceTo(model, before, target).state;
        expect((rows.get(contact)?.state as ContactScoreState).sequence).toBe(expected.sequence);
      }

      const [leader, standby] = a.isLeader ? [a, b] : [b, a];
      await leader.stop();
      await waitFor(() => standby.isLeader);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 180_000);
});

describe('decay and the scorer at once', () => {
  it('each contact ends as if the two had run one after the other', async () => {
    const dataSource = await freshDatabase('decay_concurrent');
    const model = { ...exampleModel('ontraport.yaml', uniqueName('conc')), schedule: { cron: '0 0 * * *' } };
    const contacts = 600;
    const target = days(5);
    const initial = new Map<string, ContactScoreState>();
    for (let i = 0; i < contacts; i += 1) {
      let state = emptyState(model, T0);
      state = applyEvent(
        model,
        state,
        { id: `seed-${i}`, type: 'email.clicked', data: { url: 'https://x.test' } },
        T0 + i * 1_000,
      ).state;
      initial.set(`user:c${i}`, state);
    }
    await seed(dataSource, model, initial);

    const topics = await createScorerTopics(kafka, 2);
    await publishModel(kafka, topics.models, model);
    const random = randomSource(99);
    const events: CanonicalEvent[] = Array.from({ length: 1_500 }, (_, i) => ({
      specversion: '1.0',
      id: `conc-${i}`,
      source: '/test',
      type: 'web.page_viewed',
      // Around the pass time: some before it, some after.
      time: new Date(days(4) + Math.floor(random() * 2 * 86_400_000)).toISOString(),
      subject: `user:c${Math.floor(random() * contacts)}`,
      workspace: model.workspace,
      data: { url: 'https://x.test/pricing', path: '/pricing' },
    }));
    const group = uniqueName('conc-scorer');
    const scorer = new ScorerRuntime({
      kafka,
      dataSource,
      logger,
      registry: createMetricsRegistry({ service: 'scorer' }),
      consumerGroup: group,
      topics,
      sessionTimeoutMs: 10_000,
    });
    await scorer.start();
    try {
      await produceEvents(kafka, topics.events, events);
      const decay = new DecayRunner({
        dataSource,
        logger,
        rangeSize: 10,
        scoreChangedTopic: topics.scoreChanged,
      });
      await decay.runModel(model, target);
      await waitUntilConsumed(kafka, dataSource, group, topics.events);
    } finally {
      await scorer.stop();
    }

    const rows = await storedStates(dataSource, model.workspace, model.id);
    const byContact = new Map<string, CanonicalEvent[]>();
    for (const event of events)
      byContact.set(event.subject, [...(byContact.get(event.subject) ?? []), event]);
    let decayFirst = 0;
    let scorerFirst = 0;
    for (const [contact, before] of initial) {
      const own = byContact.get(contact) ?? [];
      const play = (state: ContactScoreState, list: CanonicalEvent[]) =>
        list.reduce(
          (s, e) =>
            applyEvent(
              model,
              s,
              { id: e.id, source: e.source, type: e.type, data: e.data },
              Date.parse(e.time),
            ).state,
          state,
        );
      const decay = (state: ContactScoreState) =>
        state.asOf >= target ? state : advanceTo(model, state, target).state;
      const actual = rows.get(contact)?.state as ContactScoreState;
      // The contact's events may straddle the pass: k of them before it, the rest after.
      const orders =
        own.length === 0
          ? [decay(before)]
          : Array.from({ length: own.length + 1 }, (_, k) =>
              play(decay(play(before, own.slice(0, k))), own.slice(k)),
            );
      const match = orders.findIndex((o) => closeDeep(actual, JSON.parse(JSON.stringify(o))).length === 0);
      expect({ contact, match: match >= 0 }).toEqual({ contact, match: true });
      if (match === 0) decayFirst += 1;
      else scorerFirst += 1;
    }
    // How the race fell (not forced either way): contacts that match a decay-first order, and the rest.
    expect(decayFirst + scorerFirst).toBe(contacts);
  }, 300_000);
});
