import { describe, expect, it } from '@jest/globals';
import { CSV_PROGRESS_ROWS, outcomesOf, parseLeadCsv, proposeMapping } from './lead-table.js';

// The shape of a CRM lead export (the columns of the widely used "Lead Scoring" dataset of an education
// company's CRM: profile answers with a `Select` placeholder, activity counts, a 0/1 `Converted`).
const EXPORT = `Prospect ID,Lead Origin,Lead Source,TotalVisits,Total Time Spent on Website,Page Views Per Visit,Specialization,Converted
7927b2df-8bba-4d29-b9a2-b6e0beafe620,API,Olark Chat,0,0,0,Select,0
2a272436-5132-4136-86fa-dcc88c88f482,API,Organic Search,5,674,2.5,Select,0
8cc8c611-a219-4f35-ad23-fdfd2656bd8a,Landing Page Submission,Direct Traffic,2,1532,2,Business Administration,1
0cc2df48-7cf4-4e39-9de9-19797f9b38cc,Landing Page Submission,Direct Traffic,1,305,1,Media and Advertising,0
3256f628-e534-4826-9d63-4a8b88782852,Landing Page Submission,Google,2,1428,1,Select,1
"2058ef08-2858-443e-a01f-a9237db2f5ce",API,"Olark Chat",,0,,"Select",0
`;

describe('lead tables from a CSV export', () => {
  it('reads the rows by column name, with each row’s line (quoted cells, empty cells, a BOM)', () => {
    const table = parseLeadCsv(`\uFEFF${EXPORT}`);
    expect(table.columns).toHaveLength(8);
    expect(table.rows).toHaveLength(6);
    expect(table.rows[5]).toMatchObject({
      'Lead Source': 'Olark Chat',
      TotalVisits: '',
      Specialization: 'Select',
    });
    expect(table.lines).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('reports its progress in bytes every CSV_PROGRESS_ROWS rows and at the end, the same table either way', () => {
    const rows = Array.from(
      { length: 2 * CSV_PROGRESS_ROWS + 5 },
      (_, i) => `lead-${i},Ads,ü${i % 3},${i % 2}`,
    );
    const text = `Id,Source,Note,Converted\n${rows.join('\n')}\n`;
    const reports: [number, number][] = [];
    const table = parseLeadCsv(text, { onProgress: (read, total) => reports.push([read, total]) });
    const total = Buffer.byteLength(text);
    // The header is a record too: the 1000th and 2000th records, then the end.
    expect(reports).toHaveLength(3);
    expect(reports.every(([, t]) => t === total)).toBe(true);
    expect(reports.map(([read]) => read)).toEqual([...reports.map(([read]) => read)].sort((a, b) => a - b));
    expect(reports[0]![0]).toBeGreaterThan(0);
    expect(reports[0]![0]).toBeLessThan(total);
    expect(reports[2]).toEqual([total, total]);
    expect(table).toEqual(parseLeadCsv(text));
  });

  it('names the line and what is wrong in a broken file', () => {
    expect(() => parseLeadCsv('a,b,Converted\n1,2,0\n3,4\n')).toThrow(
      'CSV line 3: 2 cells, but the header has 3 columns',
    );
    expect(() => parseLeadCsv('a,Converted\n"open,1\n')).toThrow('a quoted cell is never closed');
    expect(() => parseLeadCsv('')).toThrow('the file is empty');
    expect(() => parseLeadCsv('a,Converted\n')).toThrow('a header but no leads');
    expect(() => parseLeadCsv('a,a\n1,2\n')).toThrow('two columns are named "a"');
  });

  it('proposes a mapping: the outcome, counts to map to events, profile fields with their placeholders, ids left out', () => {
    const mapping = proposeMapping(parseLeadCsv(EXPORT));
    expect(mapping.outcome).toEqual({ column: 'Converted', converted: ['1'], lost: ['0'] });
    expect(mapping.features).toEqual([
      { column: 'Prospect ID', kind: 'ignore', reason: 'unique per lead (an identifier): nothing to learn' },
      { column: 'Lead Origin', kind: 'category', field: 'leadOrigin' },
      { column: 'Lead Source', kind: 'category', field: 'leadSource' },
      { column: 'TotalVisits', kind: 'count', event: null },
      { column: 'Total Time Spent on Website', kind: 'count', event: null },
      { column: 'Page Views Per Visit', kind: 'count', event: null },
      { column: 'Specialization', kind: 'category', field: 'specialization', placeholders: ['Select'] },
    ]);
  });

  it('reads each lead’s outcome through the mapping, naming a value it does not know', () => {
    const table = parseLeadCsv(EXPORT);
    expect(outcomesOf(table, { column: 'Converted', converted: ['1'], lost: ['0'] })).toEqual([
      0, 0, 1, 0, 1, 0,
    ]);
    const won = parseLeadCsv('Stage,Outcome\na,Won\nb,lost\nc,maybe\n');
    expect(() => outcomesOf(won, { column: 'Outcome', converted: ['won'], lost: ['lost'] })).toThrow(
      'CSV line 4, column "Outcome": "maybe" is neither converted (won) nor lost (lost)',
    );
    expect(() => outcomesOf(won, { column: 'Result', converted: ['won'], lost: ['lost'] })).toThrow(
      'the outcome column "Result" is not in the file (its columns: Stage, Outcome)',
    );
  });
});
