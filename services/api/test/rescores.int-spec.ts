import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rescoreListSchema, rescoreSchema, type Rescore, type RescoreList } from '@leadscore/contracts';
import { scoringModelRepository } from '@leadscore/persistence';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import {
  OPERATOR,
  bearer,
  clickModel,
  createKey,
  createWorkspace,
  expectProblem,
  json,
  startTestApi,
  type TestApi,
} from './api-test-app.js';

// The rescore routes on real PostgreSQL (no scorer runs: the test moves a rescore's row itself where
// the scorer's worker would); every answer is also checked against /openapi.json by the test app.

let api: TestApi;
let workspace: string;
let adminKey: string;
let readKey: string;
let strangerKey: string;

const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
addFormats.default(ajv);
ajv.addSchema(rescoreSchema);
const validRescore = ajv.compile<Rescore>(rescoreSchema);
const validList = ajv.compile<RescoreList>(rescoreListSchema);

function expectRescore(body: unknown): Rescore {
  expect({ valid: validRescore(body), errors: validRescore.errors ?? null }).toEqual({
    valid: true,
    errors: null,
  });
  return body as Rescore;
}

const post = (url: string, key: string, payload?: unknown) =>
  api.http.inject({
    method: 'POST',
    url,
    headers: {
      ...bearer(key),
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(payload === undefined
      ? {}
      : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
  });
const get = (url: string, key: string) => api.http.inject({ method: 'GET', url, headers: bearer(key) });

async function applyModel(modelId: string): Promise<void> {
  await scoringModelRepository.record(api.dataSource.manager, {
    workspaceId: workspace,
    modelId,
    version: 1,
    document: { ...clickModel(workspace), id: modelId },
    appliedAt: new Date('2026-03-01T00:00:00Z'),
  });
}

/** Ends a rescore as the scorer's worker would. */
async function finish(id: string, status: Rescore['status']): Promise<void> {
  await api.dataSource.query(
    `UPDATE rescores SET status = $2, finished_at = now(), contacts_done = 3, contacts_total = 3 WHERE id = $1`,
    [id, status],
  );
}

beforeAll(async () => {
  api = await startTestApi('api_rescores', OPERATOR, { rescoreTransitionsPerSecond: 25 });
  const created = await createWorkspace(api, 'rescores');
  workspace = created.workspace.id;
  adminKey = created.adminKey.key;
  readKey = (await createKey(api, adminKey, { kind: 'secret', scopes: ['read'] })).key;
  strangerKey = (await createWorkspace(api, 'rescores-stranger')).adminKey.key;
  await applyModel('clicks');
  await applyModel('other');
});

afterAll(async () => {
  await api?.close();
});

describe('POST /v1/models/{id}/rescores', () => {
  let started: Rescore;

  it('queues a rescore of the live version (202), at the default pace, audited', async () => {
    const response = await post('/v1/models/clicks/rescores', adminKey);
    expect(response.statusCode).toBe(202);
    started = expectRescore(json(response));
    expect(started).toMatchObject({
      workspace,
      model: { id: 'clicks', version: 1 },
      dryRun: false,
      reason: 'requested',
      status: 'queued',
      transitionsPerSecond: 25,
      progress: { contacts: 0, total: null, ratio: 0, cursor: null },
      error: null,
      startedAt: null,
      finishedAt: null,
    });
    const audit = json(await get('/v1/audit', adminKey)) as {
      entries: { action: string; details: unknown }[];
    };
    expect(audit.entries[0]).toMatchObject({
      action: 'rescore.started',
      target: 'clicks',
      details: { rescore: started.id, version: 1, dryRun: false, transitionsPerSecond: 25 },
    });
  });

  it('refuses a second one while the first is queued (409 naming it and how to cancel it)', async () => {
    expectProblem(
      await post('/v1/models/clicks/rescores', adminKey, { dryRun: true }),
      409,
      new RegExp(`${started.id}.*POST /v1/rescores/${started.id}/cancel`),
    );
  });

  it('takes dryRun and transitionsPerSecond from the body', async () => {
    const response = await post('/v1/models/other/rescores', adminKey, {
      dryRun: true,
      transitionsPerSecond: 2.5,
    });
    expect(response.statusCode).toBe(202);
    expect(expectRescore(json(response))).toMatchObject({
      model: { id: 'other' },
      dryRun: true,
      transitionsPerSecond: 2.5,
    });
  });

  it('validates the body (400 naming the field)', async () => {
    const tooFast = expectProblem(
      await post('/v1/models/clicks/rescores', adminKey, { transitionsPerSecond: 20_000 }),
      400,
      /transitionsPerSecond/,
    );
    expect(tooFast['errors']).toEqual([expect.objectContaining({ field: 'transitionsPerSecond' })]);
    expectProblem(
      await post('/v1/models/clicks/rescores', adminKey, { transitionsPerSecond: 0 }),
      400,
      /transitionsPerSecond/,
    );
    expectProblem(await post('/v1/models/clicks/rescores', adminKey, { dry: true }), 400, /dryRun/);
    expectProblem(await post('/v1/models/clicks/rescores', adminKey, '{"dryRun": '), 400, /not valid JSON/);
  });

  it('answers 404 for a model without a live version, or a malformed model id', async () => {
    expectProblem(
      await post('/v1/models/nothing/rescores', adminKey),
      404,
      /"nothing" has no live version.*apply it first/,
    );
    expectProblem(await post('/v1/models/Not%20a%20model/rescores', adminKey), 404, /No model/);
  });

  it('refuses a read-only key (403)', async () => {
    expectProblem(await post('/v1/models/clicks/rescores', readKey), 403, /./);
    expectProblem(await post(`/v1/rescores/${started.id}/cancel`, readKey), 403, /./);
    expectProblem(await post(`/v1/rescores/${started.id}/resume`, readKey), 403, /./);
  });
});

describe('reading, cancelling and resuming rescores', () => {
  let first: Rescore;

  beforeAll(async () => {
    first = (json(await get('/v1/models/clicks/rescores', readKey)) as unknown as RescoreList)
      .rescores[0] as Rescore;
  });

  it('lists a model’s rescores newest first and gets one', async () => {
    await finish(first.id, 'done');
    api.advance(60);
    const second = expectRescore(json(await post('/v1/models/clicks/rescores', adminKey, { dryRun: true })));
    const list = await get('/v1/models/clicks/rescores', readKey);
    expect(list.statusCode).toBe(200);
    const body = json(list);
    expect(validList(body)).toBe(true);
    expect((body as unknown as RescoreList).rescores.map((r) => [r.id, r.status])).toEqual([
      [second.id, 'queued'],
      [first.id, 'done'],
    ]);
    const one = await get(`/v1/rescores/${first.id}`, readKey);
    expect(one.statusCode).toBe(200);
    expect(expectRescore(json(one))).toMatchObject({
      id: first.id,
      status: 'done',
      progress: { contacts: 3, total: 3, ratio: 1 },
    });
    first = second;
  });

  it('answers 404 for an unknown or malformed rescore id, and an unknown model', async () => {
    expectProblem(await get('/v1/rescores/00000000-0000-4000-8000-000000000000', readKey), 404, /No rescore/);
    expectProblem(await get('/v1/rescores/not-a-uuid', readKey), 404, /No rescore "not-a-uuid"/);
    expectProblem(await post('/v1/rescores/not-a-uuid/cancel', adminKey), 404, /No rescore/);
    expectProblem(await get('/v1/models/nothing/rescores', readKey), 404, /No model "nothing"/);
  });

  it('cancels a queued rescore (200), then refuses to cancel it again (409 with its status)', async () => {
    const cancelled = await post(`/v1/rescores/${first.id}/cancel`, adminKey);
    expect(cancelled.statusCode).toBe(200);
    expect(expectRescore(json(cancelled))).toMatchObject({ id: first.id, status: 'cancelled' });
    expect(expectRescore(json(cancelled)).finishedAt).not.toBeNull();
    expectProblem(
      await post(`/v1/rescores/${first.id}/cancel`, adminKey),
      409,
      /is cancelled already.*resume/,
    );
    const audit = json(await get('/v1/audit', adminKey)) as { entries: { action: string }[] };
    expect(audit.entries[0]).toMatchObject({ action: 'rescore.cancelled', target: 'clicks' });
  });

  it('resumes a cancelled rescore (200, queued again), and refuses one that is not cancelled or failed', async () => {
    const resumed = await post(`/v1/rescores/${first.id}/resume`, adminKey);
    expect(resumed.statusCode).toBe(200);
    expect(expectRescore(json(resumed))).toMatchObject({ id: first.id, status: 'queued', finishedAt: null });
    expectProblem(
      await post(`/v1/rescores/${first.id}/resume`, adminKey),
      409,
      /is queued; only a cancelled or failed/,
    );
    const audit = json(await get('/v1/audit', adminKey)) as { entries: { action: string }[] };
    expect(audit.entries[0]).toMatchObject({ action: 'rescore.resumed', target: 'clicks' });
  });

  it('refuses to cancel a finished rescore and to resume one while the model has another active (409)', async () => {
    await finish(first.id, 'failed');
    // A failed rescore cannot be cancelled, but resumes; not while another of the model is queued.
    expectProblem(await post(`/v1/rescores/${first.id}/cancel`, adminKey), 409, /is failed already/);
    const other = expectRescore(json(await post('/v1/models/clicks/rescores', adminKey)));
    expectProblem(
      await post(`/v1/rescores/${first.id}/resume`, adminKey),
      409,
      new RegExp(`another rescore queued, ${other.id}.*POST /v1/rescores/${other.id}/cancel`),
    );
    await finish(other.id, 'superseded');
    expectProblem(await post(`/v1/rescores/${other.id}/cancel`, adminKey), 409, /is superseded already/);
    expectProblem(await post(`/v1/rescores/${other.id}/resume`, adminKey), 409, /is superseded/);
    expect((await post(`/v1/rescores/${first.id}/resume`, adminKey)).statusCode).toBe(200);
  });

  it('keeps rescores to their workspace: another workspace’s key gets 404', async () => {
    expectProblem(await get(`/v1/rescores/${first.id}`, strangerKey), 404, /No rescore/);
    expectProblem(await post(`/v1/rescores/${first.id}/cancel`, strangerKey), 404, /No rescore/);
    expectProblem(await post(`/v1/rescores/${first.id}/resume`, strangerKey), 404, /No rescore/);
    expectProblem(await get('/v1/models/clicks/rescores', strangerKey), 404, /No model/);
    expectProblem(await post('/v1/models/clicks/rescores', strangerKey), 404, /no live version/);
    // Still queued in its own workspace.
    expect(expectRescore(json(await get(`/v1/rescores/${first.id}`, readKey))).status).toBe('queued');
  });
});

describe('a key with the models:write scope', () => {
  it('is created, and cancels and starts rescores (but reads nothing)', async () => {
    const created = await createKey(api, adminKey, { kind: 'secret', scopes: ['models:write'] });
    expect(created.apiKey.scopes).toEqual(['models:write']);
    // "other" still has the dry run queued above: the key is told so, and cancels it.
    const refused = expectProblem(await post('/v1/models/other/rescores', created.key), 409, /cancel/);
    const active = /POST \/v1\/rescores\/([0-9a-f-]+)\/cancel/.exec(String(refused['detail']))?.[1] ?? '';
    expect((await post(`/v1/rescores/${active}/cancel`, created.key)).statusCode).toBe(200);
    expect((await post('/v1/models/other/rescores', created.key, { dryRun: true })).statusCode).toBe(202);
    expectProblem(await get('/v1/models/other/rescores', created.key), 403, /./);
  });
});
