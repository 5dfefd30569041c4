import { describe, expect, it } from '@jest/globals';
import { parseModel, type ScoringModel } from '@leadscore/contracts';
import { type ReplayEvent } from '@leadscore/scoring';
import { backtestModels } from './backtest.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 9);

/** Clicks worth `points` each; MQL from a total of 20 (left below 15); tiers warm 10, hot 30. */
function model(version: number, points: number): ScoringModel {
  return parseModel(
    `id: clicks
version: ${version}
workspace: acme
name: Clicks
engagement:
  - { id: click, event: email.clicked, points: ${points} }
tiers: { warm: 10, hot: 30 }
lifecycle:
  mql:
    conditions:
      - { metric: total, enter: 20, exit: 15 }
`,
    'yaml',
    'clicks.yaml',
  );
}

const clicks = (contact: string, count: number, from = T0): ReplayEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${contact}-click-${i}`,
    source: 'test',
    type: 'email.clicked',
    data: {},
    time: from + i * HOUR,
  }));
const outcome = (contact: string, type: string, time: number): ReplayEvent => ({
  id: `${contact}-${type}`,
  source: 'api',
  type,
  data: {},
  time,
});

describe('backtest of a candidate model against the live one', () => {
  const live = model(1, 5);
  const candidate = model(2, 10);
  const contacts = [
    // ann: 3 clicks, then won — then 5 more clicks after the sale, which must not count.
    {
      contact: 'ann',
      events: [
        ...clicks('ann', 3),
        outcome('ann', 'outcome.won', T0 + 3 * HOUR),
        ...clicks('ann-after', 5, T0 + 4 * HOUR),
      ],
    },
    // bob: 1 click, then lost.
    { contact: 'bob', events: [...clicks('bob', 1), outcome('bob', 'outcome.lost', T0 + 2 * HOUR)] },
    // cy: 5 clicks, no outcome yet.
    { contact: 'cy', events: clicks('cy', 5) },
  ];
  const report = backtestModels(live, candidate, contacts, T0 + 24 * HOUR);

  it('judges contacts with an outcome as they stood just before it', () => {
    // ann under live: 15 (warm, lead), not 40 with her clicks after the sale; under the candidate: 30
    // (hot, MQL from her second click). bob: 5 (cold) and 10 (warm). cy: 25 (warm, MQL) and 50 (hot, MQL).
    expect(report.live.tiers).toEqual({ warm: 2, cold: 1 });
    expect(report.candidate.tiers).toEqual({ hot: 2, warm: 1 });
    expect(report.newMql).toEqual([{ contact: 'ann', at: T0 + HOUR }]);
    expect(report.lostMql).toEqual([]);
  });

  it('counts who moves tier, grade and stage', () => {
    // ann warm→hot and lead→mql; bob cold→warm; cy warm→hot (25 → 50), MQL under both.
    expect(report.moved).toEqual({ tier: 3, grade: 0, stage: 1 });
    expect(report.live.stages).toEqual({ lead: 2, recycled: 0, mql: 1, sql: 0 });
    expect(report.candidate.stages).toEqual({ lead: 1, recycled: 0, mql: 2, sql: 0 });
  });

  it('scores the outcomes side by side', () => {
    // Known outcomes: ann won (live 15, candidate 30), bob lost (live 5, candidate 10).
    expect(report.live.outcomes).toMatchObject({ known: 2, converted: 1, rocAuc: 1 });
    const at = (side: typeof report.live, line: number) =>
      side.outcomes.thresholds.find((t) => t.threshold === line);
    // At the MQL line (20): the live model calls nobody a lead, the candidate calls ann.
    expect(at(report.live, 20)).toMatchObject({ predictedPositive: 0, recall: 0, precision: null });
    expect(at(report.candidate, 20)).toMatchObject({ predictedPositive: 1, precision: 1, recall: 1, f1: 1 });
    expect(report.candidate.outcomes.byTier).toEqual([
      { group: 'hot', contacts: 1, converted: 1, rate: 1 },
      { group: 'warm', contacts: 1, converted: 0, rate: 0 },
    ]);
  });
});
