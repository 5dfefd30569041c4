import { access, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
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
import { CommandError } from './api-client.js';
import { ExitCode, type ExitStatus } from './exit-codes.js';
import { colour, plainTable, writeJson, type Output } from './output.js';

export interface LearnCommandOptions {
  /** A reviewed mapping; without one, a proposal is written beside the CSV and used. */
  readonly mapping?: string;
  /** Where the model YAML goes (none: not written). */
  readonly out?: string;
  readonly modelId: string;
  readonly C?: number;
  readonly seed?: number;
  readonly keep?: readonly string[];
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

function printReport(report: LearnReport, output: Output): void {
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
  try {
    const table = parseLeadCsv(await readText(file));
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
        output.err(
          `proposed mapping written to ${mappingFile}: review it (map each count to an event type), then run again with --mapping ${mappingFile}`,
        );
    }
    const report = learnFromLeads(table, mapping, {
      ...(options.C !== undefined ? { C: options.C } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.keep ? { keep: options.keep } : {}),
    });
    const model = modelFromLearning(report, { id: options.modelId, name: `Learned from ${basename(file)}` });
    if (options.out !== undefined) await writeFile(options.out, model);
    if (output.json) writeJson(output, { file, mappingFile, mapping, report, model });
    else {
      printReport(report, output);
      output.out('');
      output.out(
        options.out === undefined
          ? 'pass --out FILE.yaml to write the model; review it, then leadscore model diff / apply'
          : `${colour.green('✓')} model written to ${options.out}: review it, then leadscore model diff / apply`,
      );
    }
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof ScoringInputError) throw new CommandError(ExitCode.invalid, error.message);
    throw error;
  }
}
