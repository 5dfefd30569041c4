import { access, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { LearnRequest, ModelLearnReport } from '@leadscore/contracts';
import {
  featureMappingYaml,
  learnFromLeads,
  modelFromLearning,
  parseFeatureMapping,
  parseLeadCsv,
  proposeMapping,
  type LearnReport,
} from '@leadscore/learning';
import { ScoringInputError } from '@leadscore/scoring';
import { CommandError, callApi } from './api-client.js';
import type { Connection } from './connection.js';
import { ExitCode, type ExitStatus } from './exit-codes.js';
import { colour, plainTable, writeJson, type Output } from './output.js';
import { progressBar } from './progress-bar.js';

export interface LearnCommandOptions {
  /** A reviewed mapping; without one, a proposal is written beside the CSV and used. */
  readonly mapping?: string;
  /** Where the model YAML goes (none: not written). */
  readonly out?: string;
  readonly modelId: string;
  readonly C?: number;
  readonly seed?: number;
  readonly keep?: readonly string[];
  /** A terminal's stream (standard error) for a progress bar while the file is read and learned from. */
  readonly progress?: NodeJS.WritableStream | undefined;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new CommandError(ExitCode.notFound, `${file}: ${reason}`);
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)} %`);
const fixed = (value: number | null, digits = 3) => (value === null ? 'n/a' : value.toFixed(digits));

/** What the report printer reads: the library's report, or the api's (the same fields as JSON). */
type PrintedReport = Pick<
  LearnReport,
  'leads' | 'trainLeads' | 'testLeads' | 'leakage' | 'leftOut' | 'closeRates' | 'regression' | 'evaluation'
>;

function printReport(report: PrintedReport, output: Output): void {
  const balance = report.leakage.classBalance;
  output.out(
    `${report.leads} leads: ${balance.positives} converted (${percent(balance.positiveShare)}), ${report.trainLeads} to fit, ${report.testLeads} held out`,
  );
  if (balance.warning) output.out(colour.yellow(`! ${balance.warning}`));
  for (const left of report.leftOut) output.out(`left out: ${left.column} — ${left.reason}`);
  for (const field of report.closeRates) {
    output.out('');
    output.out(colour.bold(`Close rates: ${field.column} (profile field ${field.field})`));
    const table = plainTable(['value', 'leads', 'converted', 'rate', 'lift', 'points']);
    for (const s of field.suggestions.suggestions)
      table.push([
        s.kind === 'other' ? `other (${s.pooledValues.length} rare values)` : (s.value ?? ''),
        String(s.leads),
        String(s.conversions),
        percent(s.rate),
        fixed(s.lift, 2),
        s.points === null ? `— ${s.reason ?? ''}` : String(s.points),
      ]);
    output.out(table.toString());
  }
  output.out('');
  output.out(
    colour.bold(
      `Logistic regression (L2, C ${report.regression.C}; ${report.regression.pointsPerLogOdds} points per unit of log-odds)${report.regression.converged ? '' : ' — did not converge'}`,
    ),
  );
  const points = plainTable(['feature', 'points']);
  for (const p of report.regression.points)
    points.push([
      p.column.kind === 'category'
        ? `${p.column.field} = ${p.column.value}`
        : `${p.column.source} (per one, event ${p.column.event ?? 'not mapped'})`,
      String(p.points),
    ]);
  output.out(points.toString());
  const e = report.evaluation;
  output.out('');
  output.out(
    colour.bold(
      `Held out (${e.count} leads): ROC AUC ${fixed(e.rocAuc)}, accuracy ${percent(e.accuracy)}, Brier score ${fixed(e.brierScore)}, log loss ${fixed(e.logLoss)}`,
    ),
  );
  const calibration = plainTable(['predicted', 'leads', 'mean predicted', 'observed']);
  for (const bin of e.calibration)
    if (bin.count > 0)
      calibration.push([
        `${bin.lower.toFixed(1)}–${bin.upper.toFixed(1)}`,
        String(bin.count),
        percent(bin.meanPredicted),
        percent(bin.observedRate),
      ]);
  output.out(calibration.toString());
}

/** The command's fitting options as the library and the api take them (only those given). */
function learnOptionsOf(options: Pick<LearnCommandOptions, 'C' | 'seed' | 'keep'>) {
  return {
    ...(options.C !== undefined ? { C: options.C } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.keep ? { keep: [...options.keep] } : {}),
  };
}

/** The closing line: where the model went, or how to write it. */
function printModelWritten(out: string | undefined, output: Output): void {
  output.out('');
  output.out(
    out === undefined
      ? 'pass --out FILE.yaml to write the model; review it, then leadscore model diff / apply'
      : `${colour.green('✓')} model written to ${out}: review it, then leadscore model diff / apply`,
  );
}

/**
 * `leadscore model learn FILE.csv`: learns points from a CRM export of past leads, offline. Without
 * `--mapping`, a proposed mapping is written beside the file (never over an existing one) for a person to
 * review, and used. Prints the leakage checks, close-rate points per profile field, the regression's point
 * table and its evaluation on held-out leads; `--out` writes a model YAML to review, diff and apply.
 * Exit 0; 3 for a file or mapping with problems (each named with its line or path); 6 no such file; 7
 * when the proposed mapping's file exists already.
 */
export async function learnFromCsv(
  file: string,
  options: LearnCommandOptions,
  output: Output,
): Promise<ExitStatus> {
  let bar: ReturnType<typeof learnProgress> | undefined;
  /** Said once the bar is gone, also when learning then fails: the proposal was written either way. */
  let proposal: string | undefined;
  try {
    const text = await readText(file);
    bar = options.progress ? learnProgress(options.progress, Buffer.byteLength(text)) : undefined;
    const reading = bar;
    const table = parseLeadCsv(text, reading ? { onProgress: (read) => reading.reading(read) } : {});
    let mappingFile = options.mapping;
    let mapping;
    if (mappingFile !== undefined) mapping = parseFeatureMapping(await readText(mappingFile), mappingFile);
    else {
      mapping = proposeMapping(table);
      mappingFile = join(dirname(file), `${basename(file, extname(file))}.mapping.yaml`);
      if (await exists(mappingFile))
        throw new CommandError(
          ExitCode.conflict,
          `${mappingFile} exists already: pass it with --mapping ${mappingFile} (or remove it for a new proposal)`,
        );
      await writeFile(mappingFile, featureMappingYaml(mapping));
      if (!output.json)
        proposal = `proposed mapping written to ${mappingFile}: review it (map each count to an event type), then run again with --mapping ${mappingFile}`;
    }
    bar?.learning(table.rows.length);
    const report = learnFromLeads(table, mapping, learnOptionsOf(options));
    // The bar leaves standard error before anything else is written to it.
    bar?.stop();
    if (proposal !== undefined) output.err(proposal);
    proposal = undefined;
    const model = modelFromLearning(report, { id: options.modelId, name: `Learned from ${basename(file)}` });
    if (options.out !== undefined) await writeFile(options.out, model);
    if (output.json) writeJson(output, { file, mappingFile, mapping, report, model });
    else {
      printReport(report, output);
      printModelWritten(options.out, output);
    }
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof ScoringInputError) throw new CommandError(ExitCode.invalid, error.message);
    throw error;
  } finally {
    // Stopping twice is harmless; a bar left running would keep its timer (and the process) alive.
    bar?.stop();
    if (proposal !== undefined) output.err(proposal);
  }
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/**
 * The bar of a local learn on a terminal: the file read (bytes of its size, from parseLeadCsv's progress),
 * then the pass over its leads (one synchronous step: the bar full, saying what it does).
 */
function learnProgress(stream: NodeJS.WritableStream, size: number) {
  const bar = progressBar(stream, 'learn {stage} {bar} {percentage}% | {done} of {size}');
  bar.start(size, 0, { stage: 'reading', done: megabytes(0), size: megabytes(size) });
  return {
    reading: (read: number) => bar.update(read, { done: megabytes(read) }),
    learning: (leads: number) =>
      bar.update(size, { stage: 'learning', done: `${leads} leads`, size: 'fit and held-out evaluation' }),
    stop: () => bar.stop(),
  };
}

export interface RemoteLearnOptions {
  /** The reviewed mapping: which profile field each category reads, which event type each count counts. */
  readonly mapping: string;
  readonly out?: string;
  readonly modelId: string;
  readonly C?: number;
  readonly seed?: number;
  readonly keep?: readonly string[];
}

/**
 * `leadscore model learn --from-contacts --mapping M`: the api learns from the workspace's archived
 * contacts whose outcomes were recorded through it (POST /v1/models/learn, source contacts) and answers the
 * same report the local path prints, with how many contacts were read and left out (no outcome yet).
 * Exit 0; 3 for a mapping with problems or no contact with an outcome (the api's 400/422); 6 no mapping
 * file; the api's other failures as every remote command.
 */
export async function learnFromContacts(
  connection: Connection,
  options: RemoteLearnOptions,
  output: Output,
): Promise<ExitStatus> {
  let mapping;
  try {
    mapping = parseFeatureMapping(await readText(options.mapping), options.mapping);
  } catch (error) {
    if (error instanceof ScoringInputError) throw new CommandError(ExitCode.invalid, error.message);
    throw error;
  }
  const request: LearnRequest = {
    source: 'contacts',
    mapping,
    options: learnOptionsOf(options),
    model: { id: options.modelId, name: 'Learned from recorded outcomes' },
  };
  const answer = await callApi<ModelLearnReport>(connection, '/v1/models/learn', {
    method: 'POST',
    body: { text: JSON.stringify(request), contentType: 'application/json' },
  });
  if (options.out !== undefined && answer.model !== null) await writeFile(options.out, answer.model);
  if (output.json) {
    writeJson(output, answer);
    return ExitCode.ok;
  }
  const contacts = answer.contacts;
  if (contacts)
    output.out(
      `${contacts.archived} archived contacts read${contacts.truncated ? ' (the first ones only: API_BACKTEST_MAX_CONTACTS)' : ''}: ${contacts.labelled} with an outcome, ${contacts.unlabelled} left out (no outcome yet)`,
    );
  if (answer.report) printReport(answer.report, output);
  printModelWritten(options.out, output);
  return ExitCode.ok;
}
