import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { WorkspaceCreated } from '@leadscore/contracts';
import {
  HOSTILE_JSON_CASES,
  HOSTILE_SLOT,
  embedHostileMember,
  type HostileJsonCase,
} from '@leadscore/testing';
import type { LightMyRequestResponse } from 'fastify';
import { API_BODY_LIMIT_BYTES } from '../src/http/http-limits.js';
import { OPERATOR, bearer, expectProblem, json, startTestApi, type TestApi } from './api-test-app.js';

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi('api_http');
  const response = await api.http.inject({
    method: 'POST',
    url: '/v1/workspaces',
    headers: { ...bearer(OPERATOR), 'content-type': 'application/json' },
    payload: { id: 'hostile', name: 'Hostile' },
  });
  admin = (json(response) as unknown as WorkspaceCreated).adminKey.key;
});

afterAll(async () => {
  await api?.close();
});

/**
 * What the api answers to each case of the shared corpus. Its bodies have no free-form fields, so a
 * member the guard lets through is an unknown field (400 naming it) unless the route knows every one of
 * its names (`knownFields`: then the route takes it); the guard's own refusals keep the corpus's field
 * and expectation; bodies are limited to 16 KB (413), which also stops the deepest ones.
 */
function expectHostileOutcome(
  testCase: HostileJsonCase,
  response: LightMyRequestResponse,
  knownFields: ReadonlySet<string> = new Set(),
  successStatus = 200,
): void {
  const outcome = testCase.outcome;
  switch (outcome.kind) {
    case 'request-refused':
      expectProblem(response, outcome.status, outcome.detail);
      return;
    case 'event-refused': {
      if (outcome.reason === 'too_large' || testCase.member.length > API_BODY_LIMIT_BYTES) {
        expectProblem(response, 413, /larger than 16384 bytes/);
        return;
      }
      const body = expectProblem(response, 400, /expected/);
      const [error] = body['errors'] as { field: string; expected: string }[];
      expect(error?.expected).toMatch(outcome.expected);
      // The corpus names the field from the object holding the slot, here the body itself.
      const field = outcome.field?.replace(/^\./, '');
      if (field !== undefined) expect(error?.field.startsWith(field)).toBe(true);
      return;
    }
    case 'accepted': {
      if (Object.keys(outcome.members).every((name) => knownFields.has(name))) {
        expect({ status: response.statusCode, body: response.body }).toMatchObject({ status: successStatus });
        return;
      }
      const body = expectProblem(response, 400, /no such field/);
      const [error] = body['errors'] as { field: string }[];
      expect(Object.keys(outcome.members)).toContain(error?.field);
      return;
    }
  }
}

const OUTCOME_FIELDS: ReadonlySet<string> = new Set(['type', 'occurredAt', 'amount', 'currency', 'reason']);
const takenByOutcomes = HOSTILE_JSON_CASES.filter(
  ({ outcome }) =>
    outcome.kind === 'accepted' && Object.keys(outcome.members).every((name) => OUTCOME_FIELDS.has(name)),
).length;

describe('hostile JSON (libs/testing HOSTILE_JSON_CASES)', () => {
  for (const testCase of HOSTILE_JSON_CASES) {
    it(`POST /v1/keys answers ${testCase.name} with a problem, never a 5xx`, async () => {
      const response = await api.http.inject({
        method: 'POST',
        url: '/v1/keys',
        headers: { ...bearer(admin), 'content-type': 'application/json' },
        payload: embedHostileMember({ kind: 'secret', [HOSTILE_SLOT]: 0 }, testCase.member),
      });
      expectHostileOutcome(testCase, response);
    });

    it(`POST /v1/workspaces answers ${testCase.name} with a problem, never a 5xx`, async () => {
      const response = await api.http.inject({
        method: 'POST',
        url: '/v1/workspaces',
        headers: { ...bearer(OPERATOR), 'content-type': 'application/json' },
        payload: embedHostileMember({ id: 'x', name: 'x', [HOSTILE_SLOT]: 0 }, testCase.member),
      });
      expectHostileOutcome(testCase, response);
    });

    it(`POST /v1/contacts/{contact}/outcomes answers ${testCase.name} with a problem, never a 5xx`, async () => {
      const response = await api.http.inject({
        method: 'POST',
        url: '/v1/contacts/user:1/outcomes',
        headers: { ...bearer(admin), 'content-type': 'application/json' },
        payload: embedHostileMember({ type: 'won', currency: 'EUR', [HOSTILE_SLOT]: 0 }, testCase.member),
      });
      // `amount` is a field of this body: the largest finite double is a valid amount.
      expectHostileOutcome(testCase, response, OUTCOME_FIELDS, 202);
    });
  }

  it('created no key and no workspace from any of them, and recorded only the outcomes it takes', async () => {
    const rows = await api.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM api_keys WHERE workspace_id = 'hostile'`,
    );
    expect(rows[0]?.n).toBe('1');
    const workspaces = await api.dataSource.query<{ id: string }[]>('SELECT id FROM workspaces');
    expect(workspaces.map((w) => w.id)).toEqual(['hostile']);
    const outcomes = await api.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'outcome.recorded'`,
    );
    expect(takenByOutcomes).toBe(1);
    expect(outcomes[0]?.n).toBe(String(takenByOutcomes));
  });
});

describe('HTTP conventions', () => {
  it('answers an empty body, another media type and a non-JSON body with actionable problems', async () => {
    const post = (headers: Record<string, string>, payload?: string) =>
      api.http.inject({
        method: 'POST',
        url: '/v1/keys',
        headers: { ...bearer(admin), ...headers },
        ...(payload !== undefined ? { payload } : {}),
      });
    expectProblem(await post({ 'content-type': 'application/json' }, ''), 400, /empty; send a JSON object/);
    expectProblem(
      await post({ 'content-type': 'text/plain' }, 'kind=secret'),
      415,
      /Content-Type: application\/json/,
    );
    expectProblem(await post({ 'content-type': 'application/json' }, '{"kind":'), 400, /not valid JSON/);
    expectProblem(await post({ 'content-type': 'application/json' }, '[1]'), 400, /\(body\): expected/);
  });

  it('answers an unknown route with a problem naming the README', async () => {
    expectProblem(
      await api.http.inject({ method: 'GET', url: '/v1/nothing' }),
      404,
      /services\/api\/README\.md/,
    );
  });

  it('serves /metrics, /healthz and /readyz without a key', async () => {
    await api.http.inject({ method: 'GET', url: '/v1/keys', headers: bearer(admin) });
    const metrics = await api.http.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('leadscore_api_request_duration_seconds_bucket{');
    expect(metrics.body).toContain('route="/v1/keys"');
    expect((await api.http.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await api.http.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('gives every response a request id, keeps a sane one from the caller, and logs it with the workspace and key', async () => {
    const response = await api.http.inject({
      method: 'GET',
      url: '/v1/keys',
      headers: { ...bearer(admin), 'x-request-id': 'trace-abc-123' },
    });
    expect(response.headers['x-request-id']).toBe('trace-abc-123');
    const line = api.logs.find((l) => l['requestId'] === 'trace-abc-123');
    expect(line).toMatchObject({ msg: 'request', route: '/v1/keys', status: 200, workspace: 'hostile' });
    expect(String(line?.['actor'])).toMatch(/^[0-9a-f]{16}$/);
    const generated = await api.http.inject({
      method: 'GET',
      url: '/v1/keys',
      headers: { ...bearer(admin), 'x-request-id': 'bad id with spaces' },
    });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(api.logs)).not.toContain(admin);
  });
});
