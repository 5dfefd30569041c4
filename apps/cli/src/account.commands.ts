import type {
  AccountDetail,
  AccountLeaderboardPage,
  AccountMembersPage,
  AccountModelScores,
  AccountScores,
} from '@leadscore/contracts';
import { callApi } from './api-client.js';
import type { Connection } from './connection.js';
import { ExitCode, type ExitStatus } from './exit-codes.js';
import { colour, plainTable, writeJson, type Output } from './output.js';

export const ACCOUNT_STAGES = ['lead', 'mqa'] as const;
export type AccountStage = (typeof ACCOUNT_STAGES)[number];

const percent = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)} %`);
const orDash = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '–' : value;

/** A named account tier with the cold, warm or hot it counts as; else the tier; – without tiers. */
export function tierText(scores: Pick<AccountScores, 'tier' | 'tierName'>): string {
  if (scores.tierName) return `${scores.tierName} (${scores.tier ?? '–'})`;
  return scores.tier ?? '–';
}

/** mqa stands out (bold) on a terminal; lead stays plain. */
const stageText = (stage: AccountStage) => (stage === 'mqa' ? colour.bold('mqa') : stage);

/** `?limit=…&offset=…` of the options given, or nothing. */
function queryOf(options: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(options))
    if (value !== undefined) query.set(name, String(value));
  return query.size > 0 ? `?${query.toString()}` : '';
}

/** "the next page: …" when the page is not the last one. */
function nextPage(
  page: { total: number; limit: number; offset: number },
  shown: number,
  command: string,
): string | undefined {
  const next = page.offset + shown;
  if (shown === 0 || next >= page.total) return undefined;
  return `next page: ${command} --limit ${page.limit} --offset ${next}`;
}

/** Single-quotes what a shell would split or expand, for the commands printed as hints. */
const shellWord = (word: string) =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;

export interface AccountListOptions {
  readonly stage?: AccountStage | undefined;
  readonly tier?: string | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

/**
 * `leadscore account list --model MODEL`: one page of the model's accounts, highest total first, with
 * rank, relative score, tier, grade, members and stage, and the command for the next page.
 */
export async function listAccounts(
  connection: Connection,
  model: string,
  options: AccountListOptions,
  output: Output,
): Promise<ExitStatus> {
  const { stage, tier, limit, offset } = options;
  const page = await callApi<AccountLeaderboardPage>(
    connection,
    `/v1/models/${encodeURIComponent(model)}/accounts${queryOf({ limit, offset, stage, tier })}`,
  );
  if (output.json) {
    writeJson(output, page);
    return ExitCode.ok;
  }
  const filtered = [stage && `stage ${stage}`, tier && `tier ${tier}`].filter(Boolean).join(', ');
  const first = page.entries.length === 0 ? 0 : page.offset + 1;
  output.out(
    `${model}: ${page.total} ${page.total === 1 ? 'account' : 'accounts'}${filtered ? ` (${filtered})` : ''}, ${first}–${page.offset + page.entries.length} shown`,
  );
  const rows = plainTable(['rank', 'account', 'total', 'relative', 'tier', 'grade', 'members', 'stage']);
  page.entries.forEach((e, index) =>
    rows.push([
      page.offset + index + 1,
      e.account,
      e.scores.total,
      percent(e.relativePercent),
      tierText(e.scores),
      orDash(e.scores.grade),
      e.scores.members,
      stageText(e.stage),
    ]),
  );
  output.out(page.entries.length === 0 ? 'no accounts on this page' : rows.toString());
  const command = [
    'leadscore account list --model',
    shellWord(model),
    ...(stage ? ['--stage', stage] : []),
    ...(tier ? ['--tier', shellWord(tier)] : []),
  ].join(' ');
  const next = nextPage(page, page.entries.length, command);
  if (next) output.err(next);
  return ExitCode.ok;
}

/** How the model rolls members' engagement up, and which of the members listed count. */
export function rollupText(model: Pick<AccountModelScores, 'rollup' | 'scores' | 'explanation'>): string {
  const { rollup, scores, explanation } = model;
  const listed = explanation.members.length;
  const members = `${scores.members} ${scores.members === 1 ? 'member' : 'members'}`;
  if (rollup.kind === 'max') return `engagement: max, the highest member's of ${members}`;
  if (rollup.kind === 'topMean') {
    const top = rollup.top ?? 1;
    return `engagement: topMean, the mean of the ${top} highest of ${members}${listed > 0 ? ` (the first ${Math.min(top, listed)} below)` : ''}`;
  }
  return `engagement: sum of every member's, ${members}${listed > 0 && listed < scores.members ? ` (the ${listed} highest below)` : ''}`;
}

/** Whether the explanation's `index`-th member (0-based) counts in the roll-up. */
export function countedMember(rollup: AccountModelScores['rollup'], index: number): boolean {
  if (rollup.kind === 'max') return index === 0;
  if (rollup.kind === 'topMean') return index < (rollup.top ?? 1);
  return true;
}

const traitText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * `leadscore account show ACCOUNT`: the account's traits and, per model, its scores, stage, roll-up and
 * the explanation: the members its engagement comes from and the account fit rules that match.
 */
export async function showAccount(
  connection: Connection,
  account: string,
  output: Output,
): Promise<ExitStatus> {
  const detail = await callApi<AccountDetail>(connection, `/v1/accounts/${encodeURIComponent(account)}`);
  if (output.json) {
    writeJson(output, detail);
    return ExitCode.ok;
  }
  output.out(colour.bold(detail.account));
  const traits = Object.entries(detail.traits);
  output.out(
    traits.length === 0
      ? 'traits: none'
      : `traits: ${traits.map(([name, value]) => `${name}=${traitText(value)}`).join(', ')}`,
  );
  if (detail.models.length === 0) output.out('No model scores this account yet.');
  for (const m of detail.models) {
    const s = m.scores;
    output.out('');
    output.out(
      colour.bold(
        `under ${m.model.id} v${m.model.version}: total ${s.total} (fit ${s.fit}, engagement ${s.engagement})`,
      ),
    );
    output.out(
      `stage ${stageText(m.stage)}, tier ${tierText(s)}, grade ${orDash(s.grade)}, relative ${percent(m.relativePercent)}, ${s.members} ${s.members === 1 ? 'member' : 'members'}`,
    );
    output.out(rollupText(m));
    if (m.explanation.members.length > 0) {
      const members = plainTable(['#', 'member', 'engagement', 'counted']);
      m.explanation.members.forEach((member, index) =>
        members.push([
          index + 1,
          member.contact,
          member.engagement,
          countedMember(m.rollup, index) ? 'yes' : 'no',
        ]),
      );
      output.out(members.toString());
    } else output.out('no member has engagement');
    if (m.explanation.fit.length > 0) {
      const fit = plainTable(['account fit rule', 'points']);
      for (const rule of m.explanation.fit) fit.push([rule.rule, rule.points]);
      output.out(fit.toString());
    } else output.out('no account fit rule matches');
  }
  return ExitCode.ok;
}

export interface AccountMembersOptions {
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

/** `leadscore account members ACCOUNT --model MODEL`: one page of its members, highest engagement first. */
export async function listAccountMembers(
  connection: Connection,
  account: string,
  model: string,
  options: AccountMembersOptions,
  output: Output,
): Promise<ExitStatus> {
  const page = await callApi<AccountMembersPage>(
    connection,
    `/v1/models/${encodeURIComponent(model)}/accounts/${encodeURIComponent(account)}/members${queryOf({ limit: options.limit, offset: options.offset })}`,
  );
  if (output.json) {
    writeJson(output, page);
    return ExitCode.ok;
  }
  const first = page.members.length === 0 ? 0 : page.offset + 1;
  output.out(
    `${page.account} under ${page.modelId}: ${page.total} ${page.total === 1 ? 'member' : 'members'}, ${first}–${page.offset + page.members.length} shown`,
  );
  const rows = plainTable(['#', 'contact', 'engagement', 'total', 'tier', 'grade']);
  page.members.forEach((m, index) =>
    rows.push([
      page.offset + index + 1,
      m.contact,
      m.engagement,
      orDash(m.total),
      orDash(m.tier),
      orDash(m.grade),
    ]),
  );
  output.out(page.members.length === 0 ? 'no members on this page' : rows.toString());
  const next = nextPage(
    page,
    page.members.length,
    `leadscore account members ${shellWord(account)} --model ${shellWord(model)}`,
  );
  if (next) output.err(next);
  return ExitCode.ok;
}
