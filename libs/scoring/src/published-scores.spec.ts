import { describe, expect, it } from '@jest/globals';
import { T0, modelWith } from '../test/scoring-fixtures.js';
import { applyEvent } from './apply-event.js';
import { emptyState } from './contact-score.state.js';
import { fieldAt } from './field-conditions.js';
import { refit } from './refit.js';
import { scoreAt } from './score-at.js';
import { roundScore } from './score.js';

describe('field paths with dotted keys', () => {
  it('reads a nested field and a flattened one (a key holding dots) alike', () => {
    expect(fieldAt({ company: { employees: 250 } }, 'company.employees')).toBe(250);
    expect(fieldAt({ 'company.employees': 250 }, 'company.employees')).toBe(250);
    expect(fieldAt({ 'a.b': { c: 1 } }, 'a.b.c')).toBe(1);
    expect(fieldAt({ a: { 'b.c': 2 } }, 'a.b.c')).toBe(2);
  });

  it('prefers the longest key, falls back to a shorter one, and finds nothing that is not there', () => {
    expect(fieldAt({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
    expect(fieldAt({ 'a.b': {}, a: { b: { c: 3 } } }, 'a.b.c')).toBe(3);
    expect(fieldAt({ 'a.b': 1 }, 'a')).toBeUndefined();
    expect(fieldAt({ a: 1 }, 'a.b')).toBeUndefined();
    expect(fieldAt({}, 'constructor')).toBeUndefined();
  });

  it('awards fit points on a Segment-style flattened profile (hubspot.yaml rules on company.employees)', () => {
    const model = modelWith({
      fit: [{ id: 'size', field: 'company.employees', operator: 'range', min: 200, points: 15 }],
    });
    const { state } = refit(model, emptyState(model, T0), { 'company.employees': 250 }, T0, null);
    expect(state.reported?.fit).toBe(15);
  });
});

describe('tier and grade of a published score', () => {
  it('follow the rounded total: 49.9999 is published as 50 and is hot at a hot line of 50', () => {
    const model = modelWith({
      engagement: [{ id: 'demo', event: 'web.form_submitted', points: 50 }],
      decay: { percentPerDay: 1 },
      tiers: { warm: 20, hot: 50 },
    });
    const demo = applyEvent(model, emptyState(model, T0), { id: 'd', type: 'web.form_submitted' }, T0).state;
    // A minute later the engagement is 49.9993…: published as 50.00, so still hot.
    const later = scoreAt(model, demo, T0 + 60_000);
    expect(later.total).toBeLessThan(50);
    const published = { total: roundScore(later.total), tier: later.tier };
    expect(published).toEqual({ total: 50, tier: 'hot' });
  });
});
