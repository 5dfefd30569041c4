import type {
  ModelApplied,
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
