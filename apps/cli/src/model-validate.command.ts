import { ModelValidationError, parseModel, type ModelIssue } from '@leadscore/contracts';
import { ExitCode, type ExitStatus } from './exit-codes.js';
import { readModelFile } from './model-file.js';
import { colour, writeJson, type Output } from './output.js';

/** `file:line:column: path: message`, the form editors and CI annotations read. */
export function issueLine(file: string, issue: ModelIssue): string {
  const where = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
  return `${where}: ${colour.bold(issue.path)}: ${issue.message}`;
}

/** Stands in for the workspace of a model that names none when no --workspace is given. */
const ANY_WORKSPACE = 'unnamed';

/**
 * `leadscore model validate FILE`: parses and checks a model with the very parser the scorer and the api
 * use (libs/contracts `parseModel`), offline: no server, no key. A model may leave out its workspace (the
 * api fills in the caller's); with `--workspace` one it names must be that one. Exit 0 when valid, 3 with
 * every problem (path, line, column) when not, 6 when the file cannot be read.
 */
export async function validateModel(
  file: string,
  workspace: string | undefined,
  output: Output,
): Promise<ExitStatus> {
  const { text, format } = await readModelFile(file);
  try {
    const model = parseModel(
      text,
      format,
      file,
      workspace === undefined ? { defaultWorkspace: ANY_WORKSPACE } : { workspace },
    );
    if (output.json)
      writeJson(output, { valid: true, file, model: { id: model.id, version: model.version } });
    else output.out(`${colour.green('✓')} ${file}: model ${model.id} version ${model.version} is valid`);
    return ExitCode.ok;
  } catch (error) {
    if (!(error instanceof ModelValidationError)) throw error;
    if (output.json) writeJson(output, { valid: false, file, issues: error.issues });
    else {
      for (const issue of error.issues) output.err(issueLine(file, issue));
      const count = error.issues.length === 1 ? '1 problem' : `${error.issues.length} problems`;
      output.err(`${colour.red('✗')} ${file}: ${count}`);
    }
    return ExitCode.invalid;
  }
}
