import { describe, expect, it } from '@jest/globals';
import type { ScoringModel } from '@leadscore/contracts';
import { ONTRAPORT, PRODUCT, WEBINAR, days, T0 } from '../test/scoring-fixtures.js';
import { applyEvent, type ScoringEvent } from './apply-event.js';
import { explainAt } from './explain-score.js';
import { pointsFromCloseRates } from './close-rates.js';
import { emptyState, type ContactScoreState } from './contact-score.state.js';
import { refit } from './refit.js';
import { scoreAt } from './score-at.js';
import { advanceTo, applyAbsences, dueAbsences, expireAwards } from './time-effects.js';

describe('ONTRAPORT worked example', () => {
  const ceoFromColorado = { jobTitle: 'CEO', state: 'Colorado', purchaseTimeframe: 'Within 30 days' };

  function scoredContact(): ContactScoreState {
    let state = refit(ONTRAPORT, emptyState(ONTRAPORT, T0), ceoFromColorado, T0).state;
    state = applyEvent(
      ONTRAPORT,
      state,
      { id: 'e1', type: 'email.clicked', data: { url: 'https://acme.test/offer' } },
      T0,
    ).state;
    state = applyEvent(
      ONTRAPORT,
      state,
      { id: 'e2', type: 'web.page_viewed', data: { url: 'https://acme.test/pricing', path: '/pricing' } },
      T0,
    ).state;
    state = applyEvent(
      ONTRAPORT,
      state,
      {
        id: 'e3',
        type: 'web.page_viewed',
        data: { url: 'https://acme.test/members/home', path: '/members/home' },
      },
      T0,
    ).state;
    return state;
  }

  it('gives 35 explicit points (CEO +15, Colorado +10, buying within 30 days +10) and 33 behavioral points', () => {
    const score = scoreAt(ONTRAPORT, scoredContact(), T0);
    expect(score.fit).toBe(35);
    expect(score.engagement).toBe(33);
    expect(score.total).toBe(68);
    expect(score.tier).toBe('hot');
  });

  it('keeps the explicit 35 forever while the behavioral 33 falls by 2 % per day', () => {
    const state = scoredContact();
    const after10 = scoreAt(ONTRAPORT, state, days(10));
    expect(after10.fit).toBe(35);
    expect(after10.engagement).toBeCloseTo(33 * 0.98 ** 10, 10);
    expect(after10.total).toBeCloseTo(35 + 33 * 0.98 ** 10, 10);
    const halfDay = scoreAt(ONTRAPORT, state, days(0.5));
    expect(halfDay.engagement).toBeCloseTo(33 * 0.98 ** 0.5, 10);
    const afterYear = scoreAt(ONTRAPORT, state, days(365));
    expect(afterYear.fit).toBe(35);
    expect(afterYear.engagement).toBeCloseTo(33 * 0.98 ** 365, 10);
  });

  it('publishes the decayed score with the rule contributions that make it up', () => {
    const { change } = advanceTo(ONTRAPORT, scoredContact(), days(10));
    expect(change?.cause).toEqual({ type: 'decay' });
    expect(change?.previous).toMatchObject({ fit: 35, engagement: 33, total: 68 });
    expect(change?.current).toMatchObject({ fit: 35, engagement: 26.96, total: 61.96, tier: 'hot' });
    expect(change?.contributions).toEqual([
      { ruleId: 'job-title-ceo', kind: 'fit', points: 15, eventId: null },
      { ruleId: 'membership-login', kind: 'engagement', points: 14.71, eventId: 'e3' },
      { ruleId: 'plans-to-buy-in-30-days', kind: 'fit', points: 10, eventId: null },
      { ruleId: 'state-colorado', kind: 'fit', points: 10, eventId: null },
      { ruleId: 'pricing-page-view', kind: 'engagement', points: 8.17, eventId: 'e2' },
      { ruleId: 'email-click', kind: 'engagement', points: 4.09, eventId: 'e1' },
    ]);
  });

  it('counts one membership login a day however many member pages are viewed', () => {
    let state = scoredContact();
    state = applyEvent(
      ONTRAPORT,
      state,
      { id: 'e4', type: 'web.page_viewed', data: { path: '/members/courses' } },
      T0 + 60_000,
    ).state;
    expect(scoreAt(ONTRAPORT, state, T0 + 60_000).engagement).toBeCloseTo(
      33 * 0.98 ** (60_000 / 86_400_000),
      10,
    );
    const nextDay = applyEvent(
      ONTRAPORT,
      state,
      { id: 'e5', type: 'web.page_viewed', data: { path: '/members' } },
      days(1),
    );
    expect(nextDay.change?.applied).toEqual([
      {
        ruleId: 'membership-login',
        kind: 'engagement',
        outcome: 'awarded',
        points: 18,
        eventId: 'e5',
        at: days(1),
      },
    ]);
  });

  it('ignores clicks made by link scanners', () => {
    const state = applyEvent(
      ONTRAPORT,
      emptyState(ONTRAPORT, T0),
      { id: 'b1', type: 'email.clicked', data: { bot: true } },
      T0,
    );
    expect(state.change).toBeUndefined();
    expect(scoreAt(ONTRAPORT, state.state, T0).engagement).toBe(0);
  });
});

describe('close-rate point derivation', () => {
  it('gives demo requests 20 points when they close at 20 % against 1 % overall', () => {
    expect(pointsFromCloseRates({ baselineCloseRate: 0.01, actionCloseRate: 0.2 })).toBe(20);
  });

  it('scales by the points given per unit of lift', () => {
    expect(pointsFromCloseRates({ baselineCloseRate: 0.02, actionCloseRate: 0.05, pointsPerLift: 4 })).toBe(
      10,
    );
  });

  it('rejects close rates that are not shares', () => {
    expect(() => pointsFromCloseRates({ baselineCloseRate: 0, actionCloseRate: 0.2 })).toThrow(
      /baselineCloseRate/,
    );
    expect(() => pointsFromCloseRates({ baselineCloseRate: 0.01, actionCloseRate: 20 })).toThrow(
      /actionCloseRate/,
    );
  });
});

describe('webinar worked example', () => {
  const registered = (id: string, webinar: string, at: number, state: ContactScoreState) =>
    applyEvent(WEBINAR, state, { id, type: 'webinar.registered', data: { webinar_id: webinar } }, at).state;

  it('gives +10 for registering and +25 for attending', () => {
    let state = registered('r1', 'w1', T0, emptyState(WEBINAR, T0));
    state = applyEvent(
      WEBINAR,
      state,
      { id: 'a1', type: 'webinar.attended', data: { webinar_id: 'w1' } },
      days(2),
    ).state;
    expect(scoreAt(WEBINAR, state, days(2)).engagement).toBeCloseTo(10 * 0.99 ** 2 + 25, 10);
    expect(dueAbsences(WEBINAR, state, days(30))).toEqual([]);
  });

  it('costs 10 points when a registrant does not attend within 7 days, found by dueAbsences', () => {
    const state = registered('r1', 'w1', T0, emptyState(WEBINAR, T0));
    expect(dueAbsences(WEBINAR, state, days(7) - 1)).toEqual([]);
    expect(dueAbsences(WEBINAR, state, days(7))).toEqual([
      { ruleId: 'webinar-no-show', triggerEventId: 'r1', triggeredAt: T0, dueAt: days(7), points: -10 },
    ]);
    const { state: after, change } = applyAbsences(WEBINAR, state, days(7));
    expect(change?.cause).toEqual({ type: 'absence' });
    expect(change?.applied).toEqual([
      {
        ruleId: 'webinar-no-show',
        kind: 'absence',
        outcome: 'awarded',
        points: -10,
        eventId: 'r1',
        at: days(7),
      },
    ]);
    expect(scoreAt(WEBINAR, after, days(7)).engagement).toBeCloseTo(10 * 0.99 ** 7 - 10, 10);
    expect(dueAbsences(WEBINAR, after, days(8))).toEqual([]);
  });

  it('does not let attending another webinar excuse the absence', () => {
    let state = registered('r1', 'w1', T0, emptyState(WEBINAR, T0));
    state = applyEvent(
      WEBINAR,
      state,
      { id: 'a2', type: 'webinar.attended', data: { webinar_id: 'w2' } },
      days(1),
    ).state;
    expect(dueAbsences(WEBINAR, state, days(7)).map((a) => a.triggerEventId)).toEqual(['r1']);
  });

  it('applies the penalty before a late attendance is scored, so the outcome does not depend on the decay schedule', () => {
    let state = registered('r1', 'w1', T0, emptyState(WEBINAR, T0));
    const late = applyEvent(
      WEBINAR,
      state,
      { id: 'a1', type: 'webinar.attended', data: { webinar_id: 'w1' } },
      days(8),
    );
    expect(late.change?.applied.map((a) => [a.ruleId, a.points, a.at])).toEqual([
      ['webinar-no-show', -10, days(7)],
      ['webinar-attended', 25, days(8)],
    ]);
    state = applyAbsences(WEBINAR, state, days(7)).state;
    state = applyEvent(
      WEBINAR,
      state,
      { id: 'a1', type: 'webinar.attended', data: { webinar_id: 'w1' } },
      days(8),
    ).state;
    expect(scoreAt(WEBINAR, state, days(9)).engagement).toBeCloseTo(
      scoreAt(WEBINAR, late.state, days(9)).engagement,
      10,
    );
  });
});

describe('product events worked example (custom events, examples/models/product.yaml)', () => {
  const event = (id: string, name: string, data: Record<string, unknown> = {}) => ({
    id,
    type: `custom.${name}`,
    data,
  });
  const play = (events: readonly [ReturnType<typeof event>, number][], from = emptyState(PRODUCT, T0)) =>
    events.reduce((state, [e, at]) => applyEvent(PRODUCT, state, e, at).state, from);

  it('scores a custom event by its exact name: +30 for a demo request, kept at full value and counted once', () => {
    const first = applyEvent(PRODUCT, emptyState(PRODUCT, T0), event('d1', 'Demo Requested'), T0);
    expect(first.change?.cause).toEqual({ type: 'event', eventId: 'd1', eventType: 'custom.Demo Requested' });
    expect(first.change?.applied.map((a) => [a.ruleId, a.outcome, a.points])).toEqual([
      ['demo-requested', 'awarded', 30],
    ]);
    expect(first.change?.contributions).toEqual([
      { ruleId: 'demo-requested', kind: 'engagement', points: 30, eventId: 'd1' },
    ]);
    let state = applyEvent(PRODUCT, first.state, event('d2', 'Demo Requested'), days(1)).state;
    // Names are verbatim and case-sensitive; a canonical conversion is another type.
    state = applyEvent(PRODUCT, state, event('d3', 'demo requested'), days(1)).state;
    state = applyEvent(
      PRODUCT,
      state,
      { id: 'c1', type: 'contact.converted', data: { conversion: 'demo_requested' } },
      days(1),
    ).state;
    expect(scoreAt(PRODUCT, state, days(100)).engagement).toBe(30);
  });

  it('filters on the custom event properties: a paid plan for 100 or more, however the number is written', () => {
    const state = play([
      [event('p1', 'Item Purchased', { plan: 'Pro', price: 149 }), T0],
      [event('p2', 'Item Purchased', { plan: 'free', price: 149 }), T0],
      [event('p3', 'Item Purchased', { plan: 'pro', price: 49 }), T0],
      [event('p4', 'Item Purchased', { name: 'Leap to Conclusions Mat', revenue: 14.99 }), T0],
    ]);
    expect(state.engagement.rules).toEqual({
      'paid-plan-purchase': expect.objectContaining({ value: 20, lastEventId: 'p1' }),
    });
    const asText = play([[event('p5', 'Item Purchased', { plan: 'business', price: '250.00' }), T0]]);
    expect(scoreAt(PRODUCT, asText, T0).engagement).toBe(20);
  });

  it('counts at most two purchases a day, and again the next day', () => {
    const purchase = (id: string) => event(id, 'Item Purchased', { plan: 'pro', price: 120 });
    const sameDay = play([
      [purchase('p1'), T0],
      [purchase('p2'), T0],
    ]);
    const third = applyEvent(PRODUCT, sameDay, purchase('p3'), T0);
    expect(third.change).toBeUndefined();
    expect(third.state.counters['paid-plan-purchase']?.recent).toHaveLength(2);
    const nextDay = applyEvent(PRODUCT, third.state, purchase('p4'), days(1));
    expect(nextDay.change?.applied.map((a) => [a.ruleId, a.outcome, a.points])).toEqual([
      ['paid-plan-purchase', 'awarded', 20],
    ]);
    expect(scoreAt(PRODUCT, nextDay.state, days(1)).engagement).toBeCloseTo(40 * 0.99 + 20, 10);
  });

  it('drops a booked call exactly 30 days after it was made', () => {
    const state = play([[event('c1', 'Call Scheduled'), T0]]);
    expect(scoreAt(PRODUCT, state, days(30) - 1).engagement).toBeGreaterThan(15 * 0.99 ** 30);
    expect(scoreAt(PRODUCT, state, days(30)).engagement).toBe(0);
    const { change } = expireAwards(PRODUCT, state, days(30));
    expect(change?.applied).toEqual([
      {
        ruleId: 'call-scheduled',
        kind: 'engagement',
        outcome: 'expired',
        points: -15 * 0.99 ** 30,
        eventId: 'c1',
        at: days(30),
      },
    ]);
  });

  it('ignores applications marked as bot traffic, and costs 5 points when an application gets no call within 7 days', () => {
    const botOnly = play([[event('a0', 'Application Submitted', { bot: true, user_agent: 'curl/8' }), T0]]);
    expect(scoreAt(PRODUCT, botOnly, T0).engagement).toBe(0);

    const applied = play([[event('a1', 'Application Submitted', { program: 'coaching' }), T0]]);
    expect(scoreAt(PRODUCT, applied, T0).engagement).toBe(10);
    expect(dueAbsences(PRODUCT, applied, days(7))).toEqual([
      expect.objectContaining({ ruleId: 'application-without-call', triggerEventId: 'a1', points: -5 }),
    ]);
    const called = play([[event('c1', 'Call Scheduled'), days(3)]], applied);
    expect(dueAbsences(PRODUCT, called, days(7))).toEqual([]);
  });
});

describe('compound conditions worked example (all, any, not)', () => {
  const model: ScoringModel = {
    id: 'b2b',
    version: 1,
    workspace: 'acme',
    name: 'B2B',
    fit: [
      {
        id: 'north-american-enterprise',
        operator: 'all',
        conditions: [
          { field: 'country', operator: 'in', values: ['US', 'CA'] },
          {
            operator: 'any',
            conditions: [
              { field: 'employees', operator: 'range', min: 1000 },
              { field: 'industry', operator: 'equals', value: 'finance' },
            ],
          },
        ],
        points: 20,
      },
      {
        id: 'not-free-mail',
        operator: 'not',
        condition: { field: 'email', operator: 'regex', pattern: '@(gmail|yahoo)\\.com$' },
        points: 5,
      },
    ],
    engagement: [
      {
        id: 'pricing-or-plans',
        event: 'web.page_viewed',
        filters: [
          {
            operator: 'any',
            conditions: [
              { field: 'path', operator: 'equals', value: '/pricing' },
              { field: 'path', operator: 'regex', pattern: '^/plans/' },
            ],
          },
        ],
        points: 10,
        decay: 'none',
      },
    ],
  };

  it('scores a US bank on a corporate address 25 fit, and 20 for /pricing and /plans/team but not /blog', () => {
    let state = refit(
      model,
      emptyState(model, T0),
      { country: 'US', industry: 'finance', employees: 40, email: 'cfo@bank.example' },
      T0,
    ).state;
    for (const [id, path] of [
      ['p1', '/pricing'],
      ['p2', '/plans/team'],
      ['p3', '/blog'],
    ] as const)
      state = applyEvent(model, state, { id, type: 'web.page_viewed', data: { path } }, T0).state;
    expect(scoreAt(model, state, T0)).toMatchObject({ fit: 25, engagement: 20, total: 45 });
    // The same company on a free-mail address in Germany: neither fit rule applies.
    const german = refit(
      model,
      state,
      { country: 'DE', industry: 'finance', email: 'x@gmail.com' },
      T0,
    ).state;
    expect(scoreAt(model, german, T0)).toMatchObject({ fit: 0, engagement: 20, total: 20 });
  });
});

describe('points from a value worked example', () => {
  const model: ScoringModel = {
    id: 'orders',
    version: 1,
    workspace: 'acme',
    name: 'Orders',
    fit: [
      {
        id: 'company-size',
        field: 'employees',
        operator: 'exists',
        points: { from: 'employees', per: 100, max: 20 },
      },
    ],
    engagement: [
      {
        id: 'order-value',
        event: 'custom.Order Placed',
        points: { from: 'amount', per: 10, round: 'nearest', max: 50 },
        decay: 'none',
      },
    ],
  };

  it('gives 1 fit point per 100 employees (at most 20) and 1 point per 10 of order value (at most 50)', () => {
    let state = refit(model, emptyState(model, T0), { employees: 1_250 }, T0).state;
    for (const [id, amount] of [
      ['o1', 45], // 4.5 steps, rounded to nearest: 5
      ['o2', 2_000], // 200 steps: 50 at most
      ['o3', undefined], // no amount: the rule does not apply
    ] as const)
      state = applyEvent(
        model,
        state,
        { id, type: 'custom.Order Placed', data: amount === undefined ? {} : { amount } },
        T0,
      ).state;
    expect(scoreAt(model, state, T0)).toMatchObject({ fit: 12, engagement: 55, total: 67 });
    // A company of 9,000 is worth the ceiling of 20.
    expect(scoreAt(model, refit(model, state, { employees: 9_000 }, T0).state, T0).fit).toBe(20);
  });
});

describe('score groups worked example', () => {
  const model: ScoringModel = {
    id: 'grouped',
    version: 1,
    workspace: 'acme',
    name: 'Grouped',
    groups: [
      { id: 'firmographics', max: 25 },
      { id: 'email', max: 12, min: -8 },
    ],
    fit: [
      {
        id: 'enterprise',
        field: 'employees',
        operator: 'range',
        min: 1000,
        points: 20,
        group: 'firmographics',
      },
      {
        id: 'finance',
        field: 'industry',
        operator: 'equals',
        value: 'finance',
        points: 15,
        group: 'firmographics',
      },
      { id: 'decision-maker', field: 'title', operator: 'equals', value: 'CFO', points: 10 },
    ],
    engagement: [
      { id: 'click', event: 'email.clicked', points: 5, group: 'email', decay: { halfLifeDays: 10 } },
      { id: 'open', event: 'email.opened', points: 1, group: 'email', decay: { halfLifeDays: 10 } },
      { id: 'unsubscribe', event: 'email.unsubscribed', points: -30, group: 'email', decay: 'none' },
      { id: 'pricing', event: 'web.page_viewed', points: 10, decay: 'none' },
    ],
  };
  const fitOf = (profile: Record<string, unknown>) => refit(model, emptyState(model, T0), profile, T0).state;

  it('holds fit groups at their limit and shows the clip as the group’s own contribution', () => {
    // 20 + 15 = 35 in firmographics, held at 25 (a −10 clip); the CFO's 10 is in no group: fit 35.
    const state = fitOf({ employees: 5_000, industry: 'finance', title: 'CFO' });
    expect(scoreAt(model, state, T0).fit).toBe(35);
    const explained = explainAt(model, state, T0).contributions;
    expect(explained).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'enterprise', points: 20, group: 'firmographics' }),
        expect.objectContaining({ ruleId: 'finance', points: 15, group: 'firmographics' }),
        expect.objectContaining({
          ruleId: 'group:firmographics',
          kind: 'fit',
          points: -10,
          group: 'firmographics',
        }),
        expect.objectContaining({ ruleId: 'decision-maker', points: 10 }),
      ]),
    );
    expect(explained.find((c) => c.ruleId === 'decision-maker')).not.toHaveProperty('group');
    // Under the limit nothing is clipped.
    const smaller = fitOf({ employees: 5_000 });
    expect(scoreAt(model, smaller, T0).fit).toBe(20);
    expect(explainAt(model, smaller, T0).contributions.map((c) => c.ruleId)).toEqual(['enterprise']);
  });

  it('awards engagement in a group up to its limit, lets decay bring it down, and floors its penalties', () => {
    let state = emptyState(model, T0);
    const send = (id: string, type: ScoringEvent['type'], at: number) => {
      const result = applyEvent(model, state, { id, type, data: {} }, at);
      state = result.state;
      return result.change?.applied ?? [];
    };
    send('c1', 'email.clicked', T0);
    send('c2', 'email.clicked', T0);
    // 10 in the group: the third click may add 2 only (capped), the open nothing.
    expect(send('c3', 'email.clicked', T0)).toEqual([
      expect.objectContaining({ ruleId: 'click', outcome: 'capped', points: 2 }),
    ]);
    send('o1', 'email.opened', T0);
    send('p1', 'web.page_viewed', T0);
    expect(scoreAt(model, state, T0)).toMatchObject({ engagement: 22 });
    // Ten days on (one half-life) the group is worth 6: a click adds its 5 in full.
    const later = days(10);
    expect(send('c4', 'email.clicked', later)).toEqual([
      expect.objectContaining({ ruleId: 'click', outcome: 'awarded', points: 5 }),
    ]);
    expect(scoreAt(model, state, later).engagement).toBeCloseTo(6 + 5 + 10, 9);
    // The unsubscribe's −30 is floored at −8 for the group: 11 − 19 = −8.
    expect(send('u1', 'email.unsubscribed', later)).toEqual([
      expect.objectContaining({ ruleId: 'unsubscribe', outcome: 'capped', points: -19 }),
    ]);
    expect(scoreAt(model, state, later).engagement).toBeCloseTo(-8 + 10, 9);
  });
});
