import { describe, expect, it } from '@jest/globals';
import { T0, modelWith } from '../test/scoring-fixtures.js';
import { applyEvent, rememberedEventKey } from './apply-event.js';
import { emptyState, type ContactScoreState } from './contact-score.state.js';

const model = modelWith({ engagement: [{ id: 'view', event: 'web.page_viewed', points: 10 }] });
const view = (id: string, source?: string) => ({
  id,
  ...(source === undefined ? {} : { source }),
  type: 'web.page_viewed',
  data: { path: '/pricing' },
});

function engagementAfter(events: ReturnType<typeof view>[], start = emptyState(model, T0)): number {
  let state: ContactScoreState = start;
  for (const event of events) state = applyEvent(model, state, event, T0).state;
  return state.reported?.engagement ?? 0;
}

describe('event dedupe in a state: the CloudEvents key (source, id)', () => {
  it('applies the same id from two sources twice, and a resend from one source once', () => {
    expect(engagementAfter([view('e1', '/v1/track'), view('e1', '/v1/page'), view('e1', '/v1/track')])).toBe(
      20,
    );
  });

  it('remembers keys no two (source, id) pairs share, whatever characters they hold', () => {
    const a = rememberedEventKey({ source: 'a:1', id: 'b' });
    const b = rememberedEventKey({ source: 'a', id: '1:b' });
    expect(a).not.toBe(b);
    expect(rememberedEventKey({ id: 'bare' })).toBe('bare');
  });

  it('lets a bare id remembered by an older state stand for that id from any source', () => {
    const older = applyEvent(model, emptyState(model, T0), view('e1'), T0).state;
    expect(older.processedEventIds).toEqual(['e1']);
    expect(engagementAfter([view('e1', '/v1/events'), view('e2', '/v1/events')], older)).toBe(20);
  });
});
