import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@leadscore/testing';
import {
  contactRankRepository,
  lifecycleStateRepository,
  openDatabase,
  type ContactRank,
  type ContactRankRow,
  type DataSource,
  type DueContact,
  type LeaderboardQuery,
  type SqlRunner,
} from '../src/index.js';

let database: TestDatabase;
let dataSource: DataSource;

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORKSPACES = ['ws-a', 'ws-b'];
/** `continuous`: unrounded totals; `whole`: whole points, ties everywhere, and no tiers. */
const MODELS = ['continuous', 'whole'];
const CONTACTS = 5_000;
const GRADES = ['A', 'B', 'C', null];
const T0 = Date.parse('2026-11-01T00:00:00Z');

const tierOf = (total: number): ContactRank['tier'] => (total >= 50 ? 'hot' : total >= 10 ? 'warm' : 'cold');

function rankRow(workspaceId: string, modelId: string, n: number, draw: () => number): ContactRankRow {
  const total =
    modelId === 'whole'
      ? Math.floor(draw() * 40) - 10
      : n === 0
        ? 2_500_000 // beyond the highest bucket
        : n === 1
          ? -3_000_000 // beyond the lowest
          : draw() * 140 - 20;
  return {
    workspaceId,
    modelId,
    contactId: `c${String(n).padStart(5, '0')}`,
    rank: {
      total,
      tier: modelId === 'whole' ? null : tierOf(total),
      grade: GRADES[Math.floor(draw() * GRADES.length)] ?? null,
    },
    modelVersion: 1,
    asOf: new Date(T0 + Math.floor(draw() * 30) * 86_400_000),
    attentionAt: null,
  };
}

/** What the tables should hold, kept beside them in memory. */
const expected = new Map<string, ContactRankRow>();
const keyOf = (r: Pick<ContactRankRow, 'workspaceId' | 'modelId' | 'contactId'>) =>
  `${r.workspaceId}/${r.modelId}/${r.contactId}`;
const stages = new Map<string, string>();

async function write(rows: ContactRankRow[], shard: string): Promise<void> {
  await dataSource.transaction((sql) => contactRankRepository.write(sql, rows, shard));
  for (const row of rows) expected.set(keyOf(row), row);
}

/** Leaderboard order: total descending, then contact id descending (byte order, as the C collation). */
function leaderboard(workspaceId: string, modelId: string): ContactRankRow[] {
  return [...expected.values()]
    .filter((r) => r.workspaceId === workspaceId && r.modelId === modelId)
    .sort((a, b) => b.rank.total - a.rank.total || (a.contactId < b.contactId ? 1 : -1));
}

/** Every entry of a leaderboard, page by page. */
async function walk(query: Omit<LeaderboardQuery, 'after'>, sql: SqlRunner = dataSource.manager) {
  const seen: string[] = [];
  let after: LeaderboardQuery['after'];
  let pages = 0;
  let partialPages = 0;
  for (;;) {
    const page = await contactRankRepository.page(sql, { ...query, after });
    seen.push(...page.entries.map((e) => e.contactId));
    pages += 1;
    if (page.partial) partialPages += 1;
    if (!page.next) break;
    after = page.next;
  }
  return { seen, pages, partialPages };
}

beforeAll(async () => {
  database = await createTestDatabase('contact-ranks');
  dataSource = await openDatabase({ url: database.url });
  const draw = random(42);
  for (const workspaceId of WORKSPACES)
    for (const modelId of MODELS) {
      const rows = Array.from({ length: CONTACTS }, (_, n) => rankRow(workspaceId, modelId, n, draw));
      for (let i = 0; i < rows.length; i += 1_000)
        await write(rows.slice(i, i + 1_000), `scorer:${(i / 1_000) % 2}`);
    }
  const staged = [...expected.values()].filter((_, i) => i % 3 === 0);
  await lifecycleStateRepository.upsertMany(
    dataSource.manager,
    staged.map((r, i) => ({
      workspaceId: r.workspaceId,
      modelId: r.modelId,
      contactId: r.contactId,
      stage: i % 2 === 0 ? 'mql' : 'sql',
      tier: r.rank.tier ?? 'cold',
      tierName: null,
      grade: r.rank.grade,
      salesAccepted: false,
      lastSequence: 1,
      modelVersion: 1,
      scores: {},
    })),
    new Date(T0),
  );
  staged.forEach((r, i) => stages.set(keyOf(r), i % 2 === 0 ? 'mql' : 'sql'));
  await dataSource.query('ANALYZE contact_ranks; ANALYZE score_histogram; ANALYZE lifecycle_states');
}, 120_000);

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('the histogram', () => {
  async function histogramMatchesRanks(): Promise<void> {
    for (const workspaceId of WORKSPACES)
      for (const modelId of MODELS) {
        const buckets = new Map<number, number>();
        for (const row of leaderboard(workspaceId, modelId)) {
          const bucket = Math.max(-1_000_000, Math.min(1_000_000, Math.floor(row.rank.total)));
          buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
        }
        const stored = await contactRankRepository.histogram(dataSource.manager, workspaceId, modelId);
        expect(stored).toEqual(
          [...buckets].sort(([a], [b]) => a - b).map(([bucket, contacts]) => ({ bucket, contacts })),
        );
      }
  }

  it('counts every contact in the bucket of its total, summed over shards', async () => {
    await histogramMatchesRanks();
  });

  it('stays exact while two shards move contacts between buckets, tiers and models', async () => {
    const draw = random(7);
    for (let batch = 0; batch < 40; batch += 1) {
      const picked = new Map<string, ContactRankRow>();
      for (let i = 0; i < 150; i += 1) {
        const workspaceId = WORKSPACES[Math.floor(draw() * 2)] ?? 'ws-a';
        const modelId = MODELS[Math.floor(draw() * 2)] ?? 'whole';
        const n = 2 + Math.floor(draw() * 300); // a small range, so batches revisit contacts
        const row = rankRow(workspaceId, modelId, n, draw);
        // Some rewrites leave the total as it was (they must not count twice).
        const same = expected.get(keyOf(row));
        picked.set(keyOf(row), draw() < 0.2 && same ? same : row);
      }
      await write([...picked.values()], batch % 2 === 0 ? 'scorer:0' : 'decay');
    }
    await histogramMatchesRanks();
    const shards = await dataSource.query<{ shard: string }[]>(
      'SELECT DISTINCT shard FROM score_histogram ORDER BY shard',
    );
    expect(shards.map((s) => s.shard)).toEqual(['decay', 'scorer:0', 'scorer:1']);
  });

  it('does not rewrite a rank that did not change', async () => {
    const unchanged = leaderboard('ws-a', 'continuous').slice(0, 100);
    const updated = await dataSource.transaction(async (sql) => {
      const read = async () =>
        (
          await sql.query<{ updated: number }[]>(
            `SELECT pg_stat_get_xact_tuples_updated('contact_ranks'::regclass)::int AS updated`,
          )
        )[0]?.updated ?? 0;
      const before = await read();
      await contactRankRepository.write(sql, unchanged, 'scorer:0');
      return (await read()) - before;
    });
    expect(updated).toBe(0);
    await histogramMatchesRanks();
  });
});

describe('leaderboard pages', () => {
  it('walk every contact of a model once, in order, and nothing of another model or workspace', async () => {
    const { seen } = await walk({
      workspaceId: 'ws-a',
      modelId: 'continuous',
      limit: 137,
      scanBudget: 1_000,
    });
    expect(seen).toEqual(leaderboard('ws-a', 'continuous').map((r) => r.contactId));
    const whole = await walk({ workspaceId: 'ws-b', modelId: 'whole', limit: 500, scanBudget: 1_000 });
    expect(whole.seen).toEqual(leaderboard('ws-b', 'whole').map((r) => r.contactId));
  });

  it('filter by tier, grade, stage and time, page by page within the scan budget', async () => {
    const since = new Date(T0 + 20 * 86_400_000);
    const query = {
      workspaceId: 'ws-b',
      modelId: 'continuous',
      limit: 40,
      tiers: ['warm', 'cold'] as ContactRank['tier'][],
      grades: ['A', 'B'],
      stages: ['lead', 'mql'],
      updatedSince: since,
      scanBudget: 300,
    };
    const { seen, partialPages } = await walk(query);
    const wanted = leaderboard('ws-b', 'continuous').filter(
      (r) =>
        (r.rank.tier === 'warm' || r.rank.tier === 'cold') &&
        (r.rank.grade === 'A' || r.rank.grade === 'B') &&
        ['lead', 'mql'].includes(stages.get(keyOf(r)) ?? 'lead') &&
        r.asOf >= since,
    );
    expect(wanted.length).toBeGreaterThan(50);
    expect(seen).toEqual(wanted.map((r) => r.contactId));
    // The filters keep about one contact in twenty: 300 examined rows cannot fill 40 entries.
    expect(partialPages).toBeGreaterThan(0);
  });

  it('select the contacts of a model without tiers with tier null', async () => {
    const { seen } = await walk({
      workspaceId: 'ws-a',
      modelId: 'whole',
      limit: 1_000,
      tiers: [null],
      scanBudget: 10,
    });
    expect(seen).toHaveLength(leaderboard('ws-a', 'whole').length);
    const none = await walk({
      workspaceId: 'ws-a',
      modelId: 'whole',
      limit: 10,
      tiers: ['hot'],
      scanBudget: 10,
    });
    expect(none.seen).toEqual([]);
  });
});

describe('order statistics', () => {
  it('find the total at any position from the histogram and the index, ties or not', async () => {
    for (const modelId of MODELS) {
      const ascending = leaderboard('ws-a', modelId)
        .map((r) => r.rank.total)
        .reverse();
      const positions = [
        0,
        1,
        2,
        17,
        Math.floor((ascending.length - 1) / 2),
        ascending.length - 3,
        ascending.length - 1,
      ];
      const stats = await dataSource.transaction('REPEATABLE READ', (sql) =>
        contactRankRepository.orderStatistics(sql, 'ws-a', modelId, () => positions),
      );
      expect(stats.count).toBe(ascending.length);
      expect(stats.totals).toEqual(positions.map((p) => ascending[p]));
    }
  });

  it('are empty for a model nobody was scored under', async () => {
    const stats = await contactRankRepository.orderStatistics(dataSource.manager, 'ws-a', 'nobody', (n) => [
      n - 1,
    ]);
    expect(stats).toEqual({ count: 0, histogram: [], totals: [] });
  });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** Runs each query for real and also records its plan. */
class PlanRecorder implements SqlRunner {
  readonly plans: { sql: string; plan: PlanNode }[] = [];
  constructor(private readonly sql: SqlRunner) {}
  async query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T> {
    const explained = await this.sql.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
      `EXPLAIN (FORMAT JSON) ${sql}`,
      parameters,
    );
    const plan = explained[0]?.['QUERY PLAN'][0]?.Plan;
    if (plan) this.plans.push({ sql, plan });
    return this.sql.query<T>(sql, parameters);
  }
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** True when some path from `node` down to a scan of contact_ranks passes no Limit. */
function reachesRanksUnlimited(node: PlanNode): boolean {
  if (node['Node Type'] === 'Limit') return false;
  if (node['Relation Name'] === 'contact_ranks') return true;
  return (node.Plans ?? []).some(reachesRanksUnlimited);
}

describe('query plans at 20,000 contacts (EXPLAIN)', () => {
  it('read contact_ranks by index ranges only: no sequential scan, no sort of a model', async () => {
    const recorder = new PlanRecorder(dataSource.manager);
    const base = { workspaceId: 'ws-a', modelId: 'continuous', limit: 50, scanBudget: 1_000 };
    const first = await contactRankRepository.page(recorder, base);
    await contactRankRepository.page(recorder, { ...base, after: first.next ?? undefined });
    await contactRankRepository.page(recorder, { ...base, tiers: ['warm'] });
    await contactRankRepository.page(recorder, {
      ...base,
      grades: ['A'],
      stages: ['mql'],
      updatedSince: new Date(T0),
    });
    await contactRankRepository.top(recorder, 'ws-a', 'continuous');
    await contactRankRepository.orderStatistics(recorder, 'ws-a', 'continuous', (n) => [
      0,
      Math.floor((n - 1) / 2),
      n - 1,
    ]);
    await contactRankRepository.orderStatistics(recorder, 'ws-a', 'whole', (n) => [Math.floor((n - 1) / 2)]);
    // Three pages, a filtered page (its scan bound, then the page), the top, two histograms and two
    // order-statistics statements.
    expect(recorder.plans).toHaveLength(10);

    for (const { sql, plan } of recorder.plans) {
      const nodes = nodesOf(plan);
      const context = `${sql}\n${JSON.stringify(plan, null, 1)}`;
      // score_histogram holds a few hundred rows per model: reading this test's 1,100 whole is the
      // planner's right call; at scale its primary key serves the (workspace, model) prefix.
      const fullScans = nodes.filter(
        (n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] !== 'score_histogram',
      );
      expect([context, fullScans.length]).toEqual([context, 0]);
      const sortsOfModel = nodes.filter((n) => n['Node Type'] === 'Sort' && reachesRanksUnlimited(n));
      expect([context, sortsOfModel.length]).toEqual([context, 0]);
      for (const scan of nodes.filter((n) => n['Relation Name'] === 'contact_ranks')) {
        expect([context, scan['Index Name']]).toEqual([
          context,
          expect.stringMatching(/^contact_ranks_(order|pkey)$/),
        ]);
        expect([context, scan['Index Cond']]).toEqual([context, expect.stringContaining('workspace_id')]);
      }
    }
    const unfiltered = recorder.plans[0]?.plan;
    expect(unfiltered && nodesOf(unfiltered).some((n) => n['Node Type'] === 'Merge Append')).toBe(true);
  });

  it('find the contacts a decay pass must read through the attention index, earliest first', async () => {
    // The 5,000 contacts of ws-b/continuous; 1 in 50 has an attention time, a few of them by the pass time.
    const rows = leaderboard('ws-b', 'continuous').map((row, n) => ({
      ...row,
      attentionAt: n % 50 === 0 ? new Date(T0 + (n % 7) * 86_400_000 + n) : null,
    }));
    await write(rows, 'scorer:0');
    await dataSource.query('ANALYZE contact_ranks');
    const until = new Date(T0 + 2 * 86_400_000);
    const due = rows
      .filter((r) => r.attentionAt !== null && r.attentionAt <= until)
      .sort((a, b) => a.attentionAt!.getTime() - b.attentionAt!.getTime())
      .map((r) => r.contactId);
    expect(due.length).toBeGreaterThan(10);
    const recorder = new PlanRecorder(dataSource.manager);
    const dueFrom = async (after: DueContact | null, limit: number, sql: SqlRunner = recorder) =>
      (await contactRankRepository.dueContacts(sql, 'ws-b', 'continuous', until, after, limit)).map(
        (d) => d.contactId,
      );
    expect(await dueFrom(null, 100_000)).toEqual(due);
    // Page by page, keyset after the last one read.
    const paged: string[] = [];
    let after: DueContact | null = null;
    for (;;) {
      const page = await contactRankRepository.dueContacts(recorder, 'ws-b', 'continuous', until, after, 7);
      paged.push(...page.map((d) => d.contactId));
      if (page.length < 7) break;
      after = page[page.length - 1] ?? null;
    }
    expect(paged).toEqual(due);
    for (const { plan } of recorder.plans) {
      const scans = nodesOf(plan).filter((n) => n['Relation Name'] === 'contact_ranks');
      expect(scans.map((n) => n['Index Name'])).toEqual(['contact_ranks_attention']);
      expect(nodesOf(plan).some((n) => n['Node Type'] === 'Sort')).toBe(false);
    }
    // An attention time moved alone rewrites the row; cleared, the contact is due no more.
    const [first] = due;
    const firstRow = rows.find((r) => r.contactId === first)!;
    await write([{ ...firstRow, attentionAt: new Date(until.getTime() + 1) }], 'scorer:0');
    expect(await dueFrom(null, 1, dataSource.manager)).toEqual([due[1]]);
    await contactRankRepository.clearAttention(dataSource.manager, 'ws-b', 'continuous', due.slice(1));
    expect(await dueFrom(null, 10, dataSource.manager)).toEqual([]);
  });

  it('leave contact_scores with its primary key alone (its rewrites stay HOT)', async () => {
    const indexes = await dataSource.query<{ indexname: string }[]>(
      `SELECT indexname FROM pg_indexes WHERE tablename IN ('contact_scores', 'contact_ranks') ORDER BY indexname`,
    );
    expect(indexes.map((i) => i.indexname)).toEqual([
      'contact_ranks_attention',
      'contact_ranks_order',
      'contact_ranks_pkey',
      'contact_scores_pkey',
    ]);
  });
});
