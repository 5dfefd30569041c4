import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ScoreChangedEvent, type ScoringModel } from '@leadscore/contracts';
import { DecayMetrics, createLogger, createMetricsRegistry, registerMetrics } from '@leadscore/observability';
import { workspaceId } from '@leadscore/access';
import {
  LeadershipLostError,
  openDatabase,
  scoringModelRepository,
  tryAcquireLeaderLease,
  workspaceRepository,
  workspaceSettingsRepository,
  type DataSource,
} from '@leadscore/persistence';
import { scoreChangedEventId } from '@leadscore/score-events';
import {
  advanceTo,
  applyEvent,
  emptyState,
  refit,
  scoreAt,
  toScoreChangedData,
  type ContactScoreState,
} from '@leadscore/scoring';
import { createTestDatabase, type TestDatabase } from '@leadscore/testing';
import { DecayRuntime } from '../src/app/decay.runtime.js';
import { DecayRunner, PassInterruptedError } from '../src/decay/decay-runner.js';
import {
  T0,
  closeDeep,
  createScoreChangedTopic,
  days,
  exampleModel,
  randomSource,
  randomState,
  readTopic,
  richModel,
  seed,
  storedStates,
  testKafka,
  decayOutbox,
} from './decay-fixtures.js';

const logger = createLogger({ service: 'decay', level: 'silent' });
const kafka = testKafka('decay-int');
let database: TestDatabase;
let dataSource: DataSource;
let topic: string;

beforeAll(async () => {
  database = await createTestDatabase('decay');
  dataSource = await openDatabase({ url: database.url, applicationName: 'decay-int' });
  topic = await createScoreChangedTopic(kafka);
});

afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

function runtime(clock: () => number, rangeSize = 50): DecayRuntime {
  return new DecayRuntime({
    dataSource,
    kafka,
    logger,
    registry: createMetricsRegistry({ service: 'decay' }),
    rangeSize,
    checkIntervalMs: 60_000,
    scoreChangedTopic: topic,
    clock,
  });
}

async function asLeader<T>(clock: () => number, work: (r: DecayRuntime) => Promise<T>): Promise<T> {
  const r = runtime(clock);
  await r.connectProducer();
  expect(await r.acquireLeadership()).toBe(true);
  try {
    return await work(r);
  } finally {
    await r.stop();
  }
}

async function outboxOf(workspace: string): Promise<ScoreChangedEvent[]> {
  return (await decayOutbox(dataSource)).map((m) => m.payload).filter((e) => e.workspace === workspace);
}

describe('a decay pass', () => {
  it('gives every contact exactly what the pure engine gives (3,000 random states, within 1e-9)', async () => {
    const model = richModel('random');
    const random = randomSource(20261123);
    const states = new Map<string, ContactScoreState>();
    for (let i = 0; i < 3_000; i += 1)
      states.set(`c${String(i).padStart(5, '0')}`, randomState(model, random, T0, 22));
    await seed(dataSource, model, states);
    const target = days(20);
    // Range size 97 does not divide 3,000: the last range is short.
    const runner = new DecayRunner({ dataSource, logger, rangeSize: 97, scoreChangedTopic: topic });
    const [pass] = await runner.runModel(model, target);

    const stored = await storedStates(dataSource, model.workspace, model.id);
    const outbox = new Map((await outboxOf(model.workspace)).map((e) => [e.id, e]));
    let advanced = 0;
    let changed = 0;
    const problems: string[] = [];
    for (const [contact, before] of states) {
      const row = stored.get(contact);
      const expected =
        before.asOf >= target ? { state: before, change: undefined } : advanceTo(model, before, target);
      if (before.asOf < target) advanced += 1;
      problems.push(...closeDeep(row?.state, JSON.parse(JSON.stringify(expected.state)), contact));
      const reported = expected.state.reported;
      problems.push(
        ...closeDeep(
          {
            engagement: row?.engagement,
            total: row?.total,
            fit: row?.fit,
            tier: row?.tier,
            sequence: row?.sequence,
          },
          {
            engagement: reported?.engagement ?? 0,
            total: reported?.total ?? 0,
            fit: reported?.fit ?? 0,
            tier: reported?.tier ?? null,
            sequence: expected.state.sequence,
          },
          `${contact}.columns`,
        ),
      );
      if (expected.change) {
        changed += 1;
        const event = outbox.get(
          scoreChangedEventId(model.workspace, model.id, contact, expected.change.sequence),
        );
        expect(event?.data.cause).toEqual(expected.change.cause);
        expect(event?.data.current).toEqual(expected.change.current);
      }
      // What the pass published agrees with what a reader computes lazily at that time.
      if (row && before.asOf < target)
        expect(
          Math.abs((row.state as ContactScoreState).reported!.total - scoreAt(model, before, target).total),
        ).toBeLessThan(0.006);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(pass).toMatchObject({ ran: true, scanned: 3_000, advanced, events: changed });
    expect(outbox.size).toBe(changed);
    // Every cause appears in this population, so each path was compared.
    const causes = new Set([...outbox.values()].map((e) => e.data.cause.type));
    expect([...causes].sort()).toEqual(['absence', 'decay', 'expiry', 'inactivity']);

    // The same pass again finds everything already at its time: nothing read twice, nothing emitted.
    const again = await runner.runModel(model, target);
    expect(again).toEqual([expect.objectContaining({ ran: false })]);
    expect((await outboxOf(model.workspace)).length).toBe(changed);
  });

  it('reads only the contacts due once a pass has read them all, and publishes exactly what passes over every contact publish', async () => {
    const model = richModel('due-passes');
    const random = randomSource(20261208);
    let expected = new Map<string, ContactScoreState>();
    for (let i = 0; i < 1_500; i += 1)
      expected.set(`c${String(i).padStart(5, '0')}`, randomState(model, random, T0, 22));
    await seed(dataSource, model, expected);
    const runner = new DecayRunner({ dataSource, logger, rangeSize: 89, scoreChangedTopic: topic });
    const hours = (n: number) => n * 3_600_000;
    const targets = [
      days(20),
      days(20) + hours(3),
      days(20) + hours(7),
      days(21),
      days(21) + hours(1),
      days(21) + hours(1) + 300_000,
      days(24),
    ];
    const published = new Map<string, ScoreChangedEvent['data']>();
    const passes = [];
    for (const [i, target] of targets.entries()) {
      // What a pass over every contact gives, from the pure engine.
      const next = new Map<string, ContactScoreState>();
      for (const [contact, state] of expected) {
        const result = state.asOf >= target ? { state, change: undefined } : advanceTo(model, state, target);
        next.set(contact, result.state);
        if (result.change)
          published.set(
            scoreChangedEventId(model.workspace, model.id, contact, result.change.sequence),
            JSON.parse(
              JSON.stringify(toScoreChangedData(result.change, contact)),
            ) as ScoreChangedEvent['data'],
          );
      }
      expected = next;
      if (i === 2) {
        // A due pass stopped after its first range resumes as a due pass and ends the same.
        let ranges = 0;
        const stopping = new DecayRunner({
          dataSource,
          logger,
          rangeSize: 89,
          scoreChangedTopic: topic,
          isStopping: () => (ranges += 1) > 1,
        });
        await expect(stopping.runModel(model, target)).rejects.toThrow(PassInterruptedError);
        const [resumed] = await runner.runModel(model, target);
        expect(resumed).toMatchObject({ resumed: true, mode: 'due' });
        passes.push(resumed);
      } else passes.push(...(await runner.runModel(model, target)));
    }
    // The first pass reads every contact (their attention times are not known yet), the others the due ones.
    expect(passes.map((p) => p?.mode)).toEqual(['all', 'due', 'due', 'due', 'due', 'due', 'due']);
    expect(passes[0]?.scanned).toBe(1_500);
    const dueReads = passes.slice(1).map((p) => p?.scanned ?? 0);
    // Five minutes after a pass, few published hundredths have moved.
    expect(Math.min(...dueReads)).toBeLessThan(500);
    expect(Math.max(...dueReads)).toBeGreaterThan(0);

    const outbox = new Map((await outboxOf(model.workspace)).map((e) => [e.id, e.data]));
    expect([...outbox.keys()].sort()).toEqual([...published.keys()].sort());
    const problems: string[] = [];
    for (const [id, data] of published) problems.push(...closeDeep(outbox.get(id), data, id));
    const stored = await storedStates(dataSource, model.workspace, model.id);
    for (const [contact, state] of expected) {
      const row = stored.get(contact);
      problems.push(
        ...closeDeep(
          {
            reported: (row?.state as ContactScoreState | undefined)?.reported,
            total: row?.total,
            tier: row?.tier,
          },
          { reported: state.reported, total: state.reported?.total ?? 0, tier: state.reported?.tier ?? null },
          contact,
        ),
      );
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(published.size).toBeGreaterThan(1_000);

    // A new model version is read in full once: the attention times were computed under the old one.
    const changed = { ...model, version: 2, inactivity: [] };
    await scoringModelRepository.record(dataSource.manager, {
      workspaceId: model.workspace,
      modelId: model.id,
      version: 2,
      document: changed,
      appliedAt: new Date(days(24)),
    });
    const [full] = await runner.runModel(changed, days(25));
    expect(full).toMatchObject({ mode: 'all', scanned: 1_500 });
    const [due] = await runner.runModel(changed, days(25) + hours(1));
    expect(due?.mode).toBe('due');
  });

  it('ONTRAPORT: explicit 35 stays while behavioral 33 falls 2 % a day over 30 scheduled days', async () => {
    const model = exampleModel('ontraport.yaml', 'ontraport');
    let state = refit(
      model,
      emptyState(model, T0),
      { jobTitle: 'CEO', state: 'Colorado', purchaseTimeframe: 'Within 30 days' },
      T0,
    ).state;
    state = applyEvent(
      model,
      state,
      { id: 'e1', type: 'email.clicked', data: { url: 'https://acme.test/offer' } },
      T0,
    ).state;
    state = applyEvent(
      model,
      state,
      { id: 'e2', type: 'web.page_viewed', data: { path: '/pricing' } },
      T0,
    ).state;
    state = applyEvent(
      model,
      state,
      { id: 'e3', type: 'web.page_viewed', data: { path: '/members/home' } },
      T0,
    ).state;
    expect(state.reported).toMatchObject({ fit: 35, engagement: 33, total: 68 });
    await seed(dataSource, model, new Map([['ceo', state]]));
    const firstSequence = state.sequence;

    let now = T0;
    await asLeader(
      () => now,
      async (r) => {
        for (let day = 1; day <= 30; day += 1) {
          now = days(day); // 09:00 UTC: the model's 03:00 schedule fired 6 h before.
          const ours = async () => (await r.runScheduled()).filter((p) => p.workspace === 'ontraport');
          const [pass] = await ours();
          expect(pass).toMatchObject({ ran: true, target: days(day) - 6 * 3_600_000 });
          // A second check the same day finds the pass done.
          expect(await ours()).toEqual([expect.objectContaining({ ran: false })]);
        }
      },
    );

    const row = (await storedStates(dataSource, 'ontraport', 'ontraport')).get('ceo');
    const elapsedDays = 30 - 0.25;
    expect(row?.fit).toBe(35);
    expect(row?.engagement).toBeCloseTo(33 * 0.98 ** elapsedDays, 2);
    const published = (await decayOutbox(dataSource)).filter((m) => m.topic === topic && m.published);
    const events = (await readTopic(kafka, topic, published.length, 120_000))
      .map((m) => JSON.parse(m.value?.toString('utf8') ?? '') as ScoreChangedEvent)
      .filter((e) => e.workspace === 'ontraport');
    expect(events.map((e) => e.data.sequence)).toEqual(
      Array.from({ length: 30 }, (_, i) => firstSequence + i + 1),
    );
    for (const [i, event] of events.entries()) {
      expect(event.data.cause).toEqual({ type: 'decay' });
      expect(event.data.current.fit).toBe(35);
      expect(event.data.current.engagement).toBeCloseTo(33 * 0.98 ** (i + 1 - 0.25), 2);
    }
  });

  it('expires points exactly at the end of their lifetime', async () => {
    const model: ScoringModel = {
      id: 'expiry',
      version: 1,
      workspace: 'expiry',
      name: 'Expiry',
      engagement: [{ id: 'demo', event: 'web.form_submitted', points: 10, expiresAfterDays: 3 }],
    };
    const state = applyEvent(
      model,
      emptyState(model, T0),
      { id: 'f1', type: 'web.form_submitted', data: {} },
      T0,
    ).state;
    await seed(dataSource, model, new Map([['c1', state]]));
    await asLeader(
      () => T0,
      async (r) => {
        await r.runNow({ workspace: 'expiry', at: days(3) - 1 });
        expect((await storedStates(dataSource, 'expiry', 'expiry')).get('c1')?.engagement).toBe(10);
        expect(await outboxOf('expiry')).toEqual([]);
        await r.runNow({ workspace: 'expiry', at: days(3) });
      },
    );
    const row = (await storedStates(dataSource, 'expiry', 'expiry')).get('c1');
    expect(row?.engagement).toBe(0);
    expect((row?.state as ContactScoreState).awards).toEqual([]);
    const events = await outboxOf('expiry');
    expect(events.map((e) => [e.data.cause.type, e.time, e.data.current.engagement])).toEqual([
      ['expiry', new Date(days(3)).toISOString(), 0],
    ]);
  });

  it('writes nothing once the leader lock is gone: every range is fenced by the lease', async () => {
    const model: ScoringModel = {
      id: 'fenced',
      version: 1,
      workspace: 'fenced',
      name: 'Fenced',
      engagement: [{ id: 'click', event: 'email.clicked', points: 20 }],
      decay: { percentPerDay: 10 },
    };
    const state = applyEvent(
      model,
      emptyState(model, T0),
      { id: 'f', type: 'email.clicked', data: {} },
      T0,
    ).state;
    await seed(dataSource, model, new Map([['c1', state]]));
    const before = await storedStates(dataSource, 'fenced', 'fenced');
    const lease = await tryAcquireLeaderLease(dataSource, 'leadscore-test-decay-fence');
    const runner = new DecayRunner({ dataSource, logger, fence: (sql) => lease!.assertHeld(sql) });
    // The lock's connection goes (as when the database drops it): this replica is no longer the leader.
    await dataSource.query('SELECT pg_terminate_backend($1)', [lease!.backendPid]);
    await expect(runner.runModel(model, days(3))).rejects.toBeInstanceOf(LeadershipLostError);
    expect(await storedStates(dataSource, 'fenced', 'fenced')).toEqual(before);
    expect(await outboxOf('fenced')).toEqual([]);
    await lease!.release().catch(() => undefined);
  });

  it('applies an inactivity penalty once per window however often it runs, and a one-off rule once', async () => {
    const model: ScoringModel = {
      id: 'quiet',
      version: 1,
      workspace: 'quiet',
      name: 'Inactivity',
      engagement: [{ id: 'click', event: 'email.clicked', points: 20 }],
      inactivity: [
        { id: 'every-2-days', afterDays: 2, points: -1, repeat: true },
        { id: 'once-after-5', afterDays: 5, points: -4 },
      ],
    };
    const state = applyEvent(
      model,
      emptyState(model, T0),
      { id: 'k', type: 'email.clicked', data: {} },
      T0,
    ).state;
    await seed(dataSource, model, new Map([['c1', state]]));
    await asLeader(
      () => T0,
      async (r) => {
        // Four runs a day for a week.
        for (let quarter = 1; quarter <= 28; quarter += 1)
          await r.runNow({ workspace: 'quiet', at: days(quarter / 4) });
      },
    );
    const row = (await storedStates(dataSource, 'quiet', 'quiet')).get('c1');
    // Penalties at days 2, 4 and 6 (repeat) and 5 (once): 20 − 3 − 4.
    expect(row?.engagement).toBe(13);
    const events = await outboxOf('quiet');
    expect(events.map((e) => [e.data.cause.type, e.data.current.engagement])).toEqual([
      ['inactivity', 19],
      ['inactivity', 18],
      ['inactivity', 14],
      ['inactivity', 13],
    ]);
  });

  it('fires an absence rule once, when its window ends without the follow-up', async () => {
    const model = exampleModel('webinar.yaml', 'absence');
    let state = emptyState(model, T0);
    state = applyEvent(
      model,
      state,
      { id: 'reg', type: 'webinar.registered', data: { webinar_id: 'w1' } },
      T0,
    ).state;
    await seed(dataSource, model, new Map([['c1', state]]));
    await asLeader(
      () => T0,
      async (r) => {
        for (let hour = 1; hour <= 10 * 24; hour += 7)
          await r.runNow({ workspace: 'absence', at: T0 + hour * 3_600_000 });
      },
    );
    const events = await outboxOf('absence');
    const absences = events.filter((e) => e.data.cause.type === 'absence');
    expect(absences).toHaveLength(1);
    // Due at registration + 7 days; the run that found it was the first at or after that.
    expect(Date.parse(absences[0]!.time)).toBeGreaterThanOrEqual(days(7));
    expect(absences[0]!.data.contributions).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'webinar-no-show' })]),
    );
    const row = (await storedStates(dataSource, 'absence', 'webinar')).get('c1');
    expect((row?.state as ContactScoreState).pendingAbsences).toEqual([]);
    // Sequences are gapless across every cause.
    expect(events.map((e) => e.data.sequence)).toEqual(events.map((_, i) => state.sequence + i + 1));
  });
});

describe('schedules in the workspace’s time zone', () => {
  it('passes at 00:00 in the workspace’s zone unless the model names its own, and reports when the next pass is due', async () => {
    // A database of its own: the next-run-due gauge covers every model the runtime sees.
    const zonesDatabase = await createTestDatabase('decay-zones');
    const zonesSource = await openDatabase({ url: zonesDatabase.url, applicationName: 'decay-zones' });
    const zonesTopic = await createScoreChangedTopic(kafka);
    try {
      const midnight: ScoringModel = { ...richModel('berlin'), id: 'midnight' }; // no schedule
      const noonNewYork: ScoringModel = {
        ...richModel('berlin'),
        id: 'noon-ny',
        schedule: { cron: '0 12 * * *', timezone: 'America/New_York' },
      };
      for (const model of [midnight, noonNewYork]) {
        const clicked = applyEvent(
          model,
          emptyState(model, T0),
          { id: 'k', type: 'email.clicked', data: {} },
          T0,
        ).state;
        await seed(zonesSource, model, new Map([['c1', clicked]]));
      }
      const registry = createMetricsRegistry({ service: 'decay' });
      const nextRunDue = async () =>
        ((await registerMetrics(registry, DecayMetrics).nextRunDue.get()).values[0]?.value ?? 0) * 1000;
      let now = Date.parse('2026-01-20T23:30:00Z'); // 00:30 on the 21st in Berlin, 18:30 in New York
      const r = new DecayRuntime({
        dataSource: zonesSource,
        kafka,
        logger,
        registry,
        checkIntervalMs: 60_000,
        scoreChangedTopic: zonesTopic,
        clock: () => now,
        workspaceTimeZones: new Map([['berlin', 'Europe/Berlin']]),
      });
      await r.connectProducer();
      expect(await r.acquireLeadership()).toBe(true);
      try {
        const targets = async () =>
          Object.fromEntries(
            (await r.runScheduled()).map((p) => [p.modelId, [p.ran, new Date(p.target).toISOString()]]),
          );
        expect(await targets()).toEqual({
          midnight: [true, '2026-01-20T23:00:00.000Z'],
          'noon-ny': [true, '2026-01-20T17:00:00.000Z'],
        });
        expect(new Date(await nextRunDue()).toISOString()).toBe('2026-01-21T17:00:00.000Z');

        now = Date.parse('2026-01-21T17:30:00Z');
        expect(await targets()).toEqual({
          midnight: [false, '2026-01-20T23:00:00.000Z'],
          'noon-ny': [true, '2026-01-21T17:00:00.000Z'],
        });
        expect(new Date(await nextRunDue()).toISOString()).toBe('2026-01-21T23:00:00.000Z');

        // A model whose schedule cannot be read fails every check; the gauge stays at the first one.
        await seed(
          zonesSource,
          { ...richModel('berlin'), id: 'broken', schedule: { cron: '61 * * * *' } },
          new Map(),
        );
        now = Date.parse('2026-01-21T18:00:00Z');
        await expect(r.runScheduled()).rejects.toThrow(/berlin\/broken v1: schedule.cron "61/);
        expect(await nextRunDue()).toBe(now);
        now = Date.parse('2026-01-22T18:00:00Z');
        await expect(r.runScheduled()).rejects.toThrow(/berlin\/broken/);
        expect(new Date(await nextRunDue()).toISOString()).toBe('2026-01-21T18:00:00.000Z');
        // The others still ran: Berlin's midnight pass of the 22nd is done.
        const [run] = await zonesSource.query<{ target_at: Date }[]>(
          `SELECT target_at FROM decay_runs WHERE workspace_id = 'berlin' AND model_id = 'midnight'`,
        );
        expect(run?.target_at.toISOString()).toBe('2026-01-21T23:00:00.000Z');
      } finally {
        await r.stop();
      }
    } finally {
      await zonesSource.destroy();
      await zonesDatabase.drop();
    }
  });

  it('reads the zone set in the workspace’s settings at each check, before DECAY_WORKSPACE_TIME_ZONES', async () => {
    const zonesDatabase = await createTestDatabase('decay-settings-zones');
    const zonesSource = await openDatabase({
      url: zonesDatabase.url,
      applicationName: 'decay-settings-zones',
    });
    const zonesTopic = await createScoreChangedTopic(kafka);
    try {
      const tokyo = workspaceId('tokyo');
      await workspaceRepository.create(zonesSource.manager, {
        id: tokyo,
        name: 'Tokyo',
        createdAt: new Date(T0),
      });
      await workspaceSettingsRepository.change(
        zonesSource.manager,
        tokyo,
        { timeZone: 'Asia/Tokyo' },
        new Date(T0),
        'k',
      );
      const midnight: ScoringModel = { ...richModel('tokyo'), id: 'midnight' }; // no schedule
      const clicked = applyEvent(
        midnight,
        emptyState(midnight, T0),
        { id: 'k', type: 'email.clicked', data: {} },
        T0,
      ).state;
      await seed(zonesSource, midnight, new Map([['c1', clicked]]));
      let now = Date.parse('2026-01-20T16:30:00Z'); // 01:30 on the 21st in Tokyo, 17:30 on the 20th in Berlin
      const r = new DecayRuntime({
        dataSource: zonesSource,
        kafka,
        logger,
        registry: createMetricsRegistry({ service: 'decay' }),
        checkIntervalMs: 60_000,
        scoreChangedTopic: zonesTopic,
        clock: () => now,
        // The environment's zone: what applies once the settings set none.
        workspaceTimeZones: new Map([['tokyo', 'Europe/Berlin']]),
      });
      await r.connectProducer();
      expect(await r.acquireLeadership()).toBe(true);
      try {
        const pass = async () =>
          (await r.runScheduled()).map((p) => [p.ran, new Date(p.target).toISOString()]);
        // Tokyo's midnight of the 21st, from the settings.
        expect(await pass()).toEqual([[true, '2026-01-20T15:00:00.000Z']]);

        // Unset through the settings: from the next check on, Berlin's midnight (the environment's).
        await workspaceSettingsRepository.change(
          zonesSource.manager,
          tokyo,
          { timeZone: null },
          new Date(T0),
          'k',
        );
        now = Date.parse('2026-01-20T23:30:00Z');
        expect(await pass()).toEqual([[true, '2026-01-20T23:00:00.000Z']]);

        // Set again: Tokyo's midnight of the 22nd (15:00 UTC on the 21st) is due; Berlin's would not be.
        await workspaceSettingsRepository.change(
          zonesSource.manager,
          tokyo,
          { timeZone: 'Asia/Tokyo' },
          new Date(T0),
          'k',
        );
        now = Date.parse('2026-01-21T15:30:00Z');
        expect(await pass()).toEqual([[true, '2026-01-21T15:00:00.000Z']]);
      } finally {
        await r.stop();
      }
    } finally {
      await zonesSource.destroy();
      await zonesDatabase.drop();
    }
  });
});
