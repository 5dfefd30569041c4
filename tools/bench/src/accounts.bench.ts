// Account roll-up throughput: the threshold service's roll-up (`rollUpAccounts`, loaded from the built
// service as other benches run built services) applying batches of member score changes — lock the
// members' rows, count each change once, move sums, read each account's highest members for top-N
// means, compute account scores, tiers and MQA, write members and accounts and the account changes'
// outbox rows, one transaction per batch — against its floor: the bare read and write of the same
// rows in the same transactions (members locked and upserted, accounts locked and updated; no roll-up,
// no highest-member reads, no outbox). Run twice: on accounts of 10 members and on accounts of 10,000
// (the same number of members in all), with the same batches' shape, so the cost of one member change
// can be compared across account sizes.
// Run: npm run build && npm run bench:accounts -w @leadscore/bench
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type AccountScoring, type ScoreChangedEvent } from '@leadscore/contracts';
import {
  accountMemberRepository,
  accountScoreRepository,
  openDatabase,
  scoringModelRepository,
  type DataSource,
  type SqlRunner,
} from '@leadscore/persistence';
import { workspaceRoot } from '@leadscore/testing';
import { formatRate, runBenchmark, type Measurement } from './benchmark.harness.js';
import { withDatabase } from './postgres-bench.fixtures.js';

// 500,000 members: 50 accounts of 10,000, so a batch touches 50 accounts in both cases.
const MEMBERS = Number(process.env['BENCH_MEMBERS'] ?? 500_000);
const CHANGES = Number(process.env['BENCH_CHANGES'] ?? 50_000);
/** A batch touches this many accounts, this many members of each (as a busy partition's batch might). */
const ACCOUNTS_PER_BATCH = 50;
const MEMBERS_PER_ACCOUNT_IN_BATCH = 10;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);
const WORKSPACE = 'bench';
const MODEL = 'accounts';
const SCORING: AccountScoring = {
  engagement: { rollup: 'topMean', top: 3 },
  fit: [{ id: 'software', field: 'industry', operator: 'equals', value: 'Software', points: 20 }],
  grades: [
    { grade: 'A', min: 20 },
    { grade: 'C', max: 20 },
  ],
  tiers: { warm: 40, hot: 80 },
  lifecycle: { mqa: { conditions: [{ metric: 'total', enter: 70, exit: 50 }] } },
};

/** What the bench uses of the built threshold service (its own module paths; tools may not import apps). */
interface ThresholdAccounts {
  rollUpAccounts(
    sql: SqlRunner,
    changes: readonly { event: ScoreChangedEvent; scoring: AccountScoring }[],
    now: Date,
  ): Promise<{ members: number; accounts: readonly unknown[] }>;
}
interface ThresholdWrites {
  LifecycleWrites: new (
    source: string,
    lifecycleTopic: string,
    subscriptionsOf: ReadonlyMap<string, never[]>,
    accountScoreTopic: string,
  ) => {
    recordAccount(output: unknown): void;
    commit(
      sql: SqlRunner,
      now: Date,
      group: string,
      batch: { topic: string; partition: number; nextOffset: string },
    ): Promise<void>;
  };
}

const built = (path: string) => pathToFileURL(join(workspaceRoot(), 'services/threshold/dist', path)).href;
const { rollUpAccounts } = (await import(built('accounts/account-rollup.js'))) as ThresholdAccounts;
const { LifecycleWrites } = (await import(built('lifecycle/lifecycle-writes.js'))) as ThresholdWrites;

/** Deterministic pseudo-random numbers (mulberry32), so both cases and every round see the same kind of data. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const contactOf = (member: number) => `c${String(member).padStart(8, '0')}`;

async function seed(dataSource: DataSource, membersPerAccount: number): Promise<void> {
  await dataSource.query(
    'TRUNCATE account_members, account_scores, account_profiles, outbox, consumer_offsets',
  );
  await scoringModelRepository.record(dataSource.manager, {
    workspaceId: WORKSPACE,
    modelId: MODEL,
    version: 1,
    document: { id: MODEL, version: 1, workspace: WORKSPACE, name: 'Accounts bench', accounts: SCORING },
    appliedAt: new Date(),
  });
  // Member m is in account ⌊m / size⌋ with engagement between -10 and 90 points (hundredths).
  await dataSource.query(
    `INSERT INTO account_members (workspace_id, model_id, contact_id, account_id, engagement_centi, sequence, updated_at)
     SELECT $1, $2, 'c' || lpad(m::text, 8, '0'), 'a' || (m / $4)::text, (random() * 10000 - 1000)::bigint, 1, now()
     FROM generate_series(0, $3 - 1) AS m`,
    [WORKSPACE, MODEL, MEMBERS, membersPerAccount],
  );
  await dataSource.query(
    `INSERT INTO account_scores (workspace_id, model_id, account_id, members, engagement_sum_centi, sequence,
                                 model_version, scores, total, updated_at)
     SELECT workspace_id, model_id, account_id, count(*), sum(engagement_centi), 1, 1,
            jsonb_build_object('fit', 0, 'engagement', 0, 'total', 0, 'tier', 'cold', 'grade', 'C', 'members', count(*)),
            0, now()
     FROM account_members GROUP BY workspace_id, model_id, account_id`,
  );
  await dataSource.query('VACUUM ANALYZE account_members, account_scores');
}

/**
 * The batches of a run: each touches ACCOUNTS_PER_BATCH accounts picked at random and
 * MEMBERS_PER_ACCOUNT_IN_BATCH distinct members of each, every change a new sequence of its member.
 */
function batchesOf(membersPerAccount: number, sequences: Map<number, number>, random: () => number) {
  const accounts = MEMBERS / membersPerAccount;
  const perBatch = ACCOUNTS_PER_BATCH * MEMBERS_PER_ACCOUNT_IN_BATCH;
  const batches: ScoreChangedEvent[][] = [];
  const time = new Date().toISOString();
  for (let done = 0; done < CHANGES; done += perBatch) {
    const batch: ScoreChangedEvent[] = [];
    const picked = new Set<number>();
    while (picked.size < Math.min(ACCOUNTS_PER_BATCH, accounts)) picked.add(Math.floor(random() * accounts));
    for (const account of picked) {
      const members = new Set<number>();
      const take = Math.min(MEMBERS_PER_ACCOUNT_IN_BATCH, membersPerAccount);
      while (members.size < take)
        members.add(account * membersPerAccount + Math.floor(random() * membersPerAccount));
      for (const member of members) {
        const sequence = (sequences.get(member) ?? 1) + 1;
        sequences.set(member, sequence);
        const engagement = Math.round(random() * 10_000 - 1_000) / 100;
        batch.push({
          specversion: '1.0',
          id: `${member}-${sequence}`,
          source: 'leadscore/scorer',
          type: 'score.changed',
          time,
          subject: contactOf(member),
          workspace: WORKSPACE,
          datacontenttype: 'application/json',
          data: {
            contact: contactOf(member),
            account: `a${account}`,
            model: { id: MODEL, version: 1 },
            sequence,
            cause: { type: 'event', eventId: `e${member}-${sequence}`, eventType: 'email.clicked' },
            previous: null,
            current: { fit: 0, engagement, total: engagement, tier: 'cold', grade: null },
            contributions: [],
          },
        });
      }
    }
    batches.push(batch);
  }
  return batches;
}

async function runCase(url: string, membersPerAccount: number) {
  const dataSource = await openDatabase({ url, applicationName: 'bench-accounts', poolSize: 2 });
  try {
    process.stdout.write(
      `seeding ${MEMBERS.toLocaleString('en-US')} members in accounts of ${membersPerAccount}\n`,
    );
    await seed(dataSource, membersPerAccount);
    const sequences = new Map<number, number>();
    const random = generator(membersPerAccount);
    let round = 0;

    async function floor(): Promise<Measurement> {
      const batches = batchesOf(membersPerAccount, sequences, random);
      const started = performance.now();
      let count = 0;
      for (const batch of batches) {
        await dataSource.transaction(async (sql) => {
          const keys = batch.map((e) => ({
            workspaceId: WORKSPACE,
            modelId: MODEL,
            contactId: e.data.contact,
          }));
          const members = await accountMemberRepository.lockMany(sql, keys);
          await accountMemberRepository.upsertMany(
            sql,
            batch.map((e) => ({
              workspaceId: WORKSPACE,
              modelId: MODEL,
              contactId: e.data.contact,
              accountId: e.data.account ?? null,
              engagementCenti: Math.round(e.data.current.engagement * 100),
              sequence: members.get(`${WORKSPACE}\u0000${MODEL}\u0000${e.data.contact}`)?.sequence ?? 0,
            })),
            new Date(),
          );
          const accountKeys = [...new Set(batch.map((e) => e.data.account ?? ''))].map((accountId) => ({
            workspaceId: WORKSPACE,
            modelId: MODEL,
            accountId,
          }));
          const rows = await accountScoreRepository.lockMany(sql, accountKeys, new Date());
          await accountScoreRepository.updateMany(sql, [...rows.values()], new Date());
        });
        count += batch.length;
      }
      return { count, seconds: (performance.now() - started) / 1000 };
    }

    async function rollup(): Promise<Measurement> {
      const batches = batchesOf(membersPerAccount, sequences, random);
      round += 1;
      const started = performance.now();
      let count = 0;
      let published = 0;
      for (const [index, batch] of batches.entries()) {
        await dataSource.transaction(async (sql) => {
          const writes = new LifecycleWrites('threshold:0', 'bench.lifecycle', new Map(), 'bench.accounts');
          const outcome = await rollUpAccounts(
            sql,
            batch.map((event) => ({ event, scoring: SCORING })),
            new Date(),
          );
          for (const account of outcome.accounts) writes.recordAccount(account);
          await writes.commit(sql, new Date(), 'bench', {
            topic: 'bench.score-changed',
            partition: 0,
            nextOffset: String(round * 1_000_000 + index),
          });
          if (outcome.members !== batch.length)
            throw new Error(`rolled up ${outcome.members} of ${batch.length} member changes`);
          published += outcome.accounts.length;
        });
        count += batch.length;
      }
      return {
        count,
        seconds: (performance.now() - started) / 1000,
        notes: [`${published.toLocaleString('en-US')} account changes published`],
      };
    }

    return await runBenchmark({
      name: `account roll-up, ${CHANGES.toLocaleString('en-US')} member changes, accounts of ${membersPerAccount.toLocaleString('en-US')} members (topMean of 3; batches of ${ACCOUNTS_PER_BATCH} accounts × ${MEMBERS_PER_ACCOUNT_IN_BATCH} members)`,
      units: 'changes',
      rounds: ROUNDS,
      baseline: { name: 'bare-rows', run: floor },
      subject: { name: 'roll-up', run: rollup },
    });
  } finally {
    await dataSource.destroy();
  }
}

await withDatabase('bench_accounts', async (url) => {
  const small = await runCase(url, 10);
  const large = await runCase(url, 10_000);
  const cost = (rate: number) => (1_000_000 / rate).toFixed(1);
  process.stdout.write(
    `one member change: ${cost(small.subject.rate)} µs in accounts of 10, ${cost(large.subject.rate)} µs in accounts of 10,000 ` +
      `(roll-up ${formatRate(small.subject.rate, 'changes')} vs ${formatRate(large.subject.rate, 'changes')}; ` +
      `large/small time ${(small.subject.rate / large.subject.rate).toFixed(2)})\n`,
  );
  process.stdout.write(
    `roll-up/floor: ${small.ratio.toFixed(2)} (accounts of 10), ${large.ratio.toFixed(2)} (accounts of 10,000); target ≥ 0.7\n`,
  );
});
