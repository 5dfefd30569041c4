import { describe, expect, it } from '@jest/globals';
import { T0, days, modelWith } from '../test/scoring-fixtures.js';
import { applyEvent } from './apply-event.js';
import { emptyState } from './contact-score.state.js';
import { explainAt } from './explain-score.js';
import { refit } from './refit.js';
import { replayContact } from './replay.js';
import { advanceTo } from './time-effects.js';
import { toScoreChangedData } from './score-change.js';

const sigmoid100 = (logOdds: number) => 100 / (1 + Math.exp(-logOdds));
const hundredths = (n: number) => Math.round(n * 100) / 100;

const model = modelWith({
  engagement: [{ id: 'pricing', event: 'web.page_viewed', points: 10, decay: { halfLifeDays: 7 } }],
  predictive: {
    intercept: -2,
    features: [
      { id: 'industry-saas', field: 'industry', value: 'SaaS', coefficient: 1.5 },
      { id: 'size-large', field: 'company.size', value: '1000+', coefficient: 0.7 },
      { id: 'page-views', event: 'web.page_viewed', mean: 2, sd: 4, coefficient: 0.8 },
      { id: 'webinars', event: 'webinar.attended', mean: 0.5, sd: 0.5, coefficient: 1.2 },
    ],
  },
});
const view = (id: string, time: number) => ({ id, type: 'web.page_viewed', data: {}, time });

describe('the predictive score', () => {
  it('gives a contact nobody knows the probability of every count at zero, and publishes nothing then', () => {
    const fresh = emptyState(model, T0);
    const expected = sigmoid100(-2 + (0.8 * (0 - 2)) / 4 + (1.2 * (0 - 0.5)) / 0.5);
    expect(explainAt(model, fresh, T0).score.probability).toBeCloseTo(expected, 10);
    // An event the model neither scores nor counts leaves the zero scores (with that probability) alone.
    expect(applyEvent(model, fresh, { id: 'e0', type: 'email.opened', data: {} }, T0).change).toBeUndefined();
  });

  it('follows the profile and the counted events: 100 / (1 + e^-(intercept + Σ coefficient × input))', () => {
    let state = refit(
      model,
      emptyState(model, T0),
      { industry: 'SaaS', company: { size: '1000+' } },
      T0,
    ).state;
    for (let i = 1; i <= 5; i++) state = applyEvent(model, state, view(`v${i}`, T0), T0).state;
    const result = applyEvent(model, state, { id: 'w1', type: 'webinar.attended', data: {} }, T0);
    const logOdds = -2 + 1.5 + 0.7 + (0.8 * (5 - 2)) / 4 + (1.2 * (1 - 0.5)) / 0.5;
    expect(result.change?.current.probability).toBe(hundredths(sigmoid100(logOdds)));
    expect(result.change?.predictiveContributions).toEqual([
      { feature: 'industry-saas', input: 1, logOdds: 1.5 },
      { feature: 'webinars', input: 1, logOdds: 1.2 },
      { feature: 'size-large', input: 1, logOdds: 0.7 },
      { feature: 'page-views', input: 5, logOdds: 0.6 },
    ]);
    expect(result.state.predictive).toEqual({
      fields: { industry: 'SaaS', 'company.size': '1000+' },
      counts: { 'web.page_viewed': 5, 'webinar.attended': 1 },
    });
    const data = toScoreChangedData(result.change!, 'email:ada@example.com');
    expect(data.current.probability).toBe(result.change?.current.probability);
    expect(data.predictiveContributions).toHaveLength(4);
  });

  it('counts a redelivered event once, and a profile change replaces the fields it looked at', () => {
    let state = applyEvent(model, emptyState(model, T0), view('v1', T0), T0).state;
    state = applyEvent(model, state, view('v1', T0), T0).state;
    expect(state.predictive?.counts).toEqual({ 'web.page_viewed': 1 });
    state = refit(model, state, { industry: 'SaaS' }, days(1)).state;
    const changed = refit(model, state, { industry: 'Retail' }, days(2));
    expect(changed.state.predictive).toEqual({
      fields: { industry: 'Retail' },
      counts: { 'web.page_viewed': 1 },
    });
    expect(changed.change?.current.probability).toBe(
      hundredths(sigmoid100(-2 + (0.8 * (1 - 2)) / 4 + (1.2 * (0 - 0.5)) / 0.5)),
    );
  });

  it('does not decay: time moves engagement, not the probability', () => {
    const state = refit(model, emptyState(model, T0), { industry: 'SaaS' }, T0).state;
    const scored = applyEvent(model, state, view('v1', T0), T0);
    const later = advanceTo(model, scored.state, days(30));
    expect(later.change?.current.engagement).toBeLessThan(10);
    expect(later.change?.current.probability).toBe(scored.change?.current.probability);
  });

  it('reaches the same probability by replay as live', () => {
    const events = [
      { id: 'p', type: 'contact.identified', data: { traits: { industry: 'SaaS' } }, time: T0 },
      view('v1', days(1)),
      view('v2', days(2)),
      { id: 'w', type: 'webinar.attended', data: {}, time: days(3) },
    ];
    const replayed = replayContact(model, events);
    let live = refit(model, emptyState(model, T0), { industry: 'SaaS' }, T0).state;
    for (const event of events.slice(1)) live = applyEvent(model, live, event, event.time).state;
    expect(replayed.state?.predictive).toEqual(live.predictive);
    expect(replayed.state?.reported?.probability).toBe(live.reported?.probability);
  });

  it('leaves a model without a predictive section exactly as it was: no probability, no contributions', () => {
    const plain = modelWith({ engagement: [{ id: 'v', event: 'web.page_viewed', points: 5 }] });
    const { state, change } = applyEvent(plain, emptyState(plain, T0), view('v1', T0), T0);
    expect(change?.current).not.toHaveProperty('probability');
    expect(change).not.toHaveProperty('predictiveContributions');
    expect(state).not.toHaveProperty('predictive');
  });
});
