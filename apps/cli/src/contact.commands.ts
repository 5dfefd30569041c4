import { writeFileSync } from 'node:fs';
import type { ContactErased, ContactExport, ContactScores, LeaderboardPage } from '@leadscore/contracts';
import { CommandError, callApi } from './api-client.js';
import type { Connection } from './connection.js';
import { ExitCode, type ExitStatus } from './exit-codes.js';
import { colour, plainTable, writeJson, type Output } from './output.js';

const CONTACT_KEY = /^(email|phone|user|anon):./;

/** A contact key as it is (`email:…`, `phone:…`, `user:…`, `anon:…`), an email address (has an @) or a phone number. */
function contactOf(contact: string): { kind: 'key' | 'email' | 'phone'; value: string } {
  if (CONTACT_KEY.test(contact)) return { kind: 'key', value: contact };
  if (contact.includes('@')) return { kind: 'email', value: contact };
  if (/^\+?[\d\s().-]{3,}$/.test(contact)) return { kind: 'phone', value: contact };
  throw new CommandError(
    ExitCode.usage,
    `"${contact}" is not a contact: give a key (email:ada@example.com, phone:+14155550100, user:42, anon:…), an email address or a phone number.`,
  );
}

/** The api path that finds a contact: its key's route, else the lookup by email or phone. */
export function contactPath(contact: string): string {
  const { kind, value } = contactOf(contact);
  return kind === 'key'
    ? `/v1/contacts/${encodeURIComponent(value)}`
    : `/v1/contacts?${kind}=${encodeURIComponent(value)}`;
}

/** The contact key a command names (an email address or a phone number made into one), for the key routes. */
export function contactKeyOf(contact: string): string {
  const { kind, value } = contactOf(contact);
  if (kind === 'key') return value;
  return kind === 'email' ? `email:${value}` : `phone:${value.replace(/[\s().-]/g, '')}`;
}

const percent = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(2)} %`);

/** The contact's scores for a human answer; with --json they are written as they are, and undefined returned. */
async function readContact(
  connection: Connection,
  contact: string,
  output: Output,
): Promise<ContactScores | undefined> {
  const scores = await callApi<ContactScores>(connection, contactPath(contact));
  if (!output.json) return scores;
  writeJson(output, scores);
  return undefined;
}

/** `leadscore contact show CONTACT`: the contact's scores under every model, now and as stored. */
export async function showContact(
  connection: Connection,
  contact: string,
  output: Output,
): Promise<ExitStatus> {
  const scores = await readContact(connection, contact, output);
  if (!scores) return ExitCode.ok;
  output.out(colour.bold(scores.contact));
  // Identity stitching: the key asked for may be another key of this contact.
  if (scores.mergedFrom) output.out(`${scores.mergedFrom} was merged into ${scores.contact}`);
  if (scores.identities) output.out(`also known as ${scores.identities.join(', ')}`);
  const rows = plainTable([
    'model',
    'total now',
    'fit',
    'engagement',
    'tier',
    'grade',
    'stage',
    'relative',
    'stored (at)',
  ]);
  for (const m of scores.models)
    rows.push([
      `${m.modelId} v${m.liveVersion}`,
      m.now.total,
      m.now.fit,
      m.now.engagement,
      m.now.tier ?? '–',
      m.now.grade ?? '–',
      m.stage ?? '–',
      percent(m.relative?.percent),
      `${m.stored.total} (${m.stored.at})`,
    ]);
  output.out(rows.toString());
  return ExitCode.ok;
}

/** `leadscore contact explain CONTACT`: why: every rule's points now, what came due, what runs out when. */
export async function explainContact(
  connection: Connection,
  contact: string,
  output: Output,
): Promise<ExitStatus> {
  const scores = await readContact(connection, contact, output);
  if (!scores) return ExitCode.ok;
  for (const m of scores.models) {
    output.out(
      colour.bold(
        `${scores.contact} under ${m.modelId} v${m.liveVersion}: ${m.now.total} now (fit ${m.now.fit}, engagement ${m.now.engagement}), ${m.stored.total} stored at ${m.stored.at}`,
      ),
    );
    const rules = plainTable(['rule', 'kind', 'points now', 'latest event']);
    for (const c of m.contributions) rules.push([c.ruleId, c.kind, c.points, c.eventId ?? '–']);
    output.out(m.contributions.length === 0 ? 'no rule has points now' : rules.toString());
    for (const a of m.sinceLastWrite)
      output.out(`since the last write: ${a.ruleId} ${a.outcome} ${a.points} at ${a.at}`);
    for (const a of m.runningAwards)
      output.out(
        `running: ${a.ruleId} (${a.points} points, event ${a.eventId ?? '–'}) expires at ${a.expiresAt}`,
      );
    for (const a of m.waitingAbsences)
      output.out(`waiting: ${a.ruleId} (after event ${a.triggerEventId}) is due at ${a.dueAt}`);
    for (const f of m.frequencyCounts)
      output.out(
        `counting: ${f.ruleId} has ${f.count}${f.orMore ? ' or more' : ''} in ${f.withinDays} days (${rangeText(f.range)})${f.oldestLeavesAt ? `; the oldest leaves at ${f.oldestLeavesAt}` : ''}`,
      );
  }
  return ExitCode.ok;
}

/** "3–5: 10 points", "6 or more: 20 points", "no range". */
export function rangeText(range: { min: number; max: number | null; points: number } | null): string {
  if (range === null) return 'no range';
  const counts =
    range.max === null
      ? `${range.min} or more`
      : range.min === range.max
        ? `${range.min}`
        : `${range.min}–${range.max}`;
  return `${counts}: ${range.points} points`;
}

export interface LeaderboardOptions {
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
  readonly tier?: string | undefined;
  readonly grade?: string | undefined;
  readonly stage?: string | undefined;
  readonly updatedSince?: string | undefined;
}

/** `leadscore leaderboard MODEL`: one page, highest score first, with the command for the next one. */
export async function showLeaderboard(
  connection: Connection,
  model: string,
  options: LeaderboardOptions,
  output: Output,
): Promise<ExitStatus> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(options))
    if (value !== undefined) query.set(name, String(value));
  const page = await callApi<LeaderboardPage>(
    connection,
    `/v1/models/${encodeURIComponent(model)}/leaderboard${query.size > 0 ? `?${query.toString()}` : ''}`,
  );
  if (output.json) {
    writeJson(output, page);
    return ExitCode.ok;
  }
  const { stats } = page;
  output.out(
    `${model}: ${stats.count} ${stats.count === 1 ? 'contact' : 'contacts'}, top ${stats.top?.total ?? '–'}, median ${stats.median ?? '–'} (as of ${stats.asOf})`,
  );
  const rows = plainTable(['contact', 'total', 'relative', 'tier', 'grade', 'stage', 'updated']);
  for (const e of page.entries)
    rows.push([
      e.contact,
      e.total,
      percent(e.relativePercent),
      e.tier ?? '–',
      e.grade ?? '–',
      e.stage,
      e.updatedAt,
    ]);
  output.out(page.entries.length === 0 ? 'no contacts on this page' : rows.toString());
  if (page.partial)
    output.out('(the filters matched few of the contacts examined for this page: there may be more)');
  if (page.nextCursor) output.err(`next page: leadscore leaderboard ${model} --cursor ${page.nextCursor}`);
  return ExitCode.ok;
}

/**
 * `leadscore contact erase CONTACT --yes`: erases the contact everywhere and keeps it erased (DELETE
 * /v1/contacts/{contact}, admin key). Irreversible, so it asks for --yes.
 */
export async function eraseContact(
  connection: Connection,
  contact: string,
  confirmed: boolean,
  output: Output,
): Promise<ExitStatus> {
  const key = contactKeyOf(contact);
  if (!confirmed)
    throw new CommandError(
      ExitCode.usage,
      `Erasing ${key} deletes its scores, profile, lifecycle, webhook deliveries and archived events for good, and keeps its events still in flight out. Add --yes to erase it.`,
    );
  const erased = await callApi<ContactErased>(connection, `/v1/contacts/${encodeURIComponent(key)}`, {
    method: 'DELETE',
  });
  if (output.json) {
    writeJson(output, erased);
    return ExitCode.ok;
  }
  const { erased: rows } = erased;
  output.out(
    `${colour.green('✓')} ${erased.contact} erased (${erased.erasureId}, as of ${erased.erasedAt}): ${rows.scores} scores, ${rows.ranks} leaderboard entries, ${rows.profiles} profile, ${rows.lifecycleStates} lifecycle states, ${rows.webhookDeliveries} webhook deliveries, ${rows.accountMemberships} account memberships; ${rows.auditTargets} audit rows now name a hash${erased.identities ? `; also its other keys: ${erased.identities.join(', ')}` : ''}. The archive follows when the analytics service reaches the erasure.`,
  );
  return ExitCode.ok;
}

/**
 * `leadscore contact export CONTACT [--output FILE]`: everything held about the contact as one JSON
 * document (GET /v1/contacts/{contact}/export, admin key), to standard output or a file.
 */
export async function exportContact(
  connection: Connection,
  contact: string,
  file: string | undefined,
  output: Output,
): Promise<ExitStatus> {
  const key = contactKeyOf(contact);
  const exported = await callApi<ContactExport>(connection, `/v1/contacts/${encodeURIComponent(key)}/export`);
  if (file === undefined) {
    writeJson(output, exported);
    return ExitCode.ok;
  }
  writeFileSync(file, `${JSON.stringify(exported, null, 2)}\n`);
  output.err(
    `${colour.green('✓')} ${exported.contact}: ${exported.archive.events.length} events, ${exported.archive.scoreChanges.length} score changes, ${exported.webhookDeliveries.length} webhook deliveries written to ${file}`,
  );
  return ExitCode.ok;
}
