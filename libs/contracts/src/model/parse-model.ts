import { Ajv2020, type SchemaObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { type ScoringModel } from '../generated/model.js';
import { modelSchema } from '../generated/model.schema.js';
import { ModelValidationError, type ModelIssue } from './errors.js';
import { semanticProblems } from './model-semantics.js';
import { pointerToPath } from './model-path.js';
import { type ModelProblem } from './model-problem.js';
import { explainSchemaErrors } from './schema-messages.js';
import { readSourceText, type ModelFormat, type SourceText } from './source-text.js';

let compiled: ValidateFunction<ScoringModel> | undefined;

/** Compiled on first use, once per process; the schema comes from generated code, not from disk. */
function validateAgainstSchema(): ValidateFunction<ScoringModel> {
  compiled ??= new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    verbose: true,
    discriminator: true,
  }).compile<ScoringModel>(modelSchema as SchemaObject);
  return compiled;
}

export interface ParseModelOptions {
  /**
   * The workspace the model must belong to (the api passes the caller's): filled in when the document
   * names none; naming another one is a problem (`semantic:workspace`) located like any other.
   */
  readonly workspace?: string;
  /**
   * Filled in when the document names no workspace, with no check of one it names (a model checked
   * offline, e.g. `leadscore model validate`, before it is known which workspace will apply it).
   */
  readonly defaultWorkspace?: string;
}

/**
 * Reads a scoring model from YAML or JSON text and checks it against schemas/models/model.schema.json
 * and the rules the schema cannot express.
 *
 * @param sourceName how the caller names the document (file name, topic key), used in error messages
 * @throws ModelValidationError listing every problem, each with its path and line/column in `text`
 */
export function parseModel(
  text: string,
  format: ModelFormat,
  sourceName: string,
  options: ParseModelOptions = {},
): ScoringModel {
  const source = withDefaultWorkspace(
    readSourceText(text, format),
    options.workspace ?? options.defaultWorkspace,
  );
  if (source.issues.length > 0) throw new ModelValidationError(sourceName, sortIssues(source.issues));
  if (source.value === undefined || source.value === null) {
    throw new ModelValidationError(sourceName, [
      {
        path: '(model)',
        pointer: '',
        line: 1,
        column: 1,
        message: 'the document is empty; expected a mapping with id, version, workspace and name',
        check: 'syntax',
      },
    ]);
  }
  const validate = validateAgainstSchema();
  if (!validate(source.value)) {
    const problems = explainSchemaErrors(validate.errors ?? [], modelSchema);
    throw new ModelValidationError(sourceName, locate(problems, source));
  }
  const model = source.value;
  const semantic = semanticProblems(model);
  if (options.workspace !== undefined && model.workspace !== options.workspace)
    semantic.push({
      pointer: '/workspace',
      part: 'value',
      message: `the model belongs to the workspace "${model.workspace}", but it is given to "${options.workspace}"; set workspace to "${options.workspace}" or leave it out`,
      check: 'semantic:workspace',
    });
  if (semantic.length > 0) throw new ModelValidationError(sourceName, locate(semantic, source));
  return model;
}

function withDefaultWorkspace(source: SourceText, workspace: string | undefined): SourceText {
  const value = source.value;
  if (
    workspace === undefined ||
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    Object.hasOwn(value, 'workspace')
  )
    return source;
  return { ...source, value: { ...value, workspace }, locate: (at, part) => source.locate(at, part) };
}

function locate(problems: readonly ModelProblem[], source: SourceText): ModelIssue[] {
  return sortIssues(
    problems.map((problem) => ({
      path: pointerToPath(problem.pointer),
      pointer: problem.pointer,
      ...source.locate(problem.pointer, problem.part),
      message: problem.message,
      check: problem.check,
    })),
  );
}

function sortIssues(issues: readonly ModelIssue[]): ModelIssue[] {
  return [...issues].sort(
    (a, b) =>
      (a.line ?? Infinity) - (b.line ?? Infinity) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.path.localeCompare(b.path),
  );
}
