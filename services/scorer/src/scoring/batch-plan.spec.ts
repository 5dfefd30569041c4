import { describe, expect, it } from '@jest/globals';
import { Topics, type CanonicalEvent } from '@leadscore/contracts';
import { type ContactScoreRow } from '@leadscore/persistence';
import { replayContact } from '@leadscore/scoring';
import { eventStream, ontraportModel, referenceScores } from '../../test/scoring-fixtures.js';
import { contactsNeedingProfiles, planBatch, type ScorableEvent } from './batch-plan.js';

const model = ontraportModel('ws');

/** One event as the handler hands it to the plan; `minute` is its offset and minutes after 2026-01-01. */
const scorable = (
  id: string,
  subject: string,
  type: string,
  data: object,
  minute: number,
  workspace = 'ws',
): ScorableEvent => ({
  offset: String(minute),
  event: {
    specversion: '1.0',
    id,
    source: '/test',
    time: new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString(),
    subject,
    workspace,
    type,
    data,
  } as CanonicalEvent,
});
const modelsFor = (workspace: string) => (workspace === 'ws' ? [model] : []);

describe('planBatch', () => {
  it('puts the account on the changes and merges the company traits the batch sets into the account profile', () => {
    const plan = planBatch({
      events: [
        scorable(
          'g1',
          'user:ann',
          'contact.updated',
          { traits: { 'company.id': 'acme', 'company.industry': 'Software' } },
          1,
        ),
        scorable(
          'g2',
          'user:bob',
          'contact.updated',
          { traits: { 'company.id': 'acme', 'company.employees': 320 } },
          2,
        ),
        scorable('i1', 'user:cy', 'contact.identified', { traits: { email: 'cy@initech.com' } }, 3),
      ],
      scores: [],
      profiles: [],
      modelsFor,
      outboxSource: 'scorer:0',
    });
    const accounts = plan.outbox.map((m) => {
      const payload = m.payload as { data: { contact: string; account?: string } };
      return [payload.data.contact, payload.data.account];
    });
    expect(accounts).toEqual([
      ['user:ann', 'acme'],
      ['user:bob', 'acme'],
      ['user:cy', 'initech.com'],
    ]);
    expect(plan.accountProfiles).toEqual([
      {
        workspaceId: 'ws',
        accountId: 'acme',
        traits: { industry: 'Software', employees: 320 },
        updatedAt: new Date(Date.UTC(2026, 0, 1) + 2 * 60_000),
      },
    ]);
  });

  it('scores a batch exactly like the pure engine applied event by event', () => {
    const events = eventStream('ws', 20, 400);
    const plan = planBatch({
      events: events.map((event, i) => ({ offset: String(i), event })),
      scores: [],
      profiles: [],
      modelsFor,
      outboxSource: 'scorer:0',
    });
    const reference = referenceScores(model, events);
    expect(plan.scores).toHaveLength(reference.size);
    for (const row of plan.scores) expect(row.state).toEqual(reference.get(row.contactId));
    expect(plan.processed).toHaveLength(400);
    expect(plan.failures).toEqual([]);
  });

  it('reaches for each contact the state the pure replay of that contact’s events gives (merges and rescores use it)', () => {
    const events = eventStream('ws', 12, 300, 7);
    const plan = planBatch({
      events: events.map((event, i) => ({ offset: String(i), event })),
      scores: [],
      profiles: [],
      modelsFor,
      outboxSource: 'scorer:0',
    });
    expect(plan.scores.length).toBeGreaterThan(1);
    for (const row of plan.scores) {
      const own = events.filter((event) => event.subject === row.contactId);
      const replayed = replayContact(
        model,
        own.map((event) => ({ ...event, time: Date.parse(event.time) })),
      );
      expect(row.state).toEqual(replayed.state);
      expect(plan.outbox.filter((message) => message.key === `ws:${row.contactId}`)).toHaveLength(
        replayed.changes.length,
      );
    }
  });

  it('gives identical results when the same events arrive split over two batches', () => {
    const events = eventStream('ws', 5, 100);
    const whole = planBatch({
      events: events.map((event, i) => ({ offset: String(i), event })),
      scores: [],
      profiles: [],
      modelsFor,
      outboxSource: 's',
    });
    const first = planBatch({
      events: events.slice(0, 37).map((event, i) => ({ offset: String(i), event })),
      scores: [],
      profiles: [],
      modelsFor,
      outboxSource: 's',
    });
    const rest = events.slice(37).map((event, i) => ({ offset: String(i + 37), event }));
    // Only the profiles the handler loads.
    const needed = new Set(contactsNeedingProfiles(rest, first.scores, modelsFor).map((c) => c.contactId));
    expect(needed.size).toBeGreaterThan(0);
    const second = planBatch({
      events: rest,
      scores: first.scores,
      profiles: first.profiles.filter((p) => needed.has(p.contactId)),
      modelsFor,
      outboxSource: 's',
    });
    const byContact = (rows: ContactScoreRow[]) => new Map(rows.map((r) => [r.contactId, r.state]));
    const merged = new Map([...byContact(first.scores), ...byContact(second.scores)]);
    expect(merged).toEqual(byContact(whole.scores));
    expect([...first.outbox, ...second.outbox].map((m) => m.eventId)).toEqual(
      whole.outbox.map((m) => m.eventId),
    );
  });

  it('needs the stored profiles of contacts with a profile change or a new state, and starts from them', () => {
    const first = planBatch({
      events: [scorable('p1', 'user:a', 'contact.updated', { traits: { jobTitle: 'CEO' } }, 0)],
      scores: [],
      profiles: [],
      modelsFor,
      outboxSource: 's',
    });
    const batch = [
      scorable('p2', 'user:a', 'contact.updated', { traits: { state: 'CO' } }, 1),
      scorable('c1', 'user:b', 'email.clicked', { url: 'https://example.com/x' }, 2),
      scorable('c2', 'user:a', 'email.clicked', { url: 'https://example.com/x' }, 3),
    ];
    // user:a has a profile change, user:b no score yet; a click of a scored contact needs no profile.
    expect(contactsNeedingProfiles(batch, first.scores, modelsFor)).toEqual([
      { workspaceId: 'ws', contactId: 'user:a' },
      { workspaceId: 'ws', contactId: 'user:b' },
    ]);
    expect(contactsNeedingProfiles(batch.slice(2), first.scores, modelsFor)).toEqual([]);
    const second = planBatch({
      events: batch,
      scores: first.scores,
      profiles: first.profiles,
      modelsFor,
      outboxSource: 's',
    });
    expect(second.profiles.map((p) => p.traits)).toEqual([{ jobTitle: 'CEO', state: 'CO' }]);
    // CEO +15 from the stored profile, Colorado +10 from the change.
    expect(second.scores.find((r) => r.contactId === 'user:a')?.fit).toBe(25);
  });

  it('starts a new state from the stored profile, e.g. under a model applied after the contact identified', () => {
    const identified = planBatch({
      events: [scorable('p1', 'user:a', 'contact.identified', { traits: { jobTitle: 'CEO' } }, 0, 'later')],
      scores: [],
      profiles: [],
      modelsFor: () => [],
      outboxSource: 's',
    });
    expect(identified.scores).toEqual([]);
    const laterModel = { ...ontraportModel('later'), id: 'applied-later' };
    const click = scorable('c1', 'user:a', 'email.clicked', { url: 'https://example.com/x' }, 60, 'later');
    const plan = planBatch({
      events: [click],
      scores: [],
      profiles: identified.profiles,
      modelsFor: () => [laterModel],
      outboxSource: 's',
    });
    expect(plan.scores.map((r) => [r.modelId, r.fit, r.engagement])).toEqual([['applied-later', 15, 5]]);
    expect(
      plan.outbox.map((m) => (m.payload as { data: { cause: { type: string } } }).data.cause.type),
    ).toEqual(['refit', 'event']);
  });

  it('emits score-changed events with gapless sequences and deterministic ids per contact', () => {
    const events = eventStream('ws', 3, 60);
    const plan = planBatch({
      events: events.map((event, i) => ({ offset: String(i), event })),
      scores: [],
      profiles: [],
      modelsFor,
      outboxSource: 'scorer:2',
    });
    const sequences = new Map<string, number[]>();
    for (const message of plan.outbox) {
      expect(message.topic).toBe(Topics.scoreChanged);
      expect(message.source).toBe('scorer:2');
      const payload = message.payload as { subject: string; data: { sequence: number } };
      sequences.set(payload.subject, [...(sequences.get(payload.subject) ?? []), payload.data.sequence]);
    }
    for (const [, seq] of sequences) expect(seq).toEqual(seq.map((_, i) => i + 1));
    expect(new Set(plan.outbox.map((m) => m.eventId)).size).toBe(plan.outbox.length);
  });

  it('records events of a workspace without models as processed but scores nothing', () => {
    const events = eventStream('other', 3, 10);
    const plan = planBatch({
      events: events.map((event, i) => ({ offset: String(i), event })),
      scores: [],
      profiles: [],
      modelsFor,
      outboxSource: 's',
    });
    expect(plan.processed).toHaveLength(10);
    expect(plan.scores).toEqual([]);
    expect(plan.outbox).toEqual([]);
  });

  it('reports an event the engine rejects as a failure, changes nothing for it, and scores the rest', () => {
    const events = eventStream('ws', 1, 6).map((e) => ({
      ...e,
      type: 'email.clicked' as const,
      data: { url: 'https://x' },
    }));
    const poisoned = events.map((event, i) => ({
      offset: String(i),
      event: i === 2 ? { ...event, time: 'not a time' } : event,
    }));
    const plan = planBatch({ events: poisoned, scores: [], profiles: [], modelsFor, outboxSource: 's' });
    expect(
      plan.failures.map((f) => [f.offset, f.reason.startsWith('scoring failed: time must be epoch')]),
    ).toEqual([['2', true]]);
    expect(plan.processed.map((p) => p.eventId)).toEqual(events.filter((_, i) => i !== 2).map((e) => e.id));
    const reference = referenceScores(
      model,
      events.filter((_, i) => i !== 2),
    );
    expect(plan.scores[0]?.state).toEqual(reference.get(events[0]!.subject));
  });
});
