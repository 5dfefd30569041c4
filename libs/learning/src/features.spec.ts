import { describe, expect, it } from '@jest/globals';
import {
  answerOf,
  designOf,
  learnColumns,
  pointTable,
  type FeatureSource,
  type LeadRow,
} from './features.js';
import { fitLogisticRegression } from './logistic-regression.js';

const SOURCES: FeatureSource[] = [
  { kind: 'category', column: 'Lead Source', field: 'leadSource', placeholders: ['Select'] },
  { kind: 'count', column: 'TotalVisits', event: 'web.page_viewed' },
];

describe('feature columns', () => {
  const rows: LeadRow[] = [
    { 'Lead Source': 'Google', TotalVisits: '2' },
    { 'Lead Source': 'Google', TotalVisits: '4' },
    { 'Lead Source': 'Referral', TotalVisits: '0' },
    { 'Lead Source': 'Select', TotalVisits: '' },
    { 'Lead Source': ' google ', TotalVisits: '4' },
    { 'Lead Source': 'Fax', TotalVisits: '6' },
  ];

  it('one-hot codes the values answered often enough, leaving placeholders and rare values as the baseline', () => {
    const columns = learnColumns(rows, SOURCES, 2);
    expect(columns.map((c) => (c.kind === 'category' ? c.value : c.source))).toEqual([
      'Google',
      'TotalVisits',
    ]);
    const visits = columns[1];
    // Counts 2, 4, 0, 0 (empty: no activity), 4, 6: mean 8/3.
    expect(visits).toMatchObject({ kind: 'count', event: 'web.page_viewed', mean: 16 / 6 });
    const { matrix } = designOf(rows, columns);
    expect(matrix.map((row) => row[0])).toEqual([1, 1, 0, 0, 0, 0]);
    expect(matrix[3]?.[1]).toBeCloseTo((0 - 16 / 6) / (visits?.kind === 'count' ? visits.sd : 1), 12);
  });

  it('reads "not answered" from empty cells and placeholders, case and spaces aside', () => {
    expect([
      answerOf(' Select '),
      answerOf('N/A'),
      answerOf(''),
      answerOf(undefined),
      answerOf('Web'),
    ]).toEqual([null, null, null, null, 'Web']);
    expect(answerOf('Unknown', ['unknown'])).toBeNull();
  });

  it('leaves out a count that never varies, and names a bad count cell', () => {
    expect(learnColumns([{ TotalVisits: '3' }, { TotalVisits: '3' }], [SOURCES[1]!])).toEqual([]);
    expect(() => learnColumns([{ TotalVisits: '3' }, { TotalVisits: 'lots' }], [SOURCES[1]!])).toThrow(
      'row 2, column "TotalVisits": "lots" is not a count',
    );
  });

  it('reads a fit as points per answer and per event, largest first, recovering the planted effects', () => {
    // Synthetic leads whose true log-odds are known: Referral +2, Google +0.5, each visit +0.4.
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const leads: LeadRow[] = [];
    const outcomes: number[] = [];
    for (let i = 0; i < 3000; i += 1) {
      const source = ['Google', 'Referral', 'Ad', 'Select'][Math.floor(random() * 4)]!;
      const visits = Math.floor(random() * 8);
      const z = -3 + (source === 'Referral' ? 2 : source === 'Google' ? 0.5 : 0) + 0.4 * visits;
      leads.push({ 'Lead Source': source, TotalVisits: String(visits) });
      outcomes.push(random() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
    }
    const columns = learnColumns(leads, SOURCES);
    const fit = fitLogisticRegression(designOf(leads, columns).matrix, outcomes, { C: 100 });
    expect(fit.converged).toBe(true);
    const table = pointTable(fit.coefficients, columns);
    const pointsOf = (name: string) =>
      table.find((p) => (p.column.kind === 'category' ? p.column.value : p.column.source) === name)?.points ??
      NaN;
    // 10 points per unit of log-odds: about 20 for Referral, 5 for Google, 4 per visit; Ad about 0.
    expect(pointsOf('Referral')).toBeGreaterThan(15);
    expect(pointsOf('Referral')).toBeLessThan(25);
    expect(pointsOf('TotalVisits')).toBeGreaterThan(3);
    expect(pointsOf('TotalVisits')).toBeLessThan(5);
    expect(pointsOf('Referral')).toBeGreaterThan(pointsOf('Google'));
    expect(pointsOf('Google')).toBeGreaterThan(pointsOf('Ad'));
    expect(table[0]?.column).toMatchObject({ value: 'Referral' });
    expect(() => pointTable([1], columns)).toThrow('1 coefficients for 4 feature columns');
  });
});
