import { describe, expect, it } from '@jest/globals';
import { type ScoringModel } from '@leadscore/contracts';
import { type ContactScoreRow } from '@leadscore/persistence';
import { scoreChangedEventId } from '@leadscore/score-events';
import { DAY_MS, advanceTo, applyEvent, emptyState, type ContactScoreState } from '@leadscore/scoring';
import { planDecayRange } from './decay-plan.js';

const T0 = Date.UTC(2026, 0, 5, 9);
const model: ScoringModel = {
  id: 'm',
  version: 3,
  workspace: 'w',
  name: 'plan spec',
  engagement: [
    { id: 'click', event: 'email.clicked', points: 10 },
    { id: 'open', event: 'email.opened', points: 2, expiresAfterDays: 1 },
  ],
  decay: { percentPerDay: 10 },
};

const row = (contact: string, state: ContactScoreState): ContactScoreRow => ({
  workspaceId: 'w',
  modelId: 'm',
  contactId: contact,
  modelVersion: 1,
  sequence: state.sequence,
  fit: 0,
  engagement: state.reported?.engagement ?? 0,
  total: state.reported?.total ?? 0,
  tier: null,
  grade: null,
  state,
  updatedAt: new Date(state.asOf),
});

const clicked = applyEvent(
  model,
  emptyState(model, T0),
  { id: 'e', type: 'email.clicked', data: {} },
  T0,
).state;

describe('planDecayRange', () => {
  it('advances each state with advanceTo and emits its change with the deterministic id', () => {
    const target = T0 + 3 * DAY_MS;
    const plan = planDecayRange(model, [row('a', clicked)], target, 'topic');
    const expected = advanceTo(model, clicked, target);
    // Decay alone: only the report fields changed, so the row goes to the narrow write.
    expect(plan.scores).toEqual([]);
    expect(plan.reports).toHaveLength(1);
    expect(plan.reports[0]).toMatchObject({
      contactId: 'a',
      modelVersion: 3,
      sequence: expected.state.sequence,
      engagement: expected.state.reported?.engagement,
      state: expected.state,
    });
    expect(plan.outbox).toEqual([
      expect.objectContaining({
        eventId: scoreChangedEventId('w', 'm', 'a', expected.state.sequence),
        source: 'decay',
        topic: 'topic',
        key: 'w:a',
      }),
    ]);
    expect(plan.changesByCause).toEqual({ decay: 1, expiry: 0, inactivity: 0, absence: 0 });
  });

  it('names expiry as the cause when points ended their lifetime', () => {
    const opened = applyEvent(
      model,
      emptyState(model, T0),
      { id: 'o', type: 'email.opened', data: {} },
      T0,
    ).state;
    const plan = planDecayRange(model, [row('b', opened)], T0 + DAY_MS);
    expect(plan.changesByCause.expiry).toBe(1);
    expect(plan.reports).toEqual([]);
    expect(plan.scores[0]?.engagement).toBe(0);
  });

  it('leaves alone states already at or past the pass time: never decays twice', () => {
    const target = T0 + DAY_MS;
    const once = planDecayRange(model, [row('a', clicked)], target);
    const again = planDecayRange(model, [row('a', once.reports[0]!.state as ContactScoreState)], target);
    expect(again).toMatchObject({
      scores: [],
      reports: [],
      outbox: [],
      scanned: 1,
      changesByCause: { decay: 0, expiry: 0, inactivity: 0, absence: 0 },
    });
    // Only its rank and attention time are recorded again (unchanged, so not rewritten).
    expect(again.unchanged).toEqual([once.reports[0]]);
  });

  it('writes the advanced state but emits nothing when the rounded score did not move', () => {
    const plan = planDecayRange(model, [row('a', clicked)], T0 + 1_000);
    expect(plan.reports).toHaveLength(1);
    expect(plan.outbox).toEqual([]);
  });
});
