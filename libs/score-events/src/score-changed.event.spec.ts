import { describe, expect, it } from '@jest/globals';
import { type ScoringModel } from '@leadscore/contracts';
import { applyEvent, emptyState, refit } from '@leadscore/scoring';
import { scoreChangedEvent, scoreChangedEventId } from './score-changed.event.js';

const model: ScoringModel = {
  id: 'm',
  version: 1,
  workspace: 'w',
  name: 'Test model',
  fit: [{ id: 'ceo', field: 'title', operator: 'equals', value: 'CEO', points: 15 }],
  engagement: [{ id: 'click', event: 'email.clicked', points: 5 }],
};

describe('scoreChangedEvent', () => {
  it('gives the same change the same id, and different contacts or sequences different ids', () => {
    const id = scoreChangedEventId('w', 'm', 'c', 1);
    expect(scoreChangedEventId('w', 'm', 'c', 1)).toBe(id);
    expect(scoreChangedEventId('w', 'm', 'c', 2)).not.toBe(id);
    expect(scoreChangedEventId('w', 'm', 'c2', 1)).not.toBe(id);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('wraps an engagement change in a CloudEvent for the contact', () => {
    const at = Date.parse('2026-11-01T10:00:00Z');
    const result = applyEvent(model, emptyState(model, at), { id: 'e1', type: 'email.clicked' }, at);
    if (!result.change) throw new Error('expected a change');
    const event = scoreChangedEvent('w', 'c', result.change, 'leadscore/scorer');
    expect(event).toMatchObject({
      specversion: '1.0',
      id: scoreChangedEventId('w', 'm', 'c', result.change.sequence),
      type: 'score.changed',
      subject: 'c',
      workspace: 'w',
      time: '2026-11-01T10:00:00.000Z',
    });
    expect(event.data.current).toMatchObject({ engagement: 5, fit: 0 });
  });

  it('names the triggering event of a refit', () => {
    const at = Date.parse('2026-11-01T10:00:00Z');
    const result = refit(model, emptyState(model, at), { title: 'CEO' }, at);
    if (!result.change) throw new Error('expected a change');
    const event = scoreChangedEvent('w', 'c', result.change, 'leadscore/scorer', {
      id: 'e9',
      type: 'contact.updated',
    });
    expect(event.data.cause).toEqual({ type: 'refit', eventId: 'e9', eventType: 'contact.updated' });
    expect(event.data.current).toMatchObject({ fit: 15 });
  });
});
