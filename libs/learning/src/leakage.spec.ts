import { describe, expect, it } from '@jest/globals';
import { ScoringInputError } from '@leadscore/scoring';

import { seededRandom } from './evaluation.js';
import { beforeConversion, leakageChecks, type LeakageColumn } from './leakage.js';

/** 2,000 synthetic leads, 10 % converted, with honest columns and two planted leaks. */
function syntheticLeads(): { columns: LeakageColumn[]; outcomes: boolean[] } {
  const random = seededRandom(30);
  const sizes = ['1-10', '11-50', '51-200', '201-1000', '1000+'];
  const outcomes: boolean[] = [];
  const companySize: (string | null)[] = [];
  const pageViews: (number | null)[] = [];
  const email: string[] = [];
  const dealStage: (string | null)[] = [];
  const dealAmount: (number | null)[] = [];
  for (let i = 0; i < 2000; i += 1) {
    const size = Math.floor(random() * sizes.length);
    // Honest signal: bigger companies and more page views convert more often, far from perfectly.
    const views = Math.floor(random() * 20);
    const converted = random() < 0.03 + 0.03 * size + 0.004 * views;
    outcomes.push(converted);
    companySize.push(random() < 0.1 ? null : (sizes[size] ?? null));
    pageViews.push(random() < 0.05 ? null : views);
    email.push(`lead-${i}@example.com`);
    // Sales fill these in once they have talked to the lead: 1 % noise either way.
    const wrong = random() < 0.01;
    dealStage.push(converted !== wrong ? 'Closed Won' : random() < 0.5 ? null : 'Open');
    dealAmount.push(converted ? 5000 + Math.floor(random() * 1000) : null);
  }
  return {
    outcomes,
    columns: [
      { name: 'companySize', kind: 'categorical', values: companySize },
      { name: 'pageViews', kind: 'numeric', values: pageViews },
      { name: 'email', kind: 'categorical', values: email },
      { name: 'dealStage', kind: 'categorical', values: dealStage },
      { name: 'dealAmount', kind: 'numeric', values: dealAmount },
    ],
  };
}

describe('leakage checks', () => {
  it('flags the planted leaky columns with their AUC and leaves the honest ones in', () => {
    const { columns, outcomes } = syntheticLeads();
    const report = leakageChecks(columns, outcomes);
    const byName = Object.fromEntries(report.columns.map((c) => [c.name, c]));
    expect(byName['dealStage']).toMatchObject({ leaky: true, excluded: true });
    expect(byName['dealStage']?.reason).toMatch(
      /^dealStage alone separates converted leads with ROC AUC 0\.9\d\d \(≥ 0\.95\)/,
    );
    // Filled only for converted leads: its presence gives it away even though every amount is plausible.
    expect(byName['dealAmount']).toMatchObject({ leaky: true, excluded: true, auc: 1 });
    for (const honest of ['companySize', 'pageViews', 'email']) {
      expect(byName[honest]).toMatchObject({ leaky: false, excluded: false, reason: null });
      expect(byName[honest]?.auc).toBeLessThan(0.8);
    }
    expect(byName['companySize']?.auc).toBeGreaterThan(0.55);
    // Every address is unique: pooled as rare values, the column says nothing.
    expect(byName['email']?.auc).toBe(0.5);
    expect(report.included).toEqual(['companySize', 'pageViews', 'email']);
    expect(report.excluded.map((e) => e.name)).toEqual(['dealStage', 'dealAmount']);
  });

  it('keeps a flagged column the caller vouches for, still flagged', () => {
    const { columns, outcomes } = syntheticLeads();
    const report = leakageChecks(columns, outcomes, { keep: ['dealAmount'] });
    expect(report.columns.find((c) => c.name === 'dealAmount')).toMatchObject({
      leaky: true,
      excluded: false,
    });
    expect(report.included).toContain('dealAmount');
    expect(report.excluded.map((e) => e.name)).toEqual(['dealStage']);
  });

  it('takes a numeric column predicting the outcome backwards as just as leaky', () => {
    const outcomes = [true, true, false, false, false];
    const report = leakageChecks(
      [{ name: 'daysToClose', kind: 'numeric', values: [1, 2, 30, 40, 50] }],
      outcomes,
    );
    expect(report.columns[0]).toMatchObject({ auc: 1, leaky: true });
  });

  it('scores a categorical column by its values’ conversion rates, by hand', () => {
    // A: 2 of 3 converted, B: 1 of 3. Scores 2/3 for A rows, 1/3 for B rows: of the 3 × 3 pairs
    // (converted, not), A beats B in 2 × 2, ties in 2 × 1 + 1 × 2 = 4 → (4 + 2) / 9.
    const values = ['A', 'A', 'A', 'B', 'B', 'B'];
    const outcomes = [true, true, false, true, false, false];
    const report = leakageChecks([{ name: 'plan', kind: 'categorical', values }], outcomes, {
      minSupport: 1,
    });
    expect(report.columns[0]?.auc).toBeCloseTo(6 / 9, 12);
  });

  it('reports the class balance and warns when the minority is under 5 %', () => {
    const outcomes = Array.from({ length: 100 }, (_, i) => i < 3);
    const { classBalance } = leakageChecks([], outcomes);
    expect(classBalance).toMatchObject({
      positives: 3,
      negatives: 97,
      positiveShare: 0.03,
      minorityShare: 0.03,
    });
    expect(classBalance.warning).toMatch(/only 3\.0 % of leads are converted \(3 of 100\)/);
    expect(
      leakageChecks(
        [],
        outcomes.map((o) => !o),
      ).classBalance.warning,
    ).toMatch(/are not converted/);
    expect(
      leakageChecks(
        [],
        outcomes.map((_, i) => i < 10),
      ).classBalance.warning,
    ).toBeNull();
    const oneClass = leakageChecks([{ name: 'x', kind: 'numeric', values: [1, 2] }], [false, false]);
    expect(oneClass.classBalance.warning).toMatch(/all 2 leads are not converted/);
    expect(oneClass.columns[0]).toMatchObject({ auc: null, leaky: false });
  });

  it('refuses columns that do not pair up with the outcomes', () => {
    const column: LeakageColumn = { name: 'x', kind: 'numeric', values: [1, 2] };
    expect(() => leakageChecks([column], [true])).toThrow(ScoringInputError);
    expect(() => leakageChecks([column, column], [true, false])).toThrow(/given twice/);
    expect(() => leakageChecks([], [])).toThrow(/no outcomes/);
    expect(() => leakageChecks([{ ...column, values: [1, Number.NaN] }], [true, false])).toThrow(/NaN at 1/);
    expect(() => leakageChecks([], [true], { threshold: 0.4 })).toThrow(/threshold/);
  });
});

describe('events before the conversion', () => {
  const events = [
    { id: 'a', time: 100 },
    { id: 'b', time: 200 },
    { id: 'c', time: 300 },
  ];

  it('keeps only events strictly before the conversion: one at or after it never counts', () => {
    expect(beforeConversion(events, 200).map((e) => e.id)).toEqual(['a']);
    expect(beforeConversion(events, 201).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('keeps every event of a lead that never converted', () => {
    expect(beforeConversion(events, null)).toEqual(events);
    expect(() => beforeConversion(events, Number.NaN)).toThrow(ScoringInputError);
  });
});
