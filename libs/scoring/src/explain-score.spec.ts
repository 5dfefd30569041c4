import { describe, expect, it } from '@jest/globals';
import { T0, days, modelWith } from '../test/scoring-fixtures.js';
import { applyEvent } from './apply-event.js';
import { emptyState } from './contact-score.state.js';
import { explainAt } from './explain-score.js';

// A click worth 10 points for 7 days, halving every 10 days; a webinar signup without attendance
// within 2 days costs 5.
const model = modelWith({
  engagement: [
    {
      id: 'click',
      event: 'email.clicked',
      points: 10,
      expiresAfterDays: 7,
      decay: { halfLifeDays: 10 },
    },
  ],
  absence: [
    {
      id: 'no-show',
      trigger: { event: 'webinar.registered' },
      expect: { event: 'webinar.attended' },
      windowDays: 2,
      points: -5,
    },
  ],
});

describe('explainAt', () => {
  const clicked = applyEvent(
    model,
    emptyState(model, T0),
    { id: 'c1', type: 'email.clicked', data: {} },
    T0,
  ).state;
  const registered = applyEvent(
    model,
    clicked,
    { id: 'r1', type: 'webinar.registered', data: {} },
    days(1),
  ).state;

  it('shows decayed points, the award still running and the absence still waiting', () => {
    const explained = explainAt(model, registered, days(2));
    // 10 points halving every 10 days, two days on: 10 · 2^(−0.2).
    expect(explained.contributions).toEqual([
      { ruleId: 'click', kind: 'engagement', points: 8.71, eventId: 'c1' },
    ]);
    expect(explained.snapshot.engagement).toBe(8.71);
    expect(explained.runningAwards).toEqual([
      { ruleId: 'click', eventId: 'c1', points: 8.71, expiresAt: days(7) },
    ]);
    expect(explained.waitingAbsences).toEqual([{ ruleId: 'no-show', triggerEventId: 'r1', dueAt: days(3) }]);
    expect(explained.sinceLastWrite).toEqual([]);
  });

  it('includes what came due since the last write: the missed webinar, then the expired click', () => {
    const explained = explainAt(model, registered, days(8));
    expect(explained.sinceLastWrite.map((applied) => [applied.ruleId, applied.outcome, applied.at])).toEqual([
      ['no-show', 'awarded', days(3)],
      ['click', 'expired', days(7)],
    ]);
    // The penalty has no lifetime, so it is no running award; the click's ended.
    expect(explained.runningAwards).toEqual([]);
    expect(explained.waitingAbsences).toEqual([]);
    expect(explained.contributions).toEqual([
      { ruleId: 'no-show', kind: 'absence', points: -5, eventId: 'r1' },
    ]);
    expect(explained.snapshot.total).toBe(-5);
  });
});
