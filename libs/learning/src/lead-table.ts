import { type FeatureMapping, type OutcomeColumn } from '@leadscore/contracts';
import { ScoringInputError } from '@leadscore/scoring';
import { CsvError, parse } from 'csv-parse/sync';
import { DEFAULT_PLACEHOLDERS, type LeadRow } from './features.js';

/** Past leads as a CRM export gives them: one row per lead, cells by column name. */
export interface LeadTable {
  readonly columns: readonly string[];
  readonly rows: readonly LeadRow[];
  /** The file's line of each row (1-based; a quoted cell may span lines: its first), for error messages. */
  readonly lines: readonly number[];
}

/** Rows between two progress reports of `parseLeadCsv`. */
export const CSV_PROGRESS_ROWS = 1000;

export interface LeadCsvOptions {
  /**
   * Told how far reading has come, as bytes read of the file's bytes (UTF-8): every CSV_PROGRESS_ROWS
   * rows and once at the end. For a progress bar; it must not throw.
   */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/**
 * Reads a CSV export (RFC 4180: quoted cells, a header row, a UTF-8 byte order mark tolerated). Every row
 * must have as many cells as the header; an error names the line and what is wrong.
 */
export function parseLeadCsv(text: string, options: LeadCsvOptions = {}): LeadTable {
  let records: string[][];
  const lines: number[] = [];
  const { onProgress } = options;
  const totalBytes = onProgress ? Buffer.byteLength(text) : 0;
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      on_record: (record: string[], context) => {
        lines.push(context.lines);
        if (onProgress && lines.length % CSV_PROGRESS_ROWS === 0) onProgress(context.bytes, totalBytes);
        return record;
      },
    });
    onProgress?.(totalBytes, totalBytes);
  } catch (error) {
    if (error instanceof CsvError) throw new ScoringInputError(csvProblem(error));
    throw error;
  }
  const [header, ...body] = records;
  if (!header || header.length === 0)
    throw new ScoringInputError('CSV: the file is empty (a header row of column names comes first)');
  const columns = header.map((name) => name.trim());
  const seen = new Set<string>();
  columns.forEach((name, j) => {
    if (name === '') throw new ScoringInputError(`CSV line 1: column ${j + 1} has no name`);
    if (seen.has(name)) throw new ScoringInputError(`CSV line 1: two columns are named "${name}"`);
    seen.add(name);
  });
  if (body.length === 0) throw new ScoringInputError('CSV: the file has a header but no leads');
  const rows = body.map((cells) => Object.fromEntries(columns.map((name, j) => [name, cells[j] ?? ''])));
  return { columns, rows, lines: lines.slice(1) };
}

/** What is wrong with a file csv-parse refused, with its line. */
function csvProblem(error: CsvError): string {
  const line = (error as CsvError & { lines?: number }).lines ?? '?';
  const lengths = /expect (\d+), got (\d+)/.exec(error.message);
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && lengths)
    return `CSV line ${line}: ${lengths[2]} cells, but the header has ${lengths[1]} columns (a missing or extra comma, or an unquoted comma inside a cell)`;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED')
    return `CSV line ${line}: a quoted cell is never closed (a " opened on or after this line)`;
  return `CSV line ${line}: ${error.message}`;
}

/** Each row's outcome, 1 converted or 0 lost; a value the mapping does not name is an error with its line. */
export function outcomesOf(table: LeadTable, outcome: OutcomeColumn): number[] {
  if (!table.columns.includes(outcome.column))
    throw new ScoringInputError(
      `the outcome column "${outcome.column}" is not in the file (its columns: ${table.columns.join(', ')})`,
    );
  const converted = new Set(outcome.converted.map((v) => v.trim().toLowerCase()));
  const lost = new Set(outcome.lost.map((v) => v.trim().toLowerCase()));
  return table.rows.map((row, i) => {
    const value = (row[outcome.column] ?? '').trim().toLowerCase();
    if (converted.has(value)) return 1;
    if (lost.has(value)) return 0;
    throw new ScoringInputError(
      `${cellName(table, i, outcome.column)}: "${row[outcome.column] ?? ''}" is neither converted (${outcome.converted.join(', ')}) nor lost (${outcome.lost.join(', ')}); add it to the mapping's outcome`,
    );
  });
}

/** Where a cell of the table is, as errors name it: `CSV line 12, column "Visits"`. */
export function cellName(table: LeadTable, row: number, column: string): string {
  return `CSV line ${table.lines[row] ?? row + 2}, column "${column}"`;
}

const OUTCOME_NAMES = /^(converted|conversion|won|is[ _-]?won|outcome|closed[ _-]?won|customer)$/i;
const CONVERTED_WORDS = ['1', 'yes', 'true', 'won', 'converted', 'y'];
const LOST_WORDS = ['0', 'no', 'false', 'lost', 'not converted', 'n'];

/** camelCase of a column name, as a profile field: "Lead Source" → leadSource. */
function fieldNameOf(column: string): string {
  const words = column.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const name = words
    .map((w, i) =>
      i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join('');
  return name === '' ? 'field' : /^[0-9]/.test(name) ? `f${name}` : name;
}

/**
 * A first mapping of the file for a person to review: the outcome column (by its name, else the one 0/1
 * column), numeric columns as counts with their event left to map, columns unique per lead (ids, emails)
 * ignored, the rest as profile fields named after the column, with the placeholders found among their
 * values.
 */
export function proposeMapping(table: LeadTable): FeatureMapping {
  const valuesOf = (column: string) => table.rows.map((row) => (row[column] ?? '').trim());
  const binary = (column: string) => valuesOf(column).every((v) => v === '0' || v === '1');
  const outcomeColumn =
    table.columns.find((c) => OUTCOME_NAMES.test(c)) ?? table.columns.find((c) => binary(c));
  if (outcomeColumn === undefined)
    throw new ScoringInputError(
      `no outcome column found (named like Converted or Won, or holding only 0 and 1) among: ${table.columns.join(', ')}`,
    );
  const present = new Set(valuesOf(outcomeColumn).map((v) => v.toLowerCase()));
  const features: FeatureMapping['features'] = table.columns
    .filter((column) => column !== outcomeColumn)
    .map((column) => {
      const values = valuesOf(column);
      const answered = values.filter((v) => v !== '');
      if (answered.length > 0 && answered.every((v) => Number.isFinite(Number(v))))
        return { column, kind: 'count' as const, event: null };
      if (answered.length > 1 && new Set(answered).size === answered.length)
        return {
          column,
          kind: 'ignore' as const,
          reason: 'unique per lead (an identifier): nothing to learn',
        };
      const placeholders = [
        ...new Set(answered.filter((v) => DEFAULT_PLACEHOLDERS.includes(v.toLowerCase()))),
      ];
      return {
        column,
        kind: 'category' as const,
        field: fieldNameOf(column),
        ...(placeholders.length > 0 ? { placeholders } : {}),
      };
    });
  return {
    outcome: {
      column: outcomeColumn,
      converted:
        CONVERTED_WORDS.filter((w) => present.has(w)).length > 0
          ? CONVERTED_WORDS.filter((w) => present.has(w))
          : ['1'],
      lost:
        LOST_WORDS.filter((w) => present.has(w)).length > 0
          ? LOST_WORDS.filter((w) => present.has(w))
          : ['0'],
    },
    features,
  };
}
