import {
  type AccountChangeCause,
  type AccountScores,
  type AccountScoring,
  type ScoreChangedEvent,
} from '@leadscore/contracts';
import { applyAccountScores } from '@leadscore/lifecycle';
import {
  accountKeyOf,
  accountMemberRepository,
  accountScoreRepository,
  memberKeyOf,
  type AccountKey,
  type AccountMemberRow,
  type AccountScoreRow,
  type SqlRunner,
} from '@leadscore/persistence';
import {
  accountFitOf,
  accountScoresOf,
  fromCentiPoints,
  membersRead,
  rollUpEngagement,
  rollupView,
  sameAccountScores,
  toCentiPoints,
  updateMember,
} from '@leadscore/scoring';
import {
  accountLifecycleEvent,
  accountScoreChangedEvent,
  type AccountChangeOutput,
} from './account-events.js';

const memberRecordOf = (row: AccountMemberRow) => ({
  account: row.accountId,
  engagement: row.engagementCenti,
  sequence: row.sequence,
});

/** How many of an account's highest members an account change names in its explanation. */
const EXPLAINED_MEMBERS = 5;

/** A member score change to roll up, with the account scoring of the model version that made it. */
export interface MemberScoreChange {
  readonly event: ScoreChangedEvent;
  readonly scoring: AccountScoring;
}

export interface RollupOutcome {
  /** Member changes counted (those not already rolled up). */
  readonly members: number;
  /** The account changes to publish, with their transitions. */
  readonly accounts: readonly AccountChangeOutput[];
}

interface TouchedAccount {
  readonly key: AccountKey;
  readonly sumDelta: number;
  readonly membersDelta: number;
  readonly cause: AccountChangeCause;
  readonly scoring: AccountScoring;
  readonly modelVersion: number;
  readonly time: string;
}

/**
 * Rolls a batch's member score changes up into their accounts, inside the batch's transaction. Each
 * member change counts once (the member's gapless sequence, remembered per member); an account's sum and
 * member count move by deltas, and max or top-N mean read only the account's highest members through
 * an index, so a change costs the same in an account of ten members or of ten thousand. Accounts whose
 * published scores move get a change (gapless per account) and their tier and MQA transitions, for
 * the batch to publish (`LifecycleWrites.recordAccount`).
 */
export async function rollUpAccounts(
  sql: SqlRunner,
  changes: readonly MemberScoreChange[],
  now: Date,
): Promise<RollupOutcome> {
  if (changes.length === 0) return { members: 0, accounts: [] };
  const memberKeys = changes.map(({ event }) => ({
    workspaceId: event.workspace,
    modelId: event.data.model.id,
    contactId: event.data.contact,
  }));
  const stored = await accountMemberRepository.lockMany(sql, memberKeys);
  const members = new Map<string, AccountMemberRow>(stored);
  const written = new Set<string>();
  const touched = new Map<string, TouchedAccount>();
  let counted = 0;

  for (const { event, scoring } of changes) {
    const { data } = event;
    const memberKey = { workspaceId: event.workspace, modelId: data.model.id, contactId: data.contact };
    const key = memberKeyOf(memberKey);
    const before = members.get(key);
    // A merged-away contact leaves its account: the survivor carries the person on.
    const leaves = data.cause.type === 'merge' && data.cause.survivor !== undefined;
    const update = updateMember(before && memberRecordOf(before), {
      sequence: data.sequence,
      account: leaves ? null : (data.account ?? null),
      engagement: toCentiPoints(data.current.engagement),
    });
    if (update.duplicate) continue;
    counted += 1;
    // A contact that never had an account leaves nothing to remember.
    if (before === undefined && update.record.account === null) continue;
    members.set(key, {
      ...memberKey,
      accountId: update.record.account,
      engagementCenti: update.record.engagement,
      sequence: update.record.sequence,
    });
    written.add(key);
    for (const effect of update.effects) {
      const accountKey = { workspaceId: event.workspace, modelId: data.model.id, accountId: effect.account };
      const id = accountKeyOf(accountKey);
      // Deltas add up; the cause, scoring, version and time are the batch's latest change's.
      const earlier = touched.get(id);
      touched.set(id, {
        key: accountKey,
        sumDelta: (earlier?.sumDelta ?? 0) + effect.sumDelta,
        membersDelta: (earlier?.membersDelta ?? 0) + effect.membersDelta,
        cause: { type: effect.kind, contact: data.contact, memberSequence: data.sequence },
        scoring,
        modelVersion: data.model.version,
        time: event.time,
      });
    }
  }

  await accountMemberRepository.upsertMany(
    sql,
    [...written].map((key) => members.get(key)).filter((row) => row !== undefined),
    now,
  );
  if (touched.size === 0) return { members: counted, accounts: [] };

  const accounts = [...touched.values()];
  const rows = await accountScoreRepository.lockMany(
    sql,
    accounts.map((a) => a.key),
    now,
  );
  const reads = Math.max(EXPLAINED_MEMBERS, ...accounts.map((a) => membersRead(a.scoring.engagement)));
  // After this batch's member writes and under the account locks: every member's latest committed value.
  const highest = await accountMemberRepository.highest(
    sql,
    accounts.map((a) => a.key),
    reads,
  );

  const updated: AccountScoreRow[] = [];
  const published: AccountChangeOutput[] = [];
  for (const account of accounts) {
    const id = accountKeyOf(account.key);
    const row = rows.get(id);
    if (!row) throw new Error(`account row ${account.key.accountId} was not created`);
    const memberCount = row.members + account.membersDelta;
    const sum = row.engagementSumCenti + account.sumDelta;
    const top = highest.get(id) ?? [];
    const engagement = rollUpEngagement(account.scoring.engagement, {
      sum,
      members: memberCount,
      highest: top.map((m) => m.engagementCenti),
    });
    const fit = accountFitOf(account.scoring, row.traits ?? undefined);
    const previous = (row.scores ?? null) as AccountScores | null;
    const current = accountScoresOf(
      account.scoring,
      fit.points,
      fromCentiPoints(engagement),
      memberCount,
      previous?.tierName,
    );
    const { traits: _traits, ...stored } = row;
    const next: AccountScoreRow = { ...stored, members: memberCount, engagementSumCenti: sum };
    if (sameAccountScores(previous, current)) {
      updated.push(next);
      continue;
    }
    const sequence = row.sequence + 1;
    const change = accountScoreChangedEvent(account.key.workspaceId, account.time, {
      account: account.key.accountId,
      model: { id: account.key.modelId, version: account.modelVersion },
      sequence,
      cause: account.cause,
      previous,
      current,
      rollup: rollupView(account.scoring.engagement),
      members: top
        .slice(0, Math.min(10, reads))
        .map((m) => ({ contact: m.contactId, engagement: fromCentiPoints(m.engagementCenti) })),
      fit: [...fit.rules],
    });
    const plan = applyAccountScores(
      account.scoring,
      { stage: row.stage, tier: row.tier, tierName: row.tierName },
      current,
    );
    published.push({
      change,
      transitions: plan.transitions,
      published: plan.transitions.map((t, index) => accountLifecycleEvent(change, t, index)),
    });
    updated.push({
      ...next,
      sequence,
      modelVersion: account.modelVersion,
      scores: current,
      stage: plan.next.stage,
      tier: plan.next.tier,
      tierName: plan.next.tierName,
    });
  }
  await accountScoreRepository.updateMany(sql, updated, now);
  return { members: counted, accounts: published };
}
