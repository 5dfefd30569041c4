import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LightMyRequestResponse } from 'fastify';
import {
  bearer,
  createKey,
  createWorkspace,
  expectProblem,
  startTestApi,
  type TestApi,
} from './api-test-app.js';

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi('api_rate_limits', undefined, {
    rateLimit: { perSecond: 1, burst: 3 },
    authFailureRate: { perSecond: 1, burst: 2 },
  });
  admin = (await createWorkspace(api, 'acme')).adminKey.key;
});

afterAll(async () => {
  await api?.close();
});

const listKeys = (key: string, address = '127.0.0.1') =>
  api.http.inject({ method: 'GET', url: '/v1/keys', headers: bearer(key), remoteAddress: address });

const quota = (response: LightMyRequestResponse) => ({
  status: response.statusCode,
  limit: response.headers['ratelimit-limit'],
  remaining: response.headers['ratelimit-remaining'],
  reset: response.headers['ratelimit-reset'],
});

describe('rate limits per key', () => {
  it('answers with the quota headers, then 429 with Retry-After past the burst, and lets the key through once it refilled', async () => {
    const key = (await createKey(api, admin, { kind: 'secret', scopes: ['read'] })).key;
    const first = await listKeys(key);
    expect(quota(first)).toEqual({ status: 200, limit: '3', remaining: '2', reset: '1' });
    expect(first.headers['ratelimit-policy']).toBe('3;w=3;rate=1');
    expect(quota(await listKeys(key))).toEqual({ status: 200, limit: '3', remaining: '1', reset: '2' });
    expect(quota(await listKeys(key))).toEqual({ status: 200, limit: '3', remaining: '0', reset: '3' });

    const refused = await listKeys(key);
    expectProblem(refused, 429, /retry after 1 s.*API_RATE_LIMIT_PER_SECOND and API_RATE_LIMIT_BURST/);
    expect(refused.headers['retry-after']).toBe('1');
    expect(quota(refused)).toEqual({ status: 429, limit: '3', remaining: '0', reset: '3' });

    api.advance(1);
    expect(quota(await listKeys(key))).toEqual({ status: 200, limit: '3', remaining: '0', reset: '3' });
    expectProblem(await listKeys(key), 429, /retry after 1 s/);
    api.advance(3);
    expect(quota(await listKeys(key))).toEqual({ status: 200, limit: '3', remaining: '2', reset: '1' });
  });

  it("does not let one key's exhaustion affect another key", async () => {
    const busy = (await createKey(api, admin, { kind: 'secret', scopes: ['read'] })).key;
    const calm = (await createKey(api, admin, { kind: 'secret', scopes: ['read'] })).key;
    for (let i = 0; i < 3; i += 1) expect((await listKeys(busy)).statusCode).toBe(200);
    expect((await listKeys(busy)).statusCode).toBe(429);
    expect(quota(await listKeys(calm))).toEqual({ status: 200, limit: '3', remaining: '2', reset: '1' });
  });

  it('counts requests a key may not make (403) and carries the headers on error answers too', async () => {
    const reader = (await createKey(api, admin, { kind: 'secret', scopes: ['read'] })).key;
    const forbidden = await api.http.inject({
      method: 'POST',
      url: '/v1/keys',
      headers: { ...bearer(reader), 'content-type': 'application/json' },
      payload: { kind: 'secret' },
    });
    expectProblem(forbidden, 403, /needs a key with the scope "admin"/);
    expect(quota(forbidden)).toEqual({ status: 403, limit: '3', remaining: '2', reset: '1' });
  });
});

describe('failed authentication per client address', () => {
  it('answers 429 to an address after its failures, without looking at its key, while other addresses go on', async () => {
    api.advance(10); // the admin key's bucket refills from the tests above
    const valid = (await createKey(api, admin, { kind: 'secret', scopes: ['read'] })).key;
    const guesser = '203.0.113.7';
    expectProblem(await listKeys('sk_0000000000000000_guess1', guesser), 401, /belongs to no workspace/);
    expectProblem(await listKeys('sk_0000000000000000_guess2', guesser), 401, /belongs to no workspace/);
    const throttled = await listKeys('sk_0000000000000000_guess3', guesser);
    expectProblem(
      throttled,
      429,
      /Too many requests from 203\.0\.113\.7 with a missing, unknown or revoked key; retry after 1 s/,
    );
    expect(throttled.headers['retry-after']).toBe('1');
    // Even a valid key waits: a guess that happens to be right must not be told apart.
    expect((await listKeys(valid, guesser)).statusCode).toBe(429);
    expect((await listKeys(valid, '198.51.100.1')).statusCode).toBe(200);
    api.advance(1);
    expect((await listKeys(valid, guesser)).statusCode).toBe(200);
  });

  it('takes the connecting address, not an X-Forwarded-For anyone can send (API_TRUSTED_PROXIES is empty)', async () => {
    api.advance(10);
    const valid = (await createKey(api, admin, { kind: 'secret', scopes: ['read'] })).key;
    const victim = '198.51.100.77';
    // A guesser naming the victim's address in X-Forwarded-For throttles only itself.
    for (const guess of ['sk_0000000000000000_xff1', 'sk_0000000000000000_xff2', 'sk_0000000000000000_xff3'])
      await api.http.inject({
        method: 'GET',
        url: '/v1/keys',
        headers: { ...bearer(guess), 'x-forwarded-for': victim },
        remoteAddress: '203.0.113.9',
      });
    expect((await listKeys(valid, '203.0.113.9')).statusCode).toBe(429);
    expect((await listKeys(valid, victim)).statusCode).toBe(200);
  });
});
