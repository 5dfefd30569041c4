// Reading scores at scale: the built api (services/api/dist/main.js, a process, over HTTP) answering a
// leaderboard's first page, a deep page (the cursor half way down), a contact read and a score
// distribution, over BENCH_CONTACTS contacts of one model (default 1,000,000, with 100,000 ranks
// rewritten after the last VACUUM, as a live scorer leaves them). Each case's floor, in the same run
// against the same database: a bare Fastify server (reads-floor.server.ts) that authenticates the same
// key by its hash and fetches the very rows the api's answer shows by primary key, computing nothing.
// Printed ratio: api/floor (target ≥ 0.7). The api runs with its default 5 s stats cache; the
// distribution is also measured with the cache off (API_SCORE_STATS_MAX_AGE_MS=0: median and
// percentiles found on every request, the cost of each refresh). A context line sets one median computation beside the
// naive `ORDER BY total OFFSET n/2` it replaces.
// Build: npm run build   Run: node tools/bench/dist/reads.bench.js
// (knobs: BENCH_CONTACTS, BENCH_REWRITES, BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_ROUNDS, BENCH_API_NODE_ARGS,
// BENCH_CASES=first,deep,contact,distribution,distribution-uncached)
import { join } from 'node:path';
import { LOCAL_DEV_KEYS, LOCAL_WORKSPACE_ID } from '@leadscore/access';
import type { ScoringModel } from '@leadscore/contracts';
import {
  contactRankRepository,
  openDatabase,
  scoringModelRepository,
  type DataSource,
  type SqlRunner,
} from '@leadscore/persistence';
import { DAY_MS, applyEvent, emptyState, rankOf, refit, type ContactScoreState } from '@leadscore/scoring';
import { seedLocalWorkspace } from '@leadscore/stack';
import { freePort, workspaceRoot } from '@leadscore/testing';
import { runBenchmark } from './benchmark.harness.js';
import { load, startServer, stop, type ServerProcess } from './http-bench.fixtures.js';
import { withDatabase } from './postgres-bench.fixtures.js';
import type { FloorRows } from './reads-floor.server.js';

const CONTACTS = Number(process.env['BENCH_CONTACTS'] ?? 1_000_000);
const REWRITES = Number(process.env['BENCH_REWRITES'] ?? Math.min(100_000, CONTACTS / 10));
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 4);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 1);
// Node flags for the api processes, e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
const API_NODE_ARGS = (process.env['BENCH_API_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
// Which cases to run (default all): first, deep, contact, distribution, distribution-uncached.
const CASES = process.env['BENCH_CASES']?.split(',').map((c) => c.trim());
const TEMPLATES = 200;
const T0 = Date.UTC(2026, 10, 1);
const WORKSPACE = LOCAL_WORKSPACE_ID;
const SECRET = LOCAL_DEV_KEYS.find((k) => k.kind === 'secret')?.key ?? '';
const AUTHORIZATION = { authorization: `Bearer ${SECRET}` };

const MODEL: ScoringModel = {
  id: 'bench',
  version: 1,
  workspace: WORKSPACE,
  name: 'Reads benchmark (ONTRAPORT-like)',
  fit: [{ id: 'ceo', field: 'jobTitle', operator: 'equals', value: 'CEO', points: 15 }],
  engagement: [
    { id: 'click', event: 'email.clicked', points: 5, decay: { halfLifeDays: 30 } },
    { id: 'pricing', event: 'web.page_viewed', points: 10, expiresAfterDays: 90 },
    { id: 'reply', event: 'sms.replied', points: 18, limits: { perDay: 1 } },
  ],
  inactivity: [{ id: 'quiet', afterDays: 60, points: -5 }],
  tiers: { warm: 30, hot: 60 },
  grades: [
    { grade: 'A', min: 15 },
    { grade: 'B', max: 15 },
  ],
};

const contactId = (n: number) => `email:c${String(n).padStart(8, '0')}@example.com`;

/** States of varied histories: 1 to 12 events over 40 days, some with a CEO's fit. */
function templates(): ContactScoreState[] {
  const types = ['email.clicked', 'web.page_viewed', 'sms.replied'];
  return Array.from({ length: TEMPLATES }, (_, t) => {
    let state = emptyState(MODEL, T0);
    if (t % 3 === 0) state = refit(MODEL, state, { jobTitle: 'CEO' }, T0).state;
    for (let e = 0; e <= t % 12; e += 1) {
      const at = T0 + ((t * 7 + e * 3) % 40) * DAY_MS + e * 3_600_000;
      state = applyEvent(
        MODEL,
        state,
        { id: `t${t}e${e}`, type: types[(t + e) % 3] ?? 'email.clicked', data: {} },
        Math.max(at, state.asOf),
      ).state;
    }
    return state;
  });
}

/**
 * One model's contacts as the scorer leaves them: contact_scores from the templates, their ranks (the
 * template's unrounded total, spread by up to a point so that totals are continuous as well as tied),
 * the histogram, 30 % of them staged by threshold; then VACUUM ANALYZE, and REWRITES ranks rewritten.
 */
async function seed(dataSource: DataSource): Promise<void> {
  await scoringModelRepository.record(dataSource.manager, {
    workspaceId: WORKSPACE,
    modelId: MODEL.id,
    version: 1,
    document: MODEL,
    appliedAt: new Date(T0),
  });
  const states = templates();
  const ranks = states.map((state) => rankOf(MODEL, state));
  await dataSource.query(
    `INSERT INTO contact_scores
       (workspace_id, model_id, contact_id, model_version, sequence, fit, engagement, total, tier, grade, state, updated_at)
     SELECT $1, $2, 'email:c' || lpad(i::text, 8, '0') || '@example.com', 1, (t.s->>'sequence')::bigint,
            (t.s->'reported'->>'fit')::float8, (t.s->'reported'->>'engagement')::float8,
            (t.s->'reported'->>'total')::float8, t.s->'reported'->>'tier', t.s->'reported'->>'grade', t.s,
            to_timestamp((t.s->>'asOf')::float8 / 1000)
     FROM generate_series(1, $3) AS i
     JOIN (SELECT ord - 1 AS k, s FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS a(s, ord)) t
       ON t.k = i % ${TEMPLATES}`,
    [WORKSPACE, MODEL.id, CONTACTS, JSON.stringify(states)],
  );
  await dataSource.query(
    `INSERT INTO contact_ranks (workspace_id, model_id, contact_id, total, tier, grade, model_version, as_of)
     SELECT s.workspace_id, s.model_id, s.contact_id,
            (r.rank->>'total')::float8 + CASE WHEN i % 2 = 0 THEN (i % 1000) / 1000.0 ELSE 0 END,
            coalesce(r.rank->>'tier', ''), r.rank->>'grade', 1, s.updated_at
     FROM generate_series(1, $3) AS i
     JOIN contact_scores s ON s.workspace_id = $1 AND s.model_id = $2
       AND s.contact_id = 'email:c' || lpad(i::text, 8, '0') || '@example.com'
     JOIN (SELECT ord - 1 AS k, rank FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS a(rank, ord)) r
       ON r.k = i % ${TEMPLATES}`,
    [WORKSPACE, MODEL.id, CONTACTS, JSON.stringify(ranks)],
  );
  await dataSource.query(
    `INSERT INTO score_histogram (workspace_id, model_id, shard, bucket, contacts)
     SELECT workspace_id, model_id, 'backfill', score_bucket(total), count(*) FROM contact_ranks GROUP BY 1, 2, 4`,
  );
  await dataSource.query(
    `INSERT INTO lifecycle_states (workspace_id, model_id, contact_id, stage, tier, grade, last_sequence, model_version, scores, updated_at)
     SELECT workspace_id, model_id, contact_id, CASE WHEN hashtext(contact_id) % 2 = 0 THEN 'mql' ELSE 'sql' END,
            CASE WHEN tier = '' THEN 'cold' ELSE tier END, grade, 1, 1, '{}', as_of
     FROM contact_ranks WHERE abs(hashtext(contact_id)) % 10 < 3`,
  );
  await dataSource.query('VACUUM ANALYZE contact_scores, contact_ranks, score_histogram, lifecycle_states');
  // Churn since the last VACUUM, through the statement the scorer sends: reads pay heap visibility checks.
  for (let done = 0; done < REWRITES; done += 4_000) {
    const rows = Array.from({ length: Math.min(4_000, REWRITES - done) }, (_, k) => {
      const n = 1 + (((done + k) * 7_919) % CONTACTS);
      const rank = ranks[n % TEMPLATES] ?? { total: 0, tier: null, grade: null };
      return {
        workspaceId: WORKSPACE,
        modelId: MODEL.id,
        contactId: contactId(n),
        rank: { ...rank, total: rank.total + ((done / 4_000) % 7) * 0.37 },
        modelVersion: 1,
        asOf: new Date(T0 + 41 * DAY_MS),
        attentionAt: null,
      };
    });
    await dataSource.transaction((sql) => contactRankRepository.write(sql, rows, 'scorer:0'));
  }
}

interface PageAnswer {
  readonly entries: { contact: string }[];
  readonly nextCursor: string | null;
}

async function getJson<T>(port: number, path: string): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: AUTHORIZATION });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function startApi(databaseUrl: string, unusedPort: number, statsMaxAgeMs: number): Promise<ServerProcess> {
  return startServer([...API_NODE_ARGS, join(workspaceRoot(), 'services/api/dist/main.js')], {
    NODE_ENV: 'development',
    LOG_LEVEL: 'error',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    // The reads need no broker: nothing listens here, and the routes that publish are not called.
    KAFKA_BROKERS: `127.0.0.1:${unusedPort}`,
    API_RATE_LIMIT_PER_SECOND: '1000000',
    API_RATE_LIMIT_BURST: '1000000',
    API_SCORE_STATS_MAX_AGE_MS: String(statsMaxAgeMs),
  });
}

await withDatabase('bench_reads', async (url) => {
  // The local workspace and its development keys, as npm start seeds them (the api takes sk_local_dev).
  await seedLocalWorkspace(url, 'bench console password', new Date(T0));
  const dataSource = await openDatabase({ url, applicationName: 'bench-reads', poolSize: 4 });
  const servers: ServerProcess[] = [];
  try {
    const started = performance.now();
    await seed(dataSource);
    process.stdout.write(
      `seeded ${CONTACTS.toLocaleString('en-US')} contacts and ${REWRITES.toLocaleString('en-US')} rank rewrites in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    const noBroker = await freePort();
    const api = await startApi(url, noBroker, 5_000);
    const apiUncached = await startApi(url, noBroker, 0);
    servers.push(api, apiUncached);

    // The pages the cases read: the first, and the one half way down (walked to, 200 entries a request).
    const leaderboard = `/v1/models/${MODEL.id}/leaderboard`;
    const first = await getJson<PageAnswer>(api.port, `${leaderboard}?limit=50`);
    let cursor = first.nextCursor;
    for (let seen = 0; seen < CONTACTS / 2 - 200 && cursor; seen += 200)
      cursor = (await getJson<PageAnswer>(api.port, `${leaderboard}?limit=200&cursor=${cursor}`)).nextCursor;
    const deepPath = `${leaderboard}?limit=50&cursor=${cursor ?? ''}`;
    const deep = await getJson<PageAnswer>(api.port, deepPath);
    const contact = deep.entries[7]?.contact ?? contactId(1);
    const rows: FloorRows = {
      workspace: WORKSPACE,
      model: MODEL.id,
      firstPage: first.entries.map((e) => e.contact),
      deepPage: deep.entries.map((e) => e.contact),
      contact,
      distributionContacts: deep.entries.slice(0, 11).map((e) => e.contact),
    };
    const floor = await startServer([join(workspaceRoot(), 'tools/bench/dist/reads-floor.server.js')], {
      DATABASE_URL: url,
      BENCH_FLOOR_ROWS: JSON.stringify(rows),
    });
    servers.push(floor);

    const cases = [
      {
        id: 'first',
        name: 'leaderboard first page',
        api,
        path: `${leaderboard}?limit=50`,
        floorPath: '/first',
      },
      {
        id: 'deep',
        name: `leaderboard deep page (half way down, rank ${Math.round(CONTACTS / 2).toLocaleString('en-US')})`,
        api,
        path: deepPath,
        floorPath: '/deep',
      },
      {
        id: 'contact',
        name: 'contact read',
        api,
        path: `/v1/contacts/${encodeURIComponent(contact)}`,
        floorPath: '/contact',
      },
      {
        id: 'distribution',
        name: 'distribution, as served (stats kept 5 s)',
        api,
        path: `/v1/models/${MODEL.id}/distribution`,
        floorPath: '/distribution',
      },
      {
        id: 'distribution-uncached',
        name: 'distribution, computed per request (no cache)',
        api: apiUncached,
        path: `/v1/models/${MODEL.id}/distribution`,
        floorPath: '/distribution',
      },
    ];
    for (const c of cases.filter((c) => !CASES || CASES.includes(c.id))) {
      const options = (port: number, path: string) => ({
        url: `http://127.0.0.1:${port}${path}`,
        headers: AUTHORIZATION,
        connections: CONNECTIONS,
        duration: SECONDS,
      });
      // Warm both (connections, plans, caches) before measuring.
      await load({ ...options(c.api.port, c.path), duration: 1 }, 1);
      await load({ ...options(floor.port, c.floorPath), duration: 1 }, 1);
      await runBenchmark({
        name: `reads: ${c.name}, ${CONTACTS.toLocaleString('en-US')} contacts, ${CONNECTIONS} connections`,
        units: 'req',
        rounds: ROUNDS,
        baseline: {
          name: 'pk-fetch-floor',
          run: () => load(options(floor.port, c.floorPath), 1, { floor: floor.child.pid ?? -1 }),
        },
        subject: {
          name: 'api',
          run: () => load(options(c.api.port, c.path), 1, { api: c.api.child.pid ?? -1 }),
        },
      });
    }

    // Where a page's PostgreSQL time goes: planning the four merged tier ranges vs running them.
    const timings: { planning: number; execution: number }[] = [];
    const explaining = {
      query: async (text: string, parameters?: unknown[]) => {
        const [row] = await dataSource.query<
          { 'QUERY PLAN': { 'Planning Time': number; 'Execution Time': number }[] }[]
        >(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, parameters);
        const plan = row?.['QUERY PLAN'][0];
        if (plan) timings.push({ planning: plan['Planning Time'], execution: plan['Execution Time'] });
        return [];
      },
    } as SqlRunner;
    for (let i = 0; i < 20; i += 1)
      await contactRankRepository.page(explaining, {
        workspaceId: WORKSPACE,
        modelId: MODEL.id,
        limit: 50,
        scanBudget: 10_000,
      });
    const mean = (pick: (t: { planning: number; execution: number }) => number) =>
      (timings.slice(5).reduce((sum, t) => sum + pick(t), 0) / Math.max(1, timings.length - 5)).toFixed(3);
    process.stdout.write(
      `context  a first page's statement in PostgreSQL (EXPLAIN ANALYZE, mean of 15): planning ${mean((t) => t.planning)} ms, execution ${mean((t) => t.execution)} ms\n`,
    );

    // What the histogram saves: the median by sorting (the index in order, skipping half of it) vs by
    // the histogram and the index.
    const naiveStarted = performance.now();
    await dataSource.query(
      `SELECT total FROM contact_ranks WHERE workspace_id = $1 AND model_id = $2
       ORDER BY total, contact_id OFFSET $3 LIMIT 1`,
      [WORKSPACE, MODEL.id, Math.floor((CONTACTS - 1) / 2)],
    );
    const naiveMs = performance.now() - naiveStarted;
    const histogramStarted = performance.now();
    await dataSource.transaction('REPEATABLE READ', (sql) =>
      contactRankRepository.orderStatistics(sql, WORKSPACE, MODEL.id, (n) => [Math.floor((n - 1) / 2)]),
    );
    const histogramMs = performance.now() - histogramStarted;
    process.stdout.write(
      `context  one median of ${CONTACTS.toLocaleString('en-US')} totals: ORDER BY … OFFSET ${naiveMs.toFixed(1)} ms, histogram + index ${histogramMs.toFixed(1)} ms\n`,
    );
  } finally {
    for (const server of servers) await stop(server.child);
    await dataSource.destroy();
  }
});
