import { afterEach, describe, expect, it, jest } from '@jest/globals';
import {
  parseModel,
  type ArchivedReplayEvent,
  type ReplayContacts,
  type ScoringModel,
} from '@leadscore/contracts';
import { backtestModels, type BacktestReport } from '@leadscore/lifecycle';
import { clicksModelSource } from '@leadscore/testing';
import type { ApiContext } from '../app/api.context.js';
import { ArchiveGateway } from '../archive/archive-gateway.js';
import type { Caller } from '../auth/caller.js';
import { ProblemError } from '../http/problem-details.js';
import { backtestContactOf } from '../archive/archived-people.js';
import { BacktestModel, modelBacktestOf } from './backtest-model.usecase.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 30, 9);
const NOW = new Date(Date.UTC(2026, 3, 1, 9));
const iso = (ms: number) => new Date(ms).toISOString();

const yaml = (version: number, points: number) => clicksModelSource(version, points);
const model = (version: number, points: number): ScoringModel =>
  parseModel(yaml(version, points), 'yaml', 'clicks.yaml', { workspace: 'acme' });

const click = (contact: string, i: number, at: number) => ({
  id: `${contact}-click-${i}`,
  source: '/v1/events',
  type: 'email.clicked',
  time: iso(at),
  data: {},
  partition: 0,
  offset: String(i),
});
const archived = (contact: string, clicks: number, outcome?: { type: string; at: number }) => ({
  contact,
  events: [
    ...Array.from({ length: clicks }, (_, i) => click(contact, i, T0 + i * HOUR)),
    ...(outcome
      ? [
          {
            id: `${contact}-outcome`,
            source: 'leadscore/api',
            type: outcome.type,
            time: iso(outcome.at),
            data: {},
            partition: 0,
            offset: String(clicks),
          },
        ]
      : []),
  ],
});

const CONTACTS = [
  archived('email:ann@example.com', 3, { type: 'outcome.won', at: T0 + 3 * HOUR }),
  archived('email:bob@example.com', 1, { type: 'outcome.lost', at: T0 + 2 * HOUR }),
  archived('email:cy@example.com', 5),
  archived('email:dee@example.com', 2, { type: 'outcome.lost', at: T0 + 3 * HOUR }),
];

const caller = { workspaceId: 'acme' } as unknown as Caller;

/** A merge the database holds: `alias` lives on `survivor`; its events before `through` count under it. */
interface AliasRow {
  readonly workspace_id: string;
  readonly alias: string;
  readonly survivor: string;
  readonly through: Record<string, string>;
  readonly merge_event_source: string;
  readonly merge_event_id: string;
  readonly requested_at: Date;
  readonly completed_at: Date | null;
}

/**
 * A context whose database has `liveVersion` of the model (and the merges `aliases`), and whose archive
 * answers `pages` in turn and the merged contacts' events from `mergedEvents`.
 */
function contextWith(
  liveVersion: number | undefined,
  pages: ReplayContacts[],
  maxContacts = 20_000,
  aliases: readonly AliasRow[] = [],
  mergedEvents: readonly ArchivedReplayEvent[] = [],
) {
  const asked: (string | undefined)[] = [];
  const archive = {
    replayContacts: (_workspace: string, after: string | undefined) => {
      asked.push(after);
      const page = pages[asked.length - 1];
      return page ? Promise.resolve(page) : Promise.reject(new Error('asked past the last page'));
    },
    replayEvents: (_workspace: string, contacts: readonly string[]) =>
      Promise.resolve(mergedEvents.filter((event) => contacts.includes(event.contact))),
  };
  const query = (sql: string, parameters: unknown[]) => {
    if (!sql.includes('contact_aliases'))
      return Promise.resolve(liveVersion === undefined ? [] : [{ version: liveVersion }]);
    // aliasesAmong names the contacts in its second parameter; mergedIntoAny the survivors.
    if (sql.includes('survivor = ANY'))
      return Promise.resolve(aliases.filter((a) => (parameters[1] as string[]).includes(a.survivor)));
    return Promise.resolve(aliases.filter((a) => (parameters[1] as string[]).includes(a.alias)));
  };
  const context = {
    dataSource: { manager: { query } },
    modelDocuments: { version: () => Promise.resolve(model(liveVersion ?? 1, 5)) },
    archive,
    backtestMaxContacts: maxContacts,
    now: () => NOW,
  } as unknown as ApiContext;
  return { context, asked };
}

const page = (contacts: ReplayContacts['contacts'], next: string | null): ReplayContacts => ({
  contacts,
  next,
  archivedFrom: iso(T0),
  archivedThrough: {},
  archivedContacts: CONTACTS.length,
});

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return (error as ProblemError).problem;
}

describe('BacktestModel', () => {
  it('walks every page of the archive and answers what backtestModels gives, mapped to the schema', async () => {
    const { context, asked } = contextWith(1, [
      page(CONTACTS.slice(0, 2), 'email:bob@example.com'),
      page(CONTACTS.slice(2), null),
    ]);
    const answer = await new BacktestModel(context).execute(caller, { text: yaml(2, 10), format: 'yaml' });
    expect(asked).toEqual([undefined, 'email:bob@example.com']);
    const report = backtestModels(model(1, 5), model(2, 10), CONTACTS.map(backtestContactOf), NOW.getTime());
    expect(answer).toEqual(modelBacktestOf('clicks', report, { from: iso(T0), until: NOW }, false));
    expect(answer).toMatchObject({
      modelId: 'clicks',
      period: { from: '2026-03-30T09:00:00.000Z', until: '2026-04-01T09:00:00.000Z' },
      contacts: 4,
      truncated: false,
      // ann and dee reach 20 at their second click under the candidate (10 a click), never under the live model.
      newMql: {
        count: 2,
        first: [
          { contact: 'email:ann@example.com', at: iso(T0 + HOUR) },
          { contact: 'email:dee@example.com', at: iso(T0 + HOUR) },
        ],
      },
      lostMql: { count: 0, first: [] },
    });
    expect(answer.candidate.model).toEqual({ id: 'clicks', version: 2 });
    expect(answer.live.outcomes.byTier[0]).toHaveProperty('tier');
  });

  it('counts a contact merged into another once, under its survivor, with its events before the merge', async () => {
    const visitor = archived('anon:7', 2);
    const survivor = CONTACTS[1]!;
    // anon:7's clicks are archived under it (offsets 0 and 1): the merge took effect before offset 1.
    const aliases: AliasRow[] = [
      {
        workspace_id: 'acme',
        alias: 'anon:7',
        survivor: survivor.contact,
        through: { '0': '1' },
        merge_event_source: '/v1/identify',
        merge_event_id: 'merge-1',
        requested_at: new Date(NOW),
        completed_at: new Date(NOW),
      },
    ];
    const mergedEvents = visitor.events.map((event) => ({ ...event, contact: 'anon:7' }));
    const { context } = contextWith(1, [page([visitor, ...CONTACTS], null)], 20_000, aliases, mergedEvents);
    const answer = await new BacktestModel(context).execute(caller, { text: yaml(2, 10), format: 'yaml' });
    const folded = CONTACTS.map((c) =>
      c.contact === survivor.contact
        ? {
            contact: c.contact,
            events: [...c.events, visitor.events[0]!]
              .map((e) => ({ ...e, time: Date.parse(e.time) }))
              .sort((a, b) => a.time - b.time),
          }
        : backtestContactOf(c),
    );
    expect(answer.contacts).toBe(CONTACTS.length);
    const report = backtestModels(model(1, 5), model(2, 10), folded, NOW.getTime());
    expect(answer).toEqual(modelBacktestOf('clicks', report, { from: iso(T0), until: NOW }, false));
  });

  it('stops at API_BACKTEST_MAX_CONTACTS and says the figures are truncated', async () => {
    const { context, asked } = contextWith(
      1,
      [page(CONTACTS.slice(0, 2), 'email:bob@example.com'), page(CONTACTS.slice(2), null)],
      3,
    );
    const answer = await new BacktestModel(context).execute(caller, { text: yaml(2, 10), format: 'yaml' });
    expect(answer).toMatchObject({ contacts: 3, truncated: true });
    expect(asked).toHaveLength(2);
    // Exactly the limit on a page with more to come is truncated too; exactly all of them is not.
    const exact = contextWith(1, [page(CONTACTS.slice(0, 2), 'email:bob@example.com')], 2);
    expect(
      await new BacktestModel(exact.context).execute(caller, { text: yaml(2, 10), format: 'yaml' }),
    ).toMatchObject({
      contacts: 2,
      truncated: true,
    });
    const all = contextWith(1, [page(CONTACTS.slice(0, 2), null)], 2);
    expect(
      await new BacktestModel(all.context).execute(caller, { text: yaml(2, 10), format: 'yaml' }),
    ).toMatchObject({
      contacts: 2,
      truncated: false,
    });
  });

  it('answers 404 without a live version and 422 for an invalid candidate, before reading the archive', async () => {
    const none = contextWith(undefined, []);
    const missing = await problemOf(
      new BacktestModel(none.context).execute(caller, { text: yaml(1, 10), format: 'yaml' }),
    );
    expect(missing).toMatchObject({ status: 404, detail: expect.stringMatching(/apply the model first/) });
    const invalid = await problemOf(
      new BacktestModel(none.context).execute(caller, {
        text: yaml(2, 10).replace('email.clicked', 'email.clickd'),
        format: 'yaml',
      }),
    );
    expect(invalid).toMatchObject({ status: 422, issues: expect.any(Array) });
    expect(none.asked).toEqual([]);
  });
});

describe('modelBacktestOf', () => {
  it('lists the earliest 100 new MQLs with ISO times and the first 100 lost ones, counting all', () => {
    const side = backtestModels(model(1, 5), model(2, 10), [], NOW.getTime()).live;
    const report: BacktestReport = {
      contacts: 300,
      live: side,
      candidate: side,
      moved: { tier: 1, grade: 2, stage: 3 },
      newMql: Array.from({ length: 150 }, (_, i) => ({ contact: `c${i}`, at: T0 + i })),
      lostMql: Array.from({ length: 120 }, (_, i) => `l${i}`),
    };
    const answer = modelBacktestOf('clicks', report, { from: null, until: NOW }, false);
    expect(answer.newMql.count).toBe(150);
    expect(answer.newMql.first).toHaveLength(100);
    expect(answer.newMql.first[1]).toEqual({ contact: 'c1', at: iso(T0 + 1) });
    expect(answer.lostMql).toEqual({ count: 120, first: report.lostMql.slice(0, 100) });
    expect(answer.period).toEqual({ from: null, until: NOW.toISOString() });
    expect(answer.moved).toEqual({ tier: 1, grade: 2, stage: 3 });
  });
});

const urlOf = (input: string | URL | Request | undefined) =>
  input instanceof Request ? input.url : input instanceof URL ? input.href : input;

describe('ArchiveGateway.replayContacts', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('asks for a page of 500 after the given key and checks the answer against its schema', async () => {
    const fetch = jest
      .spyOn(globalThis, 'fetch')
      .mockImplementation(() => Promise.resolve(Response.json(page(CONTACTS.slice(0, 1), null))));
    const gateway = new ArchiveGateway('http://analytics.test/');
    expect(await gateway.replayContacts('acme', 'email:a@example.com')).toEqual(
      page(CONTACTS.slice(0, 1), null),
    );
    expect(urlOf(fetch.mock.calls[0]?.[0])).toBe(
      'http://analytics.test/internal/v1/workspaces/acme/replay-contacts?after=email%3Aa%40example.com&contacts=500',
    );
    fetch.mockImplementation(() =>
      Promise.resolve(Response.json({ contacts: [{ contact: 'x' }], next: null })),
    );
    expect(await problemOf(gateway.replayContacts('acme', undefined))).toMatchObject({
      status: 503,
      detail: expect.stringMatching(/cannot read/),
    });
    expect(urlOf(fetch.mock.calls[1]?.[0])).toBe(
      'http://analytics.test/internal/v1/workspaces/acme/replay-contacts?contacts=500',
    );
  });

  it('asks for fewer contacts per page while the archive says a page holds too many events', async () => {
    const fetch = jest.spyOn(globalThis, 'fetch').mockImplementation((input) => {
      const size = Number(new URL(String(urlOf(input))).searchParams.get('contacts'));
      return Promise.resolve(
        size > 125
          ? Response.json({ message: 'more than 200000 events' }, { status: 413 })
          : Response.json(page(CONTACTS.slice(0, 1), null)),
      );
    });
    const gateway = new ArchiveGateway('http://analytics.test/');
    expect(await gateway.replayContacts('acme', undefined)).toEqual(page(CONTACTS.slice(0, 1), null));
    expect(
      fetch.mock.calls.map((call) => new URL(String(urlOf(call[0]))).searchParams.get('contacts')),
    ).toEqual(['500', '250', '125']);
    fetch.mockImplementation(() =>
      Promise.resolve(Response.json({ message: 'more than 200000 events' }, { status: 413 })),
    );
    expect(await problemOf(gateway.replayContacts('acme', 'email:a@example.com'))).toMatchObject({
      status: 503,
      detail: expect.stringMatching(/cannot be replayed/),
    });
  });

  it('is a 503 when the analytics service does not answer', async () => {
    const problem = await problemOf(
      new ArchiveGateway('http://127.0.0.1:9', 2_000).replayContacts('acme', undefined),
    );
    expect(problem).toMatchObject({ status: 503, detail: expect.stringMatching(/does not answer/) });
  });
});
