import Table from 'cli-table3';
import pc from 'picocolors';

/** Where a command writes, and how: colour only on a terminal (picocolors honours NO_COLOR and FORCE_COLOR). */
export interface Output {
  readonly json: boolean;
  out(line: string): void;
  err(line: string): void;
}

export function outputTo(
  json: boolean,
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
): Output {
  return {
    json,
    out: (line) => stdout.write(`${line}\n`),
    err: (line) => stderr.write(`${line}\n`),
  };
}

/** One JSON document on stdout, for `--json`. */
export function writeJson(output: Output, value: unknown): void {
  output.out(JSON.stringify(value, null, 2));
}

export const colour = pc;

/** A table for human output; without colour codes, so piped output stays plain text. */
export function plainTable(head: string[]): Table.Table {
  return new Table({ head, style: { head: [], border: [] } });
}
