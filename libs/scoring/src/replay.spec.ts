import { describe, expect, it } from '@jest/globals';
import { type ScoringModel } from '@leadscore/contracts';
import fc from 'fast-check';
import { EVENT_TYPES, closeTo, models } from '../test/scoring-arbitraries.js';
import { T0, days, modelWith } from '../test/scoring-fixtures.js';
import { applyEvent, rememberedEventKey } from './apply-event.js';
import { emptyState, type ContactScoreState } from './contact-score.state.js';
import { refit, type ContactProfile } from './refit.js';
import { adoptState, replayContact, rescoreState, type ReplayEvent } from './replay.js';
import { scoreAt } from './score-at.js';
import { type ScoreChange } from './score-change.js';
import { DAY_MS } from './scoring-time.js';
import { advanceTo } from './time-effects.js';

/** One arrival at the scorer: an engagement event or a profile change, possibly a redelivery. */
interface Arrival {
  readonly kind: (typeof EVENT_TYPES)[number] | 'contact.identified';
  readonly plan: 'pro' | 'free';
  readonly gapMs: number;
  readonly idIndex: number;
  /** The decay service runs this far into the gap before the event (0: not in this gap). */
  readonly decayPassAt: number;
  /** A batch ends after this event: the state goes to PostgreSQL (jsonb) and back. */
  readonly batchEnds: boolean;
}

const arrivals = fc.array(
  fc.record({
    kind: fc.constantFrom(...EVENT_TYPES, 'contact.identified' as const),
    plan: fc.constantFrom('pro' as const, 'free' as const),
    gapMs: fc.oneof(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 3 * DAY_MS })),
    idIndex: fc.integer({ min: 0, max: 30 }),
    decayPassAt: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1, noNaN: true })),
    batchEnds: fc.boolean(),
  }),
  { maxLength: 40 },
);

/** What was known of the contact before its first event (e.g. a CRM import), if anything. */
const knownProfiles = fc.option(
  fc.record({ plan: fc.constantFrom('pro', 'free') }).map((p): ContactProfile => p),
  { nil: undefined },
);

const later = fc.integer({ min: 0, max: 30 * DAY_MS });

const eventOf = (arrival: Arrival, time: number): ReplayEvent => ({
  id: `event-${arrival.idIndex}`,
  source: 'test',
  type: arrival.kind,
  data: arrival.kind === 'contact.identified' ? { traits: { plan: arrival.plan } } : {},
  time,
});

/**
 * The live path, written out on its own as the scorer and the decay service walk it: the scorer's
 * dedupe by (source, id) across the workspace; a profile change refits, a new state starts from the
 * known profile; the decay service's passes in between; states stored as JSON between batches.
 */
function live(
  model: ScoringModel,
  stream: readonly Arrival[],
  withDecayPasses: boolean,
  known: ContactProfile | undefined,
): { state: ContactScoreState | undefined; time: number; changes: ScoreChange[]; events: ReplayEvent[] } {
  let state: ContactScoreState | undefined;
  let profile = known;
  let time = T0;
  const processed = new Set<string>();
  const changes: ScoreChange[] = [];
  const events: ReplayEvent[] = [];
  for (const arrival of stream) {
    if (withDecayPasses && state && arrival.decayPassAt > 0) {
      const pass = advanceTo(model, state, time + Math.floor(arrival.gapMs * arrival.decayPassAt));
      state = pass.state;
      if (pass.change) changes.push(pass.change);
    }
    time += arrival.gapMs;
    const event = eventOf(arrival, time);
    events.push(event);
    if (processed.has(rememberedEventKey(event))) continue;
    processed.add(rememberedEventKey(event));
    const isNew = state === undefined;
    let current = state ?? emptyState(model, time);
    if (arrival.kind === 'contact.identified') profile = { ...profile, plan: arrival.plan };
    if (profile && (arrival.kind === 'contact.identified' || isNew)) {
      const refitted = refit(model, current, profile, time, null);
      current = refitted.state;
      if (refitted.change) changes.push(refitted.change);
    }
    const applied = applyEvent(model, current, event, time);
    current = applied.state;
    if (applied.change) changes.push(applied.change);
    state = arrival.batchEnds ? (JSON.parse(JSON.stringify(current)) as ContactScoreState) : current;
  }
  return { state, time, changes, events };
}

describe('replay of a contact’s events', () => {
  it('reaches the live state, change for change, when no decay pass ran in between', () => {
    fc.assert(
      fc.property(models, arrivals, knownProfiles, later, (model, stream, known, gap) => {
        const path = live(model, stream, false, known);
        const replayed = replayContact(model, path.events, known ? { profile: known } : {});
        expect(replayed.state).toEqual(path.state);
        expect(replayed.changes).toEqual(path.changes);
        expect(replayed.refused).toEqual([]);
        if (path.state && replayed.state)
          expect(advanceTo(model, replayed.state, path.time + gap)).toEqual(
            advanceTo(model, path.state, path.time + gap),
          );
      }),
    );
  });

  it('gives the live scores at any later time however often the decay service ran in between', () => {
    fc.assert(
      fc.property(models, arrivals, knownProfiles, later, (model, stream, known, gap) => {
        const path = live(model, stream, true, known);
        const at = path.time + gap;
        const replayed = replayContact(
          model,
          path.events,
          known ? { profile: known, until: at } : { until: at },
        );
        expect(replayed.state === undefined).toBe(path.state === undefined);
        if (!path.state || !replayed.state) return;
        const a = scoreAt(model, path.state, at);
        const b = scoreAt(model, replayed.state, at);
        expect(closeTo(a.fit, b.fit)).toBe(true);
        expect(closeTo(a.engagement, b.engagement)).toBe(true);
        expect(closeTo(a.total, b.total)).toBe(true);
        expect(replayed.state.asOf).toBe(Math.max(at, path.state.asOf));
      }),
    );
  });

  it('leaves the profile every change made, later fields winning', () => {
    const replayed = replayContact(
      modelWith({}),
      [
        { id: 'a', type: 'contact.identified', data: { traits: { plan: 'free', role: 'CTO' } }, time: T0 },
        { id: 'b', type: 'contact.updated', data: { traits: { plan: 'pro' } }, time: T0 + 1 },
      ],
      { profile: { country: 'DE', plan: 'trial' } },
    );
    expect(replayed.profile).toEqual({ country: 'DE', plan: 'pro', role: 'CTO' });
  });
});

describe('a merge of two contacts (replay of both contacts’ events, then adoption)', () => {
  const model = modelWith({
    engagement: [
      { id: 'pricing-once', event: 'web.page_viewed', points: 25, limits: { once: true } },
      { id: 'click', event: 'email.clicked', points: 5 },
    ],
    fit: [{ id: 'pro-plan', field: 'plan', operator: 'equals', value: 'pro', points: 20 }],
  });
  const anonymous: ReplayEvent[] = [
    { id: 'v1', source: 'web', type: 'web.page_viewed', data: {}, time: days(0) },
    { id: 'c1', source: 'mail', type: 'email.clicked', data: {}, time: days(0.5) },
  ];
  const known: ReplayEvent[] = [
    { id: 'i1', source: 'crm', type: 'contact.identified', data: { traits: { plan: 'pro' } }, time: days(1) },
    { id: 'v2', source: 'web', type: 'web.page_viewed', data: {}, time: days(1.5) },
  ];
  const byTime = (events: readonly ReplayEvent[]) => [...events].sort((a, b) => a.time - b.time);

  it('counts a once-only rule fired under both identities once', () => {
    const survivorLive = replayContact(model, known).state;
    expect(scoreAt(model, survivorLive!, days(2)).engagement).toBe(25);
    const merged = replayContact(model, byTime([...anonymous, ...known]), { until: days(2) });
    expect(scoreAt(model, merged.state!, days(2))).toMatchObject({ fit: 20, engagement: 30, total: 50 });
  });

  it('continues the survivor’s gapless sequence from its last published scores, with cause merge', () => {
    const survivorLive = replayContact(model, known).state!;
    const merged = replayContact(model, byTime([...anonymous, ...known])).state!;
    const adopted = adoptState(model, survivorLive, merged, days(2), {
      type: 'merge',
      mergedSubject: 'anon:1',
    });
    expect(adopted.change).toMatchObject({
      sequence: survivorLive.sequence + 1,
      cause: { type: 'merge', mergedSubject: 'anon:1' },
      previous: survivorLive.reported,
      current: { fit: 20, engagement: 30, total: 50 },
    });
    expect(adopted.state.sequence).toBe(survivorLive.sequence + 1);
    expect(adopted.state.createdAt).toBe(days(0));
  });

  it('publishes nothing when the merged-away contact added nothing that shows', () => {
    const survivorLive = replayContact(model, known).state!;
    const adopted = adoptState(model, survivorLive, survivorLive, days(2), {
      type: 'merge',
      mergedSubject: 'anon:2',
    });
    expect(adopted.change).toBeUndefined();
    expect(adopted.state.sequence).toBe(survivorLive.sequence);
  });

  it('ends the merged-away contact with a change to nothing, continuing its own sequence', () => {
    const mergedAway = replayContact(model, anonymous).state!;
    const ended = adoptState(model, mergedAway, emptyState(model, days(2)), days(2), {
      type: 'merge',
      survivor: 'email:ada@example.com',
    });
    expect(ended.change).toMatchObject({
      sequence: mergedAway.sequence + 1,
      previous: mergedAway.reported,
      current: { fit: 0, engagement: 0, total: 0 },
    });
  });
});

describe('a rescore (replay under a new version, then rescoreState)', () => {
  const v1 = modelWith({
    engagement: [{ id: 'click', event: 'email.clicked', points: 5, decay: { halfLifeDays: 10 } }],
    tiers: { warm: 10, hot: 30 },
  });
  const clicks: ReplayEvent[] = [0, 1, 2].map((i) => ({
    id: `c${i}`,
    source: 'mail',
    type: 'email.clicked',
    data: {},
    time: days(i),
  }));
  const cause = { type: 'rescore', rescore: 'r-1' } as const;

  it('publishes one change from the last published scores when the new version moves them', () => {
    const live = replayContact(v1, clicks).state!;
    const v2 = { ...v1, version: 2, engagement: [{ ...v1.engagement![0]!, points: 20 }] };
    const derived = replayContact(v2, clicks).state!;
    const result = rescoreState(v2, live, derived, days(3), cause);
    expect(result.change).toMatchObject({ sequence: live.sequence + 1, cause, previous: live.reported });
    expect(result.change!.current.total).toBeCloseTo(scoreAt(v2, derived, days(3)).total, 2);
  });

  it('publishes nothing when only time moved the scores (the decay service announces that), keeping the live history', () => {
    const live = replayContact(v1, clicks).state!;
    const derived = replayContact({ ...v1, version: 2 }, clicks).state!;
    // Ten days on, the engagement decayed; nothing the rescore did shows.
    const result = rescoreState({ ...v1, version: 2 }, live, derived, days(12), cause);
    expect(result.change).toBeUndefined();
    expect(result.state).toMatchObject({ sequence: live.sequence, reported: live.reported, asOf: days(12) });
  });

  it('publishes a change when only a tier line moved (same points, a new tier)', () => {
    const live = replayContact(v1, clicks).state!;
    const v2 = { ...v1, version: 2, tiers: { warm: 5, hot: 12 } };
    const result = rescoreState(v2, live, replayContact(v2, clicks).state!, days(2), cause);
    expect(live.reported?.tier).toBe('warm');
    expect(result.change?.current.tier).toBe('hot');
  });

  it('starts a contact nobody scored under the model with its first change', () => {
    const result = rescoreState(v1, undefined, replayContact(v1, clicks).state!, days(2), cause);
    expect(result.change).toMatchObject({ sequence: 1, previous: null, cause });
  });
});
