import { stripVTControlCharacters } from 'node:util';
import Table from 'cli-table3';
import pc from 'picocolors';

/** Where a command writes, and how. */
export interface Output {
  readonly json: boolean;
  out(line: string): void;
  err(line: string): void;
}

type Stream = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * Whether `stream` shows colour: NO_COLOR (https://no-color.org) turns it off, FORCE_COLOR (other than
 * "0" or "false") on, and otherwise only a terminal gets it. Decided per stream, and deliberately not
 * picocolors' own guess, which also colours whenever CI is set: `leadscore model validate … > report.txt`
 * in a team's CI must write plain text.
 */
export function showsColour(stream: Stream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['NO_COLOR']) return false;
  const forced = env['FORCE_COLOR'];
  if (forced !== undefined) return forced !== '0' && forced !== 'false';
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

function writerTo(stream: Stream, env: NodeJS.ProcessEnv): (line: string) => void {
  const coloured = showsColour(stream, env);
  return (line) => stream.write(`${coloured ? line : stripVTControlCharacters(line)}\n`);
}

export function outputTo(
  json: boolean,
  stdout: Stream = process.stdout,
  stderr: Stream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): Output {
  return { json, out: writerTo(stdout, env), err: writerTo(stderr, env) };
}

/** One JSON document on stdout, for `--json`. */
export function writeJson(output: Output, value: unknown): void {
  output.out(JSON.stringify(value, null, 2));
}

/** Paints unconditionally; each stream's writer removes the codes where that stream shows no colour. */
export const colour = pc.createColors(true);

/** A table for human output; without colour codes, so piped output stays plain text. */
export function plainTable(head: string[]): Table.Table {
  return new Table({ head, style: { head: [], border: [] } });
}
