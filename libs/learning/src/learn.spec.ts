import { describe, expect, it } from '@jest/globals';
import { parseModel, type FeatureMapping } from '@leadscore/contracts';
import { applyEvent, emptyState, refit, scoreAt } from '@leadscore/scoring';
import { designOf } from './features.js';
import { predictProbability } from './logistic-regression.js';
import { learnFromLeads, modelFromLearning } from './learn.js';
import { parseLeadCsv } from './lead-table.js';
import { seededRandom } from './evaluation.js';

// Synthetic past leads whose true effects are known: Referral converts best, then Webinar, Google, Ad;
// each visit adds; `Sales Stage` is filled in by sales after the outcome (it gives the outcome away).
function syntheticCsv(leads: number): string {
  const random = seededRandom(2026);
  const effect: Record<string, number> = { Referral: 2, Webinar: 1.2, Google: 0.4, Ad: 0 };
  const lines = ['Lead ID,Lead Source,Visits,Sales Stage,Converted'];
  for (let i = 0; i < leads; i += 1) {
    const source = (['Referral', 'Webinar', 'Google', 'Ad', 'Select'] as const)[Math.floor(random() * 5)]!;
    const visits = Math.floor(random() * 10);
    const z = -3 + (effect[source] ?? 0) + 0.3 * visits;
    const converted = random() < 1 / (1 + Math.exp(-z));
    const stage = converted ? 'Closed' : random() < 0.98 ? 'Dropped' : 'Closed';
    lines.push(`L-${i},${source},${visits},${stage},${converted ? 1 : 0}`);
  }
  return `${lines.join('\n')}\n`;
}

const MAPPING: FeatureMapping = {
  outcome: { column: 'Converted', converted: ['1'], lost: ['0'] },
  features: [
    { column: 'Lead ID', kind: 'ignore', reason: 'unique per lead (an identifier): nothing to learn' },
    { column: 'Lead Source', kind: 'category', field: 'leadSource', placeholders: ['Select'] },
    { column: 'Visits', kind: 'count', event: 'web.page_viewed' },
    { column: 'Sales Stage', kind: 'category', field: 'salesStage' },
  ],
};

describe('learning from past leads', () => {
  const table = parseLeadCsv(syntheticCsv(4000));
  const report = learnFromLeads(table, MAPPING);

  it('leaves out the column sales filled in after the outcome, saying why, and the identifier', () => {
    expect(report.leftOut.map((l) => l.column)).toEqual(['Lead ID', 'Sales Stage']);
    expect(report.leftOut[1]?.reason).toMatch(/AUC/);
    expect(report.regression.points.some((p) => p.column.source === 'Sales Stage')).toBe(false);
  });

  it('recovers the ranking of the sources from close rates and from the regression', () => {
    const byCloseRate = report.closeRates[0]?.suggestions.suggestions
      .filter((s) => s.kind === 'value')
      .map((s) => s.value);
    expect(byCloseRate).toEqual(['Referral', 'Webinar', 'Google', 'Ad']);
    const byRegression = report.regression.points
      .filter((p) => p.column.kind === 'category')
      .sort((a, b) => b.points - a.points)
      .map((p) => (p.column.kind === 'category' ? p.column.value : ''));
    expect(byRegression).toEqual(['Referral', 'Webinar', 'Google', 'Ad']);
    expect(report.regression.converged).toBe(true);
  });

  it('evaluates the fit on held-out leads it never saw', () => {
    expect(report.trainLeads + report.testLeads).toBe(4000);
    expect(report.testLeads).toBe(1200);
    expect(report.evaluation.count).toBe(1200);
    expect(report.evaluation.rocAuc).toBeGreaterThan(0.7);
    expect(report.evaluation.brierScore).toBeLessThan(0.25);
    expect(report.leakage.classBalance.positives + report.leakage.classBalance.negatives).toBe(4000);
  });

  it('writes a model that parses, whose fit rules give a contact the regression’s points for its answers', () => {
    const text = modelFromLearning(report, { id: 'learned', name: 'Learned from past leads' });
    expect(text).toMatch(/^# Learned from 4000 past leads \(2800 to fit, 1200 held out\)/);
    expect(text).toMatch(/# Left out: Sales Stage — /);
    const model = parseModel(text, 'yaml', 'learned.yaml', { workspace: 'acme' });
    expect(model.engagement?.map((r) => r.event)).toEqual(['web.page_viewed']);
    const referral = report.regression.points.find(
      (p) => p.column.kind === 'category' && p.column.value === 'Referral',
    )?.points;
    const state = refit(model, emptyState(model, 0), { leadSource: 'Referral' }, 0, null).state;
    expect(state.fit.points).toBeCloseTo(referral ?? NaN, 9);
  });

  it('writes the regression as the model’s predictive section: the scorer’s probability is the fit’s', () => {
    const model = parseModel(
      modelFromLearning(report, { id: 'learned', name: 'Learned' }),
      'yaml',
      'l.yaml',
      {
        workspace: 'acme',
      },
    );
    expect(model.predictive?.intercept).toBe(report.regression.intercept);
    const columns = report.regression.points.map((p) => p.column);
    const fit = {
      intercept: report.regression.intercept,
      coefficients: report.regression.points.map((p) => p.coefficient),
    };
    for (const [source, visits] of [
      ['Referral', 7],
      ['Ad', 0],
      ['Select', 3],
    ] as const) {
      let state = refit(model, emptyState(model, 0), { leadSource: source }, 0, null).state;
      for (let i = 0; i < visits; i += 1)
        state = applyEvent(model, state, { id: `v${i}`, type: 'web.page_viewed', data: {} }, 0).state;
      const [row] = designOf([{ 'Lead Source': source, Visits: String(visits) }], columns).matrix;
      expect(scoreAt(model, state, 0).probability).toBeCloseTo(100 * predictProbability(fit, row ?? []), 9);
    }
  });

  it('names the line and column of a count that is not a number', () => {
    const text = syntheticCsv(60).split('\n');
    text[42] = text[42]!.replace(/,\d+,(Closed|Dropped),/, ',lots,$1,');
    expect(() => learnFromLeads(parseLeadCsv(text.join('\n')), MAPPING)).toThrow(
      'CSV line 43, column "Visits": "lots" is not a count (a number of 0 or more)',
    );
  });

  it('says what is wrong with a mapping that does not fit the file', () => {
    expect(() =>
      learnFromLeads(table, { ...MAPPING, features: [{ column: 'Budget', kind: 'count', event: null }] }),
    ).toThrow('the mapping names columns the file does not have: Budget');
  });
});
