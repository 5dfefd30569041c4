import type {
  ModelApplied,
  ModelBacktest,
  ModelDiff,
  ModelIssue,
  ModelList,
  ModelVersionDetail,
} from '@leadscore/contracts';
import { CommandError, callApi } from './api-client.js';
import type { Connection } from './connection.js';
import { ExitCode, type ExitStatus } from './exit-codes.js';
import { readModelFile, type ModelFile } from './model-file.js';
import { issueLine } from './model-validate.command.js';
import { colour, plainTable, writeJson, type Output } from './output.js';

const show = (value: unknown) => (value === undefined ? '(unset)' : JSON.stringify(value));

/** A diff as lines: `+` added, `-` removed, `~` changed (with each field's old and new value). */
export function diffLines(diff: ModelDiff): string[] {
  if (diff.unchanged)
    return [`model ${diff.modelId}: no change against version ${diff.fromVersion ?? '(none)'}`];
  const lines = [`model ${diff.modelId}: version ${diff.fromVersion ?? '(none)'} → ${diff.toVersion}`];
  for (const rule of diff.rules.added) lines.push(colour.green(`+ ${rule.section} rule ${rule.id}`));
  for (const rule of diff.rules.removed) lines.push(colour.red(`- ${rule.section} rule ${rule.id}`));
  for (const rule of diff.rules.changed)
    for (const change of rule.changes)
      lines.push(
        colour.yellow(
          `~ ${rule.section} rule ${rule.id}: ${change.path} ${show(change.from)} → ${show(change.to)}`,
        ),
      );
  for (const section of diff.sections)
    for (const change of section.changes)
      lines.push(colour.yellow(`~ ${change.path}: ${show(change.from)} → ${show(change.to)}`));
  return lines;
}

/** A 422 of the api names every problem of the model sent: shown like `model validate` shows them. */
async function sendModel<T>(connection: Connection, path: string, model: ModelFile): Promise<T> {
  try {
    return await callApi<T>(connection, path, {
      method: 'POST',
      body: { text: model.text, contentType: model.contentType },
    });
  } catch (error) {
    const issues = error instanceof CommandError ? error.problem?.['issues'] : undefined;
    if (error instanceof CommandError && Array.isArray(issues))
      throw new CommandError(
        error.status,
        [
          ...(issues as ModelIssue[]).map((issue) => issueLine(model.file, issue)),
          `${colour.red('✗')} ${error.message}`,
        ].join('\n'),
        error.problem,
      );
    throw error;
  }
}

/** `leadscore model diff FILE`: what applying the file would change against the live version. */
export async function diffModel(connection: Connection, file: string, output: Output): Promise<ExitStatus> {
  const diff = await sendModel<ModelDiff>(connection, '/v1/models/diff', await readModelFile(file));
  if (output.json) writeJson(output, diff);
  else for (const line of diffLines(diff)) output.out(line);
  return ExitCode.ok;
}

/** New and lost MQLs listed by the human report (--json has the api's 100 of each). */
export const BACKTEST_LISTED = 5;
/** The top deciles whose lift the report shows. */
const TOP_DECILES = 3;

type BacktestSide = ModelBacktest['live'];

const dash = '–';
const ratio = (value: number | null | undefined) =>
  value === null || value === undefined ? dash : value.toFixed(2);
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? dash : `${(value * 100).toFixed(1)} %`;

/** Keys of both records, the first's order first. */
const keysOf = (a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>) => [
  ...new Set([...Object.keys(a), ...Object.keys(b)]),
];

/** The side-by-side rows of the report: tiers, stages, outcomes, ROC AUC, each line, the top deciles' lift. */
export function backtestRows(backtest: ModelBacktest): string[][] {
  const { live, candidate } = backtest;
  const both = (label: string, cell: (side: BacktestSide) => string) => [label, cell(live), cell(candidate)];
  const rows: string[][] = [];
  for (const tier of keysOf(live.tiers, candidate.tiers))
    rows.push(both(`tier ${tier}`, (side) => String(side.tiers[tier] ?? 0)));
  for (const stage of ['lead', 'recycled', 'mql', 'sql'] as const)
    rows.push(both(`stage ${stage}`, (side) => String(side.stages[stage])));
  rows.push(
    both('known outcomes (converted)', (side) => `${side.outcomes.known} (${side.outcomes.converted})`),
    both('ROC AUC', (side) => (side.outcomes.rocAuc === null ? dash : side.outcomes.rocAuc.toFixed(3))),
  );
  const lines = [
    ...new Set([...live.outcomes.thresholds, ...candidate.outcomes.thresholds].map((t) => t.threshold)),
  ].sort((a, b) => a - b);
  for (const line of lines)
    rows.push(
      both(`at ≥ ${line}: precision / recall / F1`, (side) => {
        const at = side.outcomes.thresholds.find((t) => t.threshold === line);
        return at ? `${ratio(at.precision)} / ${ratio(at.recall)} / ${ratio(at.f1)}` : dash;
      }),
    );
  for (let decile = 1; decile <= TOP_DECILES; decile += 1)
    rows.push(
      both(`lift, decile ${decile} (top ${decile * 10} % by score)`, (side) => {
        const row = side.outcomes.deciles.find((d) => d.decile === decile);
        return row ? `${ratio(row.lift)} (${row.converted}/${row.contacts})` : dash;
      }),
    );
  return rows;
}

/** A backtest as a report: period, contacts, what moved, new and lost MQLs, then the two models side by side. */
export function backtestLines(backtest: ModelBacktest): string[] {
  const { live, candidate, moved, newMql, lostMql } = backtest;
  const lines = [
    `model ${backtest.modelId}: version ${candidate.model.version} (candidate) against version ${live.model.version} (live)`,
    `period: ${backtest.period.from ?? '(the archive holds no event)'} → ${backtest.period.until}`,
    `contacts: ${backtest.contacts}${backtest.truncated ? colour.yellow(' (truncated: the first ones by key, API_BACKTEST_MAX_CONTACTS)') : ''}`,
    `moved: tier ${moved.tier}, grade ${moved.grade}, stage ${moved.stage}`,
    `new MQLs: ${newMql.count}`,
  ];
  for (const { contact, at } of newMql.first.slice(0, BACKTEST_LISTED))
    lines.push(colour.green(`  + ${contact} at ${at}`));
  if (newMql.count > BACKTEST_LISTED)
    lines.push(`  … and ${newMql.count - BACKTEST_LISTED} more (--json lists the earliest 100)`);
  lines.push(`lost MQLs: ${lostMql.count}`);
  for (const contact of lostMql.first.slice(0, BACKTEST_LISTED)) lines.push(colour.red(`  - ${contact}`));
  if (lostMql.count > BACKTEST_LISTED)
    lines.push(`  … and ${lostMql.count - BACKTEST_LISTED} more (--json lists 100)`);
  const table = plainTable(['', `live v${live.model.version}`, `candidate v${candidate.model.version}`]);
  table.push(...backtestRows(backtest));
  lines.push(table.toString());
  const known = candidate.outcomes.known;
  lines.push(
    known === 0
      ? 'no contact has a known outcome yet (won, converted or lost): record outcomes to compare conversion'
      : `outcomes: each contact judged as it stood just before its first outcome; conversion ${percent(candidate.outcomes.converted / known)}`,
  );
  return lines;
}

/** `leadscore model backtest FILE`: the file against the live version on the workspace's archived contacts. */
export async function backtestModel(
  connection: Connection,
  file: string,
  output: Output,
): Promise<ExitStatus> {
  const backtest = await sendModel<ModelBacktest>(
    connection,
    '/v1/models/backtest',
    await readModelFile(file),
  );
  if (output.json) writeJson(output, backtest);
  else for (const line of backtestLines(backtest)) output.out(line);
  return ExitCode.ok;
}

/** `leadscore model apply FILE`: publishes the version (the api validates it and answers once Kafka has it). */
export async function applyModel(connection: Connection, file: string, output: Output): Promise<ExitStatus> {
  const applied = await sendModel<ModelApplied>(connection, '/v1/models', await readModelFile(file));
  if (output.json) writeJson(output, applied);
  else {
    output.out(
      `${colour.green('✓')} applied model ${applied.version.id} version ${applied.version.version} (live)`,
    );
    for (const line of diffLines(applied.diff).slice(1)) output.out(line);
  }
  return ExitCode.ok;
}

/** `leadscore model list`: every model of the key's workspace with its live version. */
export async function listModels(connection: Connection, output: Output): Promise<ExitStatus> {
  const list = await callApi<ModelList>(connection, '/v1/models');
  if (output.json) writeJson(output, list);
  else if (list.models.length === 0) output.out('no models yet: leadscore model apply FILE publishes one');
  else {
    const table = plainTable(['model', 'live version', 'name', 'applied at', 'applied by']);
    for (const model of list.models)
      table.push([model.id, model.version, model.name, model.appliedAt, model.appliedBy ?? '(the scorer)']);
    output.out(table.toString());
  }
  return ExitCode.ok;
}

/** `leadscore model get ID [--version N]`: one version (the live one by default), as it was sent. */
export async function getModel(
  connection: Connection,
  id: string,
  version: number | undefined,
  output: Output,
): Promise<ExitStatus> {
  const detail = await callApi<ModelVersionDetail>(
    connection,
    `/v1/models/${encodeURIComponent(id)}/versions/${version ?? 'live'}`,
  );
  if (output.json) writeJson(output, detail);
  else {
    const { version: v } = detail;
    output.err(`# model ${v.id} version ${v.version}${v.live ? ' (live)' : ''}, applied ${v.appliedAt}`);
    // The text as it was sent (comments included) when it came through the api, else the document.
    output.out(detail.source ?? JSON.stringify(detail.document, null, 2));
  }
  return ExitCode.ok;
}
