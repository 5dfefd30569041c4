import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEventValidator, type AuditPage, type OutcomeRecorded } from '@leadscore/contracts';
import { readTopic, type TopicRecord } from '@leadscore/testing';
import {
  bearer,
  createKey,
  createWorkspace,
  expectProblem,
  json,
  startTestApi,
  type TestApi,
} from './api-test-app.js';

let api: TestApi;
let admin: string;
let writer: string;
let writerId: string;
let publishable: string;
let reader: string;
let otherAdmin: string;

beforeAll(async () => {
  api = await startTestApi('api_outcomes');
  admin = (await createWorkspace(api, 'acme')).adminKey.key;
  const created = await createKey(api, admin, { kind: 'secret', scopes: ['events:write'] });
  writer = created.key;
  writerId = created.apiKey.id;
  publishable = (await createKey(api, admin, { kind: 'publishable' })).key;
  reader = (await createKey(api, admin, { kind: 'secret', scopes: ['read'] })).key;
  otherAdmin = (await createWorkspace(api, 'globex')).adminKey.key;
});

afterAll(async () => {
  await api?.close();
});

const record = (key: string, contact: string, body: unknown, headers: Record<string, string> = {}) =>
  api.http.inject({
    method: 'POST',
    url: `/v1/contacts/${contact}/outcomes`,
    headers: { ...bearer(key), 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function recorded(
  key: string,
  contact: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<OutcomeRecorded> {
  const response = await record(key, contact, body, headers);
  expect({ status: response.statusCode, body: response.body }).toMatchObject({ status: 202 });
  return json(response) as unknown as OutcomeRecorded;
}

/** The records of the api's events topic with these event ids, once all of them are there. */
async function eventsWithIds(ids: readonly string[]): Promise<TopicRecord[]> {
  const wanted = new Set(ids);
  return readTopic(api.kafka, api.topics.events, {
    accept: (record) => wanted.has(String(record.headers['ce_id'])),
    until: (records) => new Set(records.map((r) => String(r.headers['ce_id']))).size >= wanted.size,
    waitingFor: `outcome events ${ids.join(', ')}`,
  });
}

const valueOf = (record: TopicRecord) => JSON.parse(String(record.value)) as Record<string, unknown>;

describe('POST /v1/contacts/{contact}/outcomes', () => {
  it('publishes one outcome CloudEvent keyed like ingest keys events, and answers 202 after the ack', async () => {
    const answer = await recorded(
      writer,
      'email:Ann@Example.COM',
      {
        type: 'won',
        amount: 12000,
        currency: 'EUR',
        reason: 'signed the annual plan',
        occurredAt: '2026-03-31T17:30:00+02:00',
      },
      { 'idempotency-key': 'deal-4711-won' },
    );
    expect(answer).toEqual({
      eventId: expect.stringMatching(/^outcome-[0-9a-f]{32}$/),
      eventType: 'outcome.won',
      contact: 'email:ann@example.com',
      occurredAt: '2026-03-31T15:30:00.000Z',
      idempotent: true,
    });
    const [record, ...more] = await eventsWithIds([answer.eventId]);
    expect(more).toEqual([]);
    expect(record?.key?.toString()).toBe('acme:email:ann@example.com');
    expect(record?.headers).toMatchObject({ ce_type: 'outcome.won', ce_id: answer.eventId });
    const event = valueOf(record!);
    expect(event).toEqual({
      specversion: '1.0',
      id: answer.eventId,
      source: 'leadscore/api',
      type: 'outcome.won',
      time: '2026-03-31T15:30:00.000Z',
      subject: 'email:ann@example.com',
      workspace: 'acme',
      datacontenttype: 'application/json',
      data: {
        amount: 12000,
        currency: 'EUR',
        reason: 'signed the annual plan',
        actor: { key_id: writerId },
      },
    });
    expect(createEventValidator().validate(event)).toEqual({ valid: true, event });
  });

  it('derives the same event id from the same Idempotency-Key, and another one without or with another key', async () => {
    const body = { type: 'sales_accepted' };
    const first = await recorded(writer, 'user:42', body, { 'idempotency-key': '"retry-me"' });
    api.advance(30);
    const retry = await recorded(writer, 'user:42', body, { 'idempotency-key': 'retry-me' });
    expect(retry.eventId).toBe(first.eventId);
    const other = await recorded(writer, 'user:42', body, { 'idempotency-key': 'another' });
    const unkeyed = await recorded(writer, 'user:42', body);
    expect(unkeyed.idempotent).toBe(false);
    const otherContact = await recorded(writer, 'user:43', body, { 'idempotency-key': 'retry-me' });
    expect(new Set([first.eventId, other.eventId, unkeyed.eventId, otherContact.eventId]).size).toBe(4);
    // The retry was published again: consumers see the same id twice and apply it once.
    const records = await eventsWithIds([first.eventId, other.eventId, unkeyed.eventId]);
    expect(records.filter((r) => String(r.headers['ce_id']) === first.eventId)).toHaveLength(2);
  });

  it('takes a phone number in international form, percent-encoded or not, and records every outcome type', async () => {
    for (const type of ['sales_accepted', 'sales_rejected', 'converted', 'won', 'lost']) {
      const answer = await recorded(admin, 'phone:%2B1%20415%20555%200100', { type });
      expect(answer).toMatchObject({ eventType: `outcome.${type}`, contact: 'phone:+14155550100' });
    }
    expect((await recorded(admin, 'phone:+14155550100', { type: 'lost' })).contact).toBe(
      'phone:+14155550100',
    );
    expect((await recorded(admin, 'user:a%2Fb', { type: 'won' })).contact).toBe('user:a/b');
  });

  it('refuses a contact that is not a contact key, saying which forms are', async () => {
    const notAKey = await record(writer, 'ann@example.com', { type: 'won' });
    const problem = expectProblem(
      notAKey,
      400,
      /not a contact key: expected a contact key such as email:ann@example.com/,
    );
    expect(problem['errors']).toEqual([{ field: '{contact}', expected: expect.stringContaining('email:') }]);
    expectProblem(
      await record(writer, 'email:not-an-address', { type: 'won' }),
      400,
      /an email address such as/,
    );
    expectProblem(
      await record(writer, 'phone:4155550100', { type: 'won' }),
      400,
      /with its country code.*Phone numbers need their country code/,
    );
    expectProblem(await record(writer, 'crm:123', { type: 'won' }), 400, /user:<id> or anon:<id>/);
  });

  it('names the wrong field of a body and what it expects', async () => {
    const cases: [unknown, RegExp, string][] = [
      [{}, /type: expected a value/, 'type'],
      [
        { type: 'closed' },
        /type: expected one of "sales_accepted", "sales_rejected", "converted", "won", "lost"/,
        'type',
      ],
      [{ type: 'won', amount: 10 }, /currency: expected a value: it is required with amount/, 'currency'],
      [{ type: 'won', amount: -1, currency: 'EUR' }, /amount: expected a number ≥ 0/, 'amount'],
      [{ type: 'won', amount: 1, currency: 'euro' }, /currency: expected text matching/, 'currency'],
      [{ type: 'won', occurredAt: 'yesterday' }, /occurredAt: expected an RFC 3339 date-time/, 'occurredAt'],
      [{ type: 'won', actor: 'me' }, /actor: expected no such field/, 'actor'],
    ];
    for (const [body, detail, field] of cases) {
      const problem = expectProblem(await record(writer, 'user:42', body), 400, detail);
      expect(problem['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    expectProblem(
      await record(writer, 'user:42', { type: 'won', occurredAt: '2026-04-01T09:06:00Z' }),
      400,
      /occurredAt: expected a time at most 5 minutes after now/,
    );
    expectProblem(
      await record(writer, 'user:42', { type: 'won' }, { 'idempotency-key': 'x'.repeat(256) }),
      400,
      /Idempotency-Key: expected 1–255 printable ASCII characters/,
    );
    expectProblem(await record(writer, 'user:42', '{"type":'), 400, /not valid JSON/);
  });

  it('needs a secret key with events:write or admin', async () => {
    expectProblem(await record(reader, 'user:42', { type: 'won' }), 403, /scope "admin" or "events:write"/);
    expectProblem(await record(publishable, 'user:42', { type: 'won' }), 403, /need a secret key/);
    expectProblem(
      await record('sk_0000000000000000_nope', 'user:42', { type: 'won' }),
      401,
      /belongs to no workspace/,
    );
  });

  it("keeps workspaces apart: the event is in the caller's workspace, and its audit row only there", async () => {
    const ours = await recorded(
      admin,
      'email:shared@example.com',
      { type: 'converted' },
      { 'idempotency-key': 'k1' },
    );
    const theirs = await recorded(
      otherAdmin,
      'email:shared@example.com',
      { type: 'converted' },
      { 'idempotency-key': 'k1' },
    );
    expect(theirs.eventId).not.toBe(ours.eventId);
    const records = await eventsWithIds([ours.eventId, theirs.eventId]);
    expect(records.map((r) => [r.key?.toString(), valueOf(r)['workspace']]).sort()).toEqual([
      ['acme:email:shared@example.com', 'acme'],
      ['globex:email:shared@example.com', 'globex'],
    ]);
    const auditOf = async (key: string) =>
      (
        json(
          await api.http.inject({ method: 'GET', url: '/v1/audit?limit=200', headers: bearer(key) }),
        ) as unknown as AuditPage
      ).entries
        .filter((e) => e.action === 'outcome.recorded')
        .map((e) => String((e.details as { eventId: string }).eventId));
    expect(await auditOf(otherAdmin)).toEqual([theirs.eventId]);
    expect(await auditOf(admin)).toContain(ours.eventId);
    expect(await auditOf(admin)).not.toContain(theirs.eventId);
  });

  it('audits each recorded outcome with the acting key, the contact and the event id', async () => {
    const answer = await recorded(
      writer,
      'anon:visitor-9',
      { type: 'lost', reason: 'budget' },
      { 'idempotency-key': 'lost-9' },
    );
    const page = json(
      await api.http.inject({ method: 'GET', url: '/v1/audit', headers: bearer(admin) }),
    ) as unknown as AuditPage;
    const entry = page.entries.find((e) => (e.details as { eventId?: string }).eventId === answer.eventId);
    expect(entry).toMatchObject({
      actor: writerId,
      action: 'outcome.recorded',
      target: 'anon:visitor-9',
      details: { eventId: answer.eventId, type: 'outcome.lost', idempotent: true },
    });
    expect(JSON.stringify(entry)).not.toContain(writer);
  });
});

describe('POST /v1/contacts/{contact}/outcomes without Kafka', () => {
  let down: TestApi;

  beforeAll(async () => {
    down = await startTestApi('api_outcomes_down');
    await down.producer.disconnect();
  });

  afterAll(async () => {
    await down?.close();
  });

  it('answers 503 with Retry-After and records nothing when Kafka does not acknowledge', async () => {
    const key = (await createWorkspace(down, 'acme')).adminKey.key;
    const response = await down.http.inject({
      method: 'POST',
      url: '/v1/contacts/user:42/outcomes',
      headers: { ...bearer(key), 'content-type': 'application/json', 'idempotency-key': 'k' },
      payload: { type: 'won' },
    });
    expectProblem(
      response,
      503,
      /Kafka did not acknowledge the outcome.*Retry after 5 s with the same Idempotency-Key/,
    );
    expect(response.headers['retry-after']).toBe('5');
    const audit = json(
      await down.http.inject({ method: 'GET', url: '/v1/audit', headers: bearer(key) }),
    ) as unknown as AuditPage;
    expect(audit.entries.map((e) => e.action)).not.toContain('outcome.recorded');
  });
});
