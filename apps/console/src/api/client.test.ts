import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, problem } from '../test/mock-api';
import { ApiError, api, apiPath, request, setCsrfToken, setUnauthorizedHandler } from './client';

describe('api client', () => {
  afterEach(() => {
    setCsrfToken(null);
    setUnauthorizedHandler(null);
  });

  it('sends X-CSRF-Token on POST, PUT, PATCH and DELETE but not on GET', async () => {
    const { requests } = mockApi({
      'GET /v1/keys': { body: { keys: [] } },
      'POST /v1/keys': { status: 201, body: {} },
      'PUT /v1/settings/providers/zoom': { body: {} },
      'PATCH /v1/users/u1': { body: {} },
      'DELETE /v1/keys/k1': { body: {} },
    });
    setCsrfToken('tok-1');
    await api.get('/v1/keys');
    await api.post('/v1/keys', { kind: 'secret' });
    await request('/v1/settings/providers/zoom', { method: 'PUT', json: { secret: 'x' } });
    await api.patch('/v1/users/u1', { role: 'viewer' });
    await api.delete('/v1/keys/k1');
    expect(requests.map((r) => [r.method, r.headers['x-csrf-token']])).toEqual([
      ['GET', undefined],
      ['POST', 'tok-1'],
      ['PUT', 'tok-1'],
      ['PATCH', 'tok-1'],
      ['DELETE', 'tok-1'],
    ]);
  });

  it('sends the cookie same-origin and JSON bodies with their content type', async () => {
    const { fetchMock, requests } = mockApi({ 'POST /v1/webhooks': { status: 201, body: { ok: true } } });
    const answer = await api.post<{ ok: boolean }>('/v1/webhooks', { url: 'https://crm.example.com' });
    expect(answer).toEqual({ ok: true });
    expect(fetchMock.mock.calls[0]?.[1]?.credentials).toBe('same-origin');
    expect(requests[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ url: 'https://crm.example.com' });
  });

  it('posts raw YAML with its content type', async () => {
    const { requests } = mockApi({
      'POST /v1/models/validate': { body: { valid: true, model: null, issues: [] } },
    });
    await api.postText('/v1/models/validate', 'id: x\n', 'application/yaml');
    expect(requests[0]?.headers['content-type']).toBe('application/yaml');
    expect(requests[0]?.body).toBe('id: x\n');
  });

  it('turns problem+json into an ApiError with status and detail', async () => {
    mockApi({ 'DELETE /v1/keys/k1': { status: 403, body: problem(403, 'The key needs the admin scope.') } });
    const error = await api.delete('/v1/keys/k1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 403,
      detail: 'The key needs the admin scope.',
      title: 'Forbidden',
    });
  });

  it('makes an ApiError of a non-JSON error answer too', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('<html>bad gateway</html>', { status: 502 }))),
    );
    const error = await api.get('/v1/models').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(502);
    expect((error as ApiError).detail).toMatch(/502/);
  });

  it('answers 204 with undefined', async () => {
    mockApi({ 'DELETE /v1/session': { status: 204 } });
    await expect(api.delete('/v1/session')).resolves.toBeUndefined();
  });

  it('reports a 401 of other routes as an ended session, but not the session route itself', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    mockApi({
      'GET /v1/session': { status: 401, body: problem(401, 'Not signed in.') },
      'GET /v1/models': { status: 401, body: problem(401, 'The session expired.') },
    });
    await expect(api.get('/v1/session')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(api.get('/v1/models')).rejects.toMatchObject({ detail: 'The session expired.' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('builds queries without empty values', () => {
    expect(
      apiPath('/v1/models/m/leaderboard', {
        tier: 'hot',
        grade: '',
        stage: undefined,
        cursor: null,
        limit: 50,
      }),
    ).toBe('/v1/models/m/leaderboard?tier=hot&limit=50');
  });
});
