import {
  type DecayRate,
  type EngagementRule,
  type FitRule,
  type FrequencyPoints,
  type FrequencyRange,
  type InactivityRule,
  type ScoringModel,
} from '@leadscore/contracts';
import fc from 'fast-check';
import { DAY_MS } from '../src/scoring-time.js';
import { modelWith } from './scoring-fixtures.js';

/** fast-check arbitraries shared by the engine's property specs: random models and event streams. */

export const EVENT_TYPES = ['email.clicked', 'email.opened', 'web.page_viewed'] as const;

export const closeTo = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-9;

export const decayRate: fc.Arbitrary<DecayRate> = fc.oneof(
  fc.record({ percentPerDay: fc.double({ min: 0.1, max: 50, noNaN: true }) }),
  fc.record({ halfLifeDays: fc.double({ min: 0.5, max: 120, noNaN: true }) }),
);

export const limits = fc.record(
  {
    perDay: fc.integer({ min: 1, max: 3 }),
    window: fc.record({
      days: fc.double({ min: 0.25, max: 10, noNaN: true }),
      max: fc.integer({ min: 1, max: 5 }),
    }),
    lifetime: fc.integer({ min: 1, max: 12 }),
    once: fc.boolean(),
  },
  { requiredKeys: [] },
);

const engagementRules = fc
  .array(
    fc.record(
      {
        event: fc.constantFrom(...EVENT_TYPES),
        points: fc.integer({ min: -20, max: 30 }).filter((p) => p !== 0),
        limits,
        expiresAfterDays: fc.double({ min: 0.1, max: 20, noNaN: true }),
        decay: fc.oneof(fc.constant('none' as const), decayRate),
      },
      { requiredKeys: ['event', 'points'] },
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((rules): EngagementRule[] => rules.map((rule, index) => ({ id: `rule-${index}`, ...rule })));

/** Frequency rules: ranges going up without overlap, the last one open-ended or not. */
const frequencyPoints: fc.Arbitrary<FrequencyPoints> = fc
  .record({
    withinDays: fc.double({ min: 0.25, max: 10, noNaN: true }),
    bounds: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 }),
    points: fc.array(fc.integer({ min: -20, max: 30 }), { minLength: 4, maxLength: 4 }),
    openEnded: fc.boolean(),
    takeBack: fc.boolean(),
  })
  .map(({ withinDays, bounds, points, openEnded, takeBack }) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    const ranges: FrequencyRange[] = sorted.map((min, i) => {
      const next = sorted[i + 1];
      const max = next !== undefined ? next - 1 : openEnded ? undefined : min + 2;
      return { min, ...(max === undefined ? {} : { max }), points: points[i] ?? 1 };
    });
    return { withinDays, ranges, takeBack };
  });

const frequencyRules = fc
  .array(
    fc.record(
      {
        event: fc.constantFrom(...EVENT_TYPES),
        points: frequencyPoints,
        decay: fc.oneof(fc.constant('none' as const), decayRate),
      },
      { requiredKeys: ['event', 'points'] },
    ),
    { maxLength: 2 },
  )
  .map((rules): EngagementRule[] => rules.map((rule, index) => ({ id: `frequency-${index}`, ...rule })));

const caps = fc.record(
  {
    maxEngagement: fc.integer({ min: 0, max: 80 }),
    minEngagement: fc.integer({ min: -50, max: 0 }),
    minTotal: fc.integer({ min: -30, max: 0 }),
    maxTotal: fc.integer({ min: 20, max: 120 }),
  },
  { requiredKeys: [] },
);

export const models: fc.Arbitrary<ScoringModel> = fc
  .record(
    {
      engagement: fc
        .tuple(engagementRules, frequencyRules)
        .map(([perEvent, byFrequency]) => [...perEvent, ...byFrequency]),
      decay: decayRate,
      caps,
      inactivity: fc.constant<InactivityRule[]>([{ id: 'quiet', afterDays: 5, points: -3, repeat: true }]),
      fit: fc.constant<FitRule[]>([
        { id: 'pro-plan', field: 'plan', operator: 'equals', value: 'pro', points: 20 },
      ]),
      tiers: fc.constantFrom<NonNullable<ScoringModel['tiers']>>({ warm: 20, hot: 50 }, [
        { id: 'nurture', countsAs: 'cold' },
        { id: 'engaged', countsAs: 'warm', enter: 15, exit: 5 },
        { id: 'active', countsAs: 'warm', enter: 30, exit: 22 },
        { id: 'sales-ready', countsAs: 'hot', enter: 50, exit: 40 },
      ]),
    },
    { requiredKeys: ['engagement'] },
  )
  .map((parts) => modelWith(parts));

export interface Delivery {
  readonly type: (typeof EVENT_TYPES)[number];
  readonly gapMs: number;
  readonly idIndex: number;
}

export const deliveries = fc.array(
  fc.record({
    type: fc.constantFrom(...EVENT_TYPES),
    gapMs: fc.oneof(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 3 * DAY_MS })),
    idIndex: fc.integer({ min: 0, max: 40 }),
  }),
  { maxLength: 40 },
);
