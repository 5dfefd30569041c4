import { describe, expect, it } from '@jest/globals';
import { type ScoreChangedEvent, type ScoreChangedData } from '@leadscore/contracts';
import { lifecycleEvent } from './lifecycle-event.js';

const scoreChanged = (cause: ScoreChangedData['cause']): ScoreChangedEvent => ({
  specversion: '1.0',
  id: 'sc-1',
  source: 'leadscore/scorer',
  type: 'score.changed',
  time: '2026-12-07T10:00:00.000Z',
  subject: 'email:ann@example.com',
  workspace: 'acme',
  datacontenttype: 'application/json',
  data: {
    contact: 'email:ann@example.com',
    model: { id: 'default', version: 2 },
    sequence: 4,
    cause,
    previous: { fit: 0, engagement: 40, total: 40, tier: 'warm', grade: null },
    current: { fit: 0, engagement: 80, total: 80, tier: 'hot', grade: null },
    contributions: [],
  },
});

describe('lifecycleEvent', () => {
  const mql = { kind: 'stage', from: 'lead', to: 'mql' } as const;

  it('marks a transition a rescore caused, so a CRM can tell a re-applied model from new activity', () => {
    const event = lifecycleEvent(scoreChanged({ type: 'rescore', rescore: 'r-1' }), mql, 0);
    expect(event.data.cause).toBe('rescore');
    expect(event.type).toBe('stage.changed');
  });

  it('says score for a transition any other score change caused', () => {
    for (const cause of [
      { type: 'event', eventId: 'e-1', eventType: 'email.clicked' },
      { type: 'decay' },
      { type: 'merge', mergedSubject: 'anon:1' },
    ] as const)
      expect(lifecycleEvent(scoreChanged(cause), mql, 0).data.cause).toBe('score');
  });
});
