import { describe, expect, it } from '@jest/globals';
import { parseModel, type ReplayContactEvent, type ScoreChangedEvent } from '@leadscore/contracts';
import { INITIAL_LIFECYCLE } from '@leadscore/lifecycle';
import { replayContact, type ContactScoreState } from '@leadscore/scoring';
import { clicksModelSource } from '@leadscore/testing';
import {
  planRescoreChunk,
  shadowEventsOf,
  type RescoreChunkInput,
  type RescoreContact,
} from './rescore-plan.js';

const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const NOW = T0 + 3_600_000;
const model = (version: number, points: number) =>
  parseModel(clicksModelSource(version, points), 'yaml', 'clicks.yaml', { workspace: 'acme' });

const click = (contact: string, i: number, offset: number): ReplayContactEvent => ({
  id: `${contact}-click-${i}`,
  source: '/v1/events',
  type: 'email.clicked',
  time: new Date(T0 + i * 60_000).toISOString(),
  data: {},
  partition: 1,
  offset: String(offset),
});

/** The live path's state after these events under `version`/`points`: the pure replay is what it reaches. */
const liveOf = (
  events: readonly ReplayContactEvent[],
  version = 1,
  points = 5,
): ContactScoreState | undefined =>
  replayContact(
    model(version, points),
    events.map((e) => ({ ...e, time: Date.parse(e.time) })),
  ).state;

const contact = (name: string, clicks: number, extra: Partial<RescoreContact> = {}): RescoreContact => {
  const events = Array.from({ length: clicks }, (_, i) => click(name, i, 10 + i));
  return { contact: name, events, live: liveOf(events), profile: undefined, lifecycle: undefined, ...extra };
};

const input = (contacts: RescoreContact[], extra: Partial<RescoreChunkInput> = {}): RescoreChunkInput => ({
  workspace: 'acme',
  model: model(2, 10),
  rescoreId: 'r-1',
  now: NOW,
  bound: { '1': '100' },
  contacts,
  subscriptions: [{ events: ['stage'] }, { events: ['score'] }],
  outboxSourceOf: (partition) => `scorer:${partition}`,
  scoreChangedTopic: 'leads.score-changed.v1',
  ...extra,
});

describe('planRescoreChunk', () => {
  it('re-derives a contact under the new version, one change with cause rescore continuing its sequence', () => {
    const ann = contact('email:ann@example.com', 3, { lifecycle: { ...INITIAL_LIFECYCLE, tier: 'warm' } });
    const plan = planRescoreChunk(input([ann]));
    expect(plan.dirty).toEqual([]);
    const [message] = plan.outbox.get('scorer:1') ?? [];
    const event = message?.payload as ScoreChangedEvent;
    expect(event.data.cause).toEqual({ type: 'rescore', rescore: 'r-1' });
    expect(event.data.sequence).toBe((ann.live?.sequence ?? 0) + 1);
    expect(event.data.previous?.total).toBe(15);
    expect(event.data.current.total).toBe(30);
    // The state switched in is the pure replay of the same events under version 2.
    const replayed = liveOf(ann.events, 2, 10);
    expect(plan.rows[0]?.state).toMatchObject({
      engagement: replayed?.engagement,
      counters: replayed?.counters,
    });
    expect(plan.rows[0]?.sequence).toBe(event.data.sequence);
    // 15 → 30: warm → hot (one tier transition), lead → MQL at 20; webhooks: the score one and the stage one.
    expect(plan.counts).toMatchObject({
      replayedEvents: 3,
      changedContacts: 1,
      scoreChanges: 1,
      tierTransitions: 1,
      stageTransitions: 1,
      webhooks: 2,
    });
  });

  it('publishes nothing for a contact whose scores the new version does not move', () => {
    const plan = planRescoreChunk(input([contact('email:bo@example.com', 2)], { model: model(2, 5) }));
    expect(plan.outbox.size).toBe(0);
    expect(plan.counts).toMatchObject({ changedContacts: 0, unchangedContacts: 1, scoreChanges: 0 });
  });

  it('leaves a contact whose live state applied an event past the bound for a replay under its lock', () => {
    const cy = contact('email:cy@example.com', 4);
    const plan = planRescoreChunk(input([cy], { bound: { '1': '13' } }));
    expect(plan.dirty).toEqual(['email:cy@example.com']);
    expect(plan.rows).toEqual([]);
    // At a bound past the live path's last event it is clean.
    expect(planRescoreChunk(input([cy], { bound: { '1': '14' } })).dirty).toEqual([]);
    // A dry run writes nothing, so it judges every contact as it stands.
    expect(planRescoreChunk(input([cy], { bound: { '1': '13' }, judgeDirty: false })).dirty).toEqual([]);
  });

  it('keeps archived events the live path has not applied yet out of the shadow (the bound)', () => {
    const dee = contact('email:dee@example.com', 3);
    expect(shadowEventsOf(dee, { '1': '12' }).map((e) => e.id)).toEqual([
      'email:dee@example.com-click-0',
      'email:dee@example.com-click-1',
    ]);
    expect(shadowEventsOf(dee, {})).toEqual([]);
  });

  it('skips erased contacts and contacts merged into another', () => {
    const plan = planRescoreChunk(
      input([
        contact('email:ed@example.com', 1, { skip: 'erased' }),
        contact('anon:1', 1, { skip: 'merged' }),
      ]),
    );
    expect(plan.rows).toEqual([]);
    expect(plan.counts.skippedContacts).toBe(2);
  });

  it('replays a survivor with the events of the contacts merged into it, each before its through', () => {
    const survivor = contact('email:fay@example.com', 1);
    const visitor = [click('anon:9', 5, 3), click('anon:9', 6, 4)].map((e) => ({ ...e, contact: 'anon:9' }));
    const merged = {
      aliases: [
        {
          workspaceId: 'acme',
          alias: 'anon:9',
          survivor: 'email:fay@example.com',
          through: { '1': '4' },
          mergeEvent: { source: '/v1/events', id: 'm' },
          requestedAt: new Date(T0),
          completedAt: new Date(T0),
        },
      ],
      events: visitor,
    };
    expect(shadowEventsOf({ ...survivor, merged }, { '1': '100' }).map((e) => e.id)).toEqual([
      'email:fay@example.com-click-0',
      'anon:9-click-5',
    ]);
  });

  it('counts the transitions from the lifecycle the threshold service holds, not from scratch', () => {
    const gus = contact('email:gus@example.com', 3, {
      lifecycle: { ...INITIAL_LIFECYCLE, stage: 'mql', tier: 'hot' },
    });
    expect(planRescoreChunk(input([gus])).counts).toMatchObject({
      tierTransitions: 0,
      stageTransitions: 0,
      webhooks: 1,
    });
  });

  it('re-derives on a first application only the contacts whose history began before their live state', () => {
    const early = contact('email:hal@example.com', 3, {
      live: liveOf([click('email:hal@example.com', 2, 12)]),
    });
    const complete = contact('email:ivy@example.com', 3);
    const plan = planRescoreChunk(input([early, complete], { onlyMissingHistory: true, model: model(1, 5) }));
    expect(plan.rows.map((r) => r.contactId)).toEqual(['email:hal@example.com']);
    expect(plan.rows[0]?.total).toBe(15);
    expect(plan.counts).toMatchObject({ changedContacts: 1, unchangedContacts: 1 });
  });
});
