import { describe, expect, it } from '@jest/globals';
import { T0, days, modelWith } from '../test/scoring-fixtures.js';
import { applyEvent } from './apply-event.js';
import { PROCESSED_EVENT_IDS_KEPT, emptyState } from './contact-score.state.js';
import { scoreAt } from './score-at.js';

const clickModel = modelWith({
  engagement: [
    { id: 'click', event: 'email.clicked', points: 10 },
    {
      id: 'campaign-click',
      event: 'email.clicked',
      filters: [{ field: 'campaign_id', operator: 'equals', value: 'launch' }],
      points: 5,
    },
    { id: 'unsubscribe', event: 'email.unsubscribed', points: -8, decay: 'none' },
  ],
  caps: { maxEngagement: 25, minEngagement: -5 },
  tiers: { warm: 10, hot: 20 },
});

describe('applyEvent', () => {
  it('awards every rule whose type and filters match the event', () => {
    const { change } = applyEvent(
      clickModel,
      emptyState(clickModel, T0),
      { id: 'e1', type: 'email.clicked', data: { campaign_id: 'launch' } },
      T0,
    );
    expect(change?.applied.map((a) => [a.ruleId, a.points])).toEqual([
      ['click', 10],
      ['campaign-click', 5],
    ]);
    expect(change?.current).toEqual({ fit: 0, engagement: 15, total: 15, tier: 'warm', grade: null });
  });

  it('cuts points at the engagement maximum and says so', () => {
    const launchClick = (id: string) => ({ id, type: 'email.clicked', data: { campaign_id: 'launch' } });
    let state = applyEvent(clickModel, emptyState(clickModel, T0), launchClick('e1'), T0).state;
    const second = applyEvent(clickModel, state, launchClick('e2'), T0);
    expect(second.change?.applied).toEqual([
      { ruleId: 'click', kind: 'engagement', outcome: 'awarded', points: 10, eventId: 'e2', at: T0 },
      { ruleId: 'campaign-click', kind: 'engagement', outcome: 'capped', points: 0, eventId: 'e2', at: T0 },
    ]);
    state = second.state;
    const third = applyEvent(clickModel, state, launchClick('e3'), T0);
    expect(third.change).toBeUndefined();
    expect(scoreAt(clickModel, third.state, T0).engagement).toBe(25);
  });

  it('stops penalties at the engagement minimum', () => {
    let state = emptyState(clickModel, T0);
    state = applyEvent(clickModel, state, { id: 'u1', type: 'email.unsubscribed' }, T0).state;
    expect(scoreAt(clickModel, state, T0).engagement).toBe(-5);
  });

  it('numbers changes gaplessly and carries the previous scores', () => {
    let state = emptyState(clickModel, T0);
    const first = applyEvent(clickModel, state, { id: 'e1', type: 'email.clicked' }, T0);
    state = first.state;
    const second = applyEvent(clickModel, state, { id: 'e2', type: 'email.clicked' }, days(1));
    expect([first.change?.sequence, second.change?.sequence]).toEqual([1, 2]);
    expect(first.change?.previous).toBeNull();
    expect(second.change?.previous).toEqual(first.change?.current);
    expect(second.change?.cause).toEqual({ type: 'event', eventId: 'e2', eventType: 'email.clicked' });
  });

  it('publishes nothing for an event no rule scores', () => {
    const { state, change } = applyEvent(
      clickModel,
      emptyState(clickModel, T0),
      { id: 'x', type: 'web.page_viewed' },
      T0,
    );
    expect(change).toBeUndefined();
    expect(state.sequence).toBe(0);
    expect(state.processedEventIds).toEqual(['x']);
  });

  it('never mutates the state it is given', () => {
    const state = applyEvent(
      clickModel,
      emptyState(clickModel, T0),
      { id: 'e1', type: 'email.clicked' },
      T0,
    ).state;
    const copy = JSON.parse(JSON.stringify(state)) as unknown;
    applyEvent(
      clickModel,
      state,
      { id: 'e2', type: 'email.clicked', data: { campaign_id: 'launch' } },
      days(2),
    );
    expect(state).toEqual(copy);
  });

  it('keeps state as plain JSON', () => {
    const state = applyEvent(
      clickModel,
      emptyState(clickModel, T0),
      { id: 'e1', type: 'email.clicked' },
      T0,
    ).state;
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('remembers a bounded number of event ids', () => {
    let state = emptyState(clickModel, T0);
    for (let i = 0; i < PROCESSED_EVENT_IDS_KEPT + 5; i++)
      state = applyEvent(clickModel, state, { id: `x${i}`, type: 'web.page_viewed' }, T0).state;
    expect(state.processedEventIds).toHaveLength(PROCESSED_EVENT_IDS_KEPT);
    expect(state.processedEventIds[0]).toBe('x5');
  });

  it('scores an event older than the state as of the latest time the state knows', () => {
    const state = applyEvent(
      clickModel,
      emptyState(clickModel, T0),
      { id: 'e1', type: 'email.clicked' },
      days(3),
    ).state;
    const late = applyEvent(clickModel, state, { id: 'e0', type: 'email.clicked' }, days(1));
    expect(late.change?.at).toBe(days(3));
  });

  it('records a limited award with zero points', () => {
    const limited = modelWith({
      engagement: [{ id: 'demo', event: 'web.form_submitted', points: 25, limits: { once: true } }],
    });
    let state = applyEvent(
      limited,
      emptyState(limited, T0),
      { id: 'f1', type: 'web.form_submitted' },
      T0,
    ).state;
    const again = applyEvent(limited, state, { id: 'f2', type: 'web.form_submitted' }, days(1));
    state = again.state;
    expect(again.change).toBeUndefined();
    expect(state.counters['demo']).toEqual({ lifetime: 1, recent: [] });
    expect(scoreAt(limited, state, days(1)).engagement).toBe(25);
  });
});
