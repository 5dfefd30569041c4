import { readFile } from 'node:fs/promises';
import { text as readStream } from 'node:stream/consumers';
import * as jsoncModule from 'jsonc-parser';
import { CommandError } from './api-client.js';
import { ExitCode } from './exit-codes.js';

// jsonc-parser ships UMD for Node (its API under `default`) and ESM for bundlers (the API itself).
const jsonc = (jsoncModule as unknown as { default?: typeof jsoncModule }).default ?? jsoncModule;

/** An input line that is not JSON: reported with its line, never sent. */
export interface MalformedLine {
  readonly line: number;
  readonly message: string;
}

/** The events of a file, in file order, and where each one starts. */
export interface EventFile {
  readonly name: string;
  readonly format: 'json' | 'ndjson';
  readonly events: readonly unknown[];
  /** The 1-based line the i-th event starts on. */
  lineOf(index: number): number;
  readonly malformed: readonly MalformedLine[];
}

/**
 * Reads events from `path` (`-` for standard input): a JSON array of events, or NDJSON (one event per
 * line; blank lines skipped; a line that is not JSON is reported and the others still go). The file is
 * read whole: a 100k-event file is some 20 MB.
 */
export async function readEventFile(
  path: string,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<EventFile> {
  const name = path === '-' ? 'stdin' : path;
  let content: string;
  try {
    content = path === '-' ? await readStream(stdin) : await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new CommandError(ExitCode.notFound, `${name}: ${reason}`);
  }
  const start = content.search(/\S/);
  if (start === -1) throw new CommandError(ExitCode.invalid, `${name}: no events (the input is empty)`);
  return content[start] === '[' ? jsonArray(name, content) : ndjson(name, content);
}

function jsonArray(name: string, content: string): EventFile {
  let events: unknown[];
  try {
    events = JSON.parse(content) as unknown[];
  } catch {
    throw new CommandError(ExitCode.invalid, `${name}:${firstSyntaxError(content)}`);
  }
  let lines: number[] | undefined;
  return {
    name,
    format: 'json',
    events,
    // Where elements start is wanted only to report a rejection: found then, in one more pass.
    lineOf: (index) => (lines ??= elementLines(content))[index] ?? 0,
    malformed: [],
  };
}

function ndjson(name: string, content: string): EventFile {
  const events: unknown[] = [];
  const lines: number[] = [];
  const malformed: MalformedLine[] = [];
  const rows = content.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? '';
    if (row.trim() === '') continue;
    try {
      events.push(JSON.parse(row));
      lines.push(i + 1);
    } catch (error) {
      malformed.push({ line: i + 1, message: `not JSON (${(error as Error).message})` });
    }
  }
  // One pretty-printed event (an object over several lines) is a file of one event, not NDJSON.
  if (malformed.length > 0 && content.trimStart().startsWith('{')) {
    try {
      const single: unknown = JSON.parse(content);
      return {
        name,
        format: 'json',
        events: [single],
        lineOf: () => lineAt(content, content.search(/\S/)),
        malformed: [],
      };
    } catch {
      // Not one object either: the lines stand as reported.
    }
  }
  return { name, format: 'ndjson', events, lineOf: (index) => lines[index] ?? 0, malformed };
}

/** `line:column: what` of the first syntax error, as an editor shows it. */
function firstSyntaxError(content: string): string {
  const errors: jsoncModule.ParseError[] = [];
  jsonc.parse(content, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (!first) return ' not a JSON array of events';
  const line = lineAt(content, first.offset);
  const column = first.offset - content.lastIndexOf('\n', first.offset - 1);
  // printParseErrorCode names the error in CamelCase (PropertyNameExpected): shown as words.
  const what = jsonc
    .printParseErrorCode(first.error)
    .replace(/(?<=[a-z])(?=[A-Z])/g, ' ')
    .toLowerCase();
  return `${line}:${column}: not JSON: ${what}; send a JSON array of events, or one event per line (NDJSON)`;
}

/** The line each top-level element of a JSON array starts on. */
function elementLines(content: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  const element = (line: number) => {
    if (depth === 1) lines.push(line + 1);
  };
  jsonc.visit(content, {
    onObjectBegin: (_offset, _length, line) => {
      element(line);
      depth++;
    },
    onArrayBegin: (_offset, _length, line) => {
      element(line);
      depth++;
    },
    onObjectEnd: () => depth--,
    onArrayEnd: () => depth--,
    onLiteralValue: (_value, _offset, _length, line) => element(line),
  });
  return lines;
}

/** The 1-based line of a character offset. */
function lineAt(content: string, offset: number): number {
  return content.slice(0, offset).split('\n').length;
}
