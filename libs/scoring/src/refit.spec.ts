import { describe, expect, it } from '@jest/globals';
import { T0, days, modelWith } from '../test/scoring-fixtures.js';
import { emptyState } from './contact-score.state.js';
import { refit } from './refit.js';

const model = modelWith({
  fit: [
    { id: 'ceo', field: 'jobTitle', operator: 'equals', value: 'CEO', points: 15 },
    { id: 'mid-market', field: 'company.employees', operator: 'range', min: 50, max: 1000, points: 20 },
    { id: 'student', field: 'jobTitle', operator: 'regex', pattern: 'student', flags: 'i', points: -10 },
  ],
  grades: [
    { grade: 'A', min: 30 },
    { grade: 'B', min: 10, max: 30 },
    { grade: 'F', max: 10 },
  ],
});

describe('refit', () => {
  it('sums the points of the fit rules the profile matches and grades the result', () => {
    const { state, change } = refit(
      model,
      emptyState(model, T0),
      { jobTitle: 'CEO', company: { employees: 120 } },
      T0,
    );
    expect(state.fit).toEqual({ points: 35, rules: { ceo: 15, 'mid-market': 20 } });
    expect(change?.current).toMatchObject({ fit: 35, total: 35, grade: 'A' });
    expect(change?.cause).toEqual({ type: 'refit' });
  });

  it('explains which fit rules started and stopped matching', () => {
    const first = refit(
      model,
      emptyState(model, T0),
      { jobTitle: 'CEO', company: { employees: 120 } },
      T0,
    ).state;
    const { change } = refit(
      model,
      first,
      { jobTitle: 'Student', company: { employees: 120 } },
      days(1),
      'u1',
    );
    expect(change?.applied.map((a) => [a.ruleId, a.points])).toEqual([
      ['ceo', -15],
      ['student', -10],
    ]);
    expect(change?.current).toMatchObject({ fit: 10, grade: 'B' });
    expect(change?.cause).toEqual({ type: 'refit', eventId: 'u1' });
  });

  it('ignores a profile update whose event id it has seen', () => {
    const once = refit(model, emptyState(model, T0), { jobTitle: 'CEO' }, T0, 'u1').state;
    expect(refit(model, once, { jobTitle: 'Student' }, days(1), 'u1').state).toBe(once);
  });
});
