import { describe, expect, it } from '@jest/globals';
import { T0, days, modelWith } from '../test/scoring-fixtures.js';
import { applyEvent } from './apply-event.js';
import { emptyState, onlyReportChanged } from './contact-score.state.js';
import { scoreAt } from './score-at.js';
import { advanceTo, applyInactivity, decayTo, expireAwards } from './time-effects.js';

describe('inactivity', () => {
  const model = (repeat: boolean) =>
    modelWith({
      engagement: [{ id: 'visit', event: 'web.page_viewed', points: 10, decay: 'none' }],
      inactivity: [{ id: 'quiet', afterDays: 30, points: -5, repeat, decay: 'none' }],
    });

  it('penalises once per stretch of inactivity by default', () => {
    const m = model(false);
    const state = applyEvent(m, emptyState(m, T0), { id: 'v1', type: 'web.page_viewed' }, T0).state;
    expect(scoreAt(m, state, days(30) - 1).engagement).toBe(10);
    expect(scoreAt(m, state, days(30)).engagement).toBe(5);
    expect(scoreAt(m, state, days(300)).engagement).toBe(5);
  });

  it('penalises again after every further window when the rule repeats', () => {
    const m = model(true);
    const state = applyEvent(m, emptyState(m, T0), { id: 'v1', type: 'web.page_viewed' }, T0).state;
    const { change } = applyInactivity(m, state, days(95));
    expect(change?.applied.map((a) => a.at)).toEqual([days(30), days(60), days(90)]);
    expect(change?.cause).toEqual({ type: 'inactivity' });
    expect(scoreAt(m, state, days(95)).engagement).toBe(-5);
  });

  it('starts counting again from the next engagement', () => {
    const m = model(false);
    let state = applyEvent(m, emptyState(m, T0), { id: 'v1', type: 'web.page_viewed' }, T0).state;
    state = applyEvent(m, state, { id: 'v2', type: 'web.page_viewed' }, days(40)).state;
    expect(scoreAt(m, state, days(69)).engagement).toBe(15);
    expect(scoreAt(m, state, days(70)).engagement).toBe(10);
  });

  it('counts from the creation of a contact who never engaged', () => {
    const m = model(false);
    expect(scoreAt(m, emptyState(m, T0), days(30)).engagement).toBe(-5);
  });
});

describe('decay and expiry for the decay service', () => {
  const model = modelWith({
    engagement: [
      { id: 'open', event: 'email.opened', points: 4, expiresAfterDays: 10 },
      { id: 'demo', event: 'web.form_submitted', points: 30, decay: 'none' },
    ],
    decay: { halfLifeDays: 5 },
  });

  it('halves decaying points every half-life and leaves non-decaying rules alone', () => {
    let state = applyEvent(model, emptyState(model, T0), { id: 'o1', type: 'email.opened' }, T0).state;
    state = applyEvent(model, state, { id: 'd1', type: 'web.form_submitted' }, T0).state;
    expect(scoreAt(model, state, days(5)).engagement).toBeCloseTo(2 + 30, 12);
    expect(Object.keys(state.engagement.buckets).sort()).toEqual(['halfLifeDays:5', 'none']);
  });

  it('removes expired awards with their own cause and publishes the drop', () => {
    const state = applyEvent(model, emptyState(model, T0), { id: 'o1', type: 'email.opened' }, T0).state;
    const { state: after, change } = expireAwards(model, state, days(10));
    expect(change?.cause).toEqual({ type: 'expiry' });
    expect(change?.applied).toEqual([
      {
        ruleId: 'open',
        kind: 'engagement',
        outcome: 'expired',
        points: -4 * 0.5 ** 2,
        eventId: 'o1',
        at: days(10),
      },
    ]);
    expect(after.awards).toEqual([]);
    expect(after.engagement.rules).toEqual({});
  });

  it('publishes decay only when the rounded scores move', () => {
    const state = applyEvent(
      model,
      emptyState(model, T0),
      { id: 'd1', type: 'web.form_submitted' },
      T0,
    ).state;
    expect(decayTo(model, state, days(100)).change).toBeUndefined();
    const decaying = applyEvent(model, emptyState(model, T0), { id: 'o1', type: 'email.opened' }, T0).state;
    expect(decayTo(model, decaying, days(1)).change?.current.engagement).toBe(3.48);
  });

  it('brings a state up to date in one pass: expiry first, then decay', () => {
    const state = applyEvent(model, emptyState(model, T0), { id: 'o1', type: 'email.opened' }, T0).state;
    const { state: after, change } = advanceTo(model, state, days(12));
    expect(change?.cause).toEqual({ type: 'expiry' });
    expect(change?.current.engagement).toBe(0);
    expect(after.asOf).toBe(days(12));
  });

  it('changes only the report of a contact that merely decayed, with the score decayTo gives', () => {
    let state = applyEvent(model, emptyState(model, T0), { id: 'o1', type: 'email.opened' }, T0).state;
    state = applyEvent(model, state, { id: 'd1', type: 'web.form_submitted' }, T0).state;
    const { state: after, change } = advanceTo(model, state, days(3));
    expect(change?.cause).toEqual({ type: 'decay' });
    expect(onlyReportChanged(state, after)).toBe(true);
    expect(after.engagement).toEqual(state.engagement);
    expect(after.reported).toEqual(decayTo(model, state, days(3)).state.reported);
    expect(scoreAt(model, after, days(7))).toEqual(scoreAt(model, state, days(7)));
  });

  it('changes more than the report when an award expired or a decayed entry was dropped', () => {
    const opened = applyEvent(model, emptyState(model, T0), { id: 'o1', type: 'email.opened' }, T0).state;
    const expired = advanceTo(model, opened, days(12)).state;
    expect(onlyReportChanged(opened, expired)).toBe(false);
    const lasting = modelWith({
      engagement: [{ id: 'open', event: 'email.opened', points: 4 }],
      decay: { halfLifeDays: 1 },
    });
    const faded = applyEvent(lasting, emptyState(lasting, T0), { id: 'o1', type: 'email.opened' }, T0).state;
    const gone = advanceTo(lasting, faded, days(400)).state;
    expect(gone.engagement).toEqual({ buckets: {}, rules: {} });
    expect(onlyReportChanged(faded, gone)).toBe(false);
  });
});
