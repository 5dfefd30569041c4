import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuditPage, ConsoleSession, ConsoleUserList, InvitationCreated } from '@leadscore/contracts';
import type { LightMyRequestResponse } from 'fastify';
import {
  bearer,
  clickModel,
  createWorkspace,
  expectProblem,
  json,
  startTestApi,
  type TestApi,
} from './api-test-app.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi('api_console_users');
});

afterAll(async () => {
  await api?.close();
});

const PASSWORD = 'a long enough passphrase';

/** A signed-in person as the browser holds them: the session cookie and the CSRF token. */
interface Browser {
  readonly cookie: string;
  readonly csrf: string;
  readonly session: ConsoleSession;
}

function sessionCookieOf(response: LightMyRequestResponse) {
  const cookie = response.cookies.find((c) => c.name === 'leadscore_session');
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(response.headers['set-cookie'])}`);
  return cookie;
}

function browserOf(response: LightMyRequestResponse): Browser {
  const session = json(response) as unknown as ConsoleSession;
  return { cookie: `leadscore_session=${sessionCookieOf(response).value}`, csrf: session.csrfToken, session };
}

const invite = (auth: Record<string, string>, email: string, role: string) =>
  api.http.inject({
    method: 'POST',
    url: '/v1/users/invitations',
    headers: { ...auth, 'content-type': 'application/json' },
    payload: { email, role },
  });

const accept = (token: string, password = PASSWORD, name = 'Someone') =>
  api.http.inject({
    method: 'POST',
    url: '/v1/invitations/accept',
    headers: { 'content-type': 'application/json' },
    payload: { token, name, password },
  });

const signIn = (workspace: string, email: string, password = PASSWORD) =>
  api.http.inject({
    method: 'POST',
    url: '/v1/session',
    headers: { 'content-type': 'application/json' },
    payload: { workspace, email, password },
  });

/** The request headers a console page sends: the cookie, and the CSRF token on unsafe methods. */
const asBrowser = (browser: Browser, method = 'GET') => ({
  cookie: browser.cookie,
  ...(method === 'GET' ? {} : { 'x-csrf-token': browser.csrf }),
});

/** Invites `email` with `role` using `auth`, accepts, and returns the new user's browser. */
async function join(auth: Record<string, string>, email: string, role: string): Promise<Browser> {
  const invited = await invite(auth, email, role);
  expect({ status: invited.statusCode, body: invited.body }).toMatchObject({ status: 201 });
  const accepted = await accept(
    (json(invited) as unknown as InvitationCreated).token,
    PASSWORD,
    email.split('@')[0],
  );
  expect({ status: accepted.statusCode, body: accepted.body }).toMatchObject({ status: 201 });
  return browserOf(accepted);
}

describe('invitations and sign-in', () => {
  let adminKey: string;
  beforeAll(async () => {
    adminKey = (await createWorkspace(api, 'people')).adminKey.key;
  });

  it('lets an admin key invite the first admin, who accepts and is signed in with an HTTP-only, SameSite=Strict cookie', async () => {
    const invited = await invite(bearer(adminKey), 'Ada@People.Example', 'admin');
    expect(invited.statusCode).toBe(201);
    const created = json(invited) as unknown as InvitationCreated;
    expect(created.invitation).toMatchObject({ email: 'ada@people.example', role: 'admin' });
    expect(created.token).toMatch(/^inv_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created.acceptPath).toBe(`/console/accept#token=${created.token}`);
    const stored = await api.dataSource.query<{ token_hash: Buffer }[]>(
      "SELECT token_hash FROM console_invitations WHERE workspace_id = 'people'",
    );
    expect(stored[0]?.token_hash.length).toBe(32);

    const accepted = await accept(created.token, PASSWORD, 'Ada Lovelace');
    expect(accepted.statusCode).toBe(201);
    const cookie = sessionCookieOf(accepted);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const session = json(accepted) as unknown as ConsoleSession;
    expect(session.user).toMatchObject({
      workspaceId: 'people',
      email: 'ada@people.example',
      name: 'Ada Lovelace',
      role: 'admin',
    });
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [user] = await api.dataSource.query<{ password_hash: string }[]>(
      "SELECT password_hash FROM console_users WHERE email = 'ada@people.example'",
    );
    expect(user?.password_hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(user?.password_hash).not.toContain(PASSWORD);

    const again = await api.http.inject({
      method: 'GET',
      url: '/v1/session',
      headers: { cookie: `leadscore_session=${cookie.value}` },
    });
    expect(json(again)).toEqual(session);
  });

  it('uses an invitation once, refuses an expired or withdrawn one, and a short password with the rule', async () => {
    const first = json(
      await invite(bearer(adminKey), 'once@people.example', 'viewer'),
    ) as unknown as InvitationCreated;
    expectProblem(await accept(first.token, 'too short'), 400, /at least 12 characters/);
    expect((await accept(first.token)).statusCode).toBe(201);
    expectProblem(await accept(first.token), 409, /already accepted/);
    expectProblem(await invite(bearer(adminKey), 'once@people.example', 'admin'), 409, /already has a user/);

    const withdrawn = json(
      await invite(bearer(adminKey), 'later@people.example', 'viewer'),
    ) as unknown as InvitationCreated;
    const revoked = await api.http.inject({
      method: 'DELETE',
      url: `/v1/users/invitations/${withdrawn.invitation.id}`,
      headers: bearer(adminKey),
    });
    expect(revoked.statusCode).toBe(204);
    expectProblem(await accept(withdrawn.token), 404, /unknown, withdrawn or expired/);

    const expiring = json(
      await invite(bearer(adminKey), 'slow@people.example', 'viewer'),
    ) as unknown as InvitationCreated;
    api.advance(7 * 86_400 + 1);
    expectProblem(await accept(expiring.token), 404, /unknown, withdrawn or expired/);
    expectProblem(await accept('inv_0000000000000000_guess'), 404, /unknown, withdrawn or expired/);
  });

  it('signs in with the right password only, and says the same for an unknown workspace, address or password', async () => {
    await join(bearer(adminKey), 'grace@people.example', 'editor');
    const wrong = [
      await signIn('people', 'grace@people.example', 'not the password at all'),
      await signIn('people', 'nobody@people.example'),
      await signIn('no-such-workspace', 'grace@people.example'),
    ];
    const details = wrong.map(
      (response) => expectProblem(response, 401, /workspace, email or password is wrong/)['detail'],
    );
    expect(new Set(details).size).toBe(1);
    for (const response of wrong) expect(response.headers['set-cookie']).toBeUndefined();

    const signedIn = await signIn('People', 'GRACE@people.example');
    expect(signedIn.statusCode).toBe(200);
    const browser = browserOf(signedIn);
    expect(browser.session.user).toMatchObject({ role: 'editor', lastSignInAt: expect.any(String) });
    // Two sign-ins are two sessions, each with its own CSRF token.
    const other = browserOf(await signIn('people', 'grace@people.example'));
    expect(other.cookie).not.toBe(browser.cookie);
    expect(other.csrf).not.toBe(browser.csrf);
  });
});

describe('what each role may do (roles map onto the api scopes)', () => {
  let adminKey: string;
  const browsers: Record<'viewer' | 'editor' | 'admin', Browser> = {} as never;

  beforeAll(async () => {
    adminKey = (await createWorkspace(api, 'roles')).adminKey.key;
    for (const role of ['viewer', 'editor', 'admin'] as const)
      browsers[role] = await join(bearer(adminKey), `${role}@roles.example`, role);
  });

  const call = (browser: Browser, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    api.http.inject({
      method,
      url,
      headers: {
        ...asBrowser(browser, method),
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  const model = (version: number) => ({ ...clickModel('roles'), version });

  it.each([
    ['reads scores and models', 'GET', '/v1/models', undefined, { viewer: 200, editor: 200, admin: 200 }],
    ['lists keys (prefixes only)', 'GET', '/v1/keys', undefined, { viewer: 200, editor: 200, admin: 200 }],
    ['validates a model', 'POST', '/v1/models/validate', model(1), { viewer: 200, editor: 200, admin: 200 }],
    ['lists users', 'GET', '/v1/users', undefined, { viewer: 403, editor: 403, admin: 200 }],
    [
      'creates keys',
      'POST',
      '/v1/keys',
      { kind: 'secret', scopes: ['read'] },
      { viewer: 403, editor: 403, admin: 201 },
    ],
    [
      'invites colleagues',
      'POST',
      '/v1/users/invitations',
      { email: 'new@roles.example', role: 'viewer' },
      { viewer: 403, editor: 403, admin: 201 },
    ],
    [
      'erases contacts',
      'DELETE',
      '/v1/contacts/email%3Agone%40roles.example',
      undefined,
      { viewer: 403, editor: 403 },
    ],
  ] as const)('%s', async (_what, method, url, payload, expected) => {
    for (const [role, status] of Object.entries(expected)) {
      const response = await call(browsers[role as keyof typeof browsers], method, url, payload);
      expect({ role, status: response.statusCode, body: response.body.slice(0, 300) }).toMatchObject({
        role,
        status,
      });
      if (status === 403) expect(String(json(response)['detail'])).toMatch(/your role does not give/);
    }
  });

  it('lets editors and admins apply a model, not viewers', async () => {
    expectProblem(
      await call(browsers.viewer, 'POST', '/v1/models', model(1)),
      403,
      /"admin" or "models:write"/,
    );
    expect((await call(browsers.editor, 'POST', '/v1/models', model(1))).statusCode).toBe(201);
    expect((await call(browsers.admin, 'POST', '/v1/models', model(2))).statusCode).toBe(201);
    const audit = json(
      await api.http.inject({ method: 'GET', url: '/v1/audit', headers: bearer(adminKey) }),
    ) as unknown as AuditPage;
    const applied = audit.entries
      .filter((entry) => entry.action === 'model.applied')
      .map((entry) => entry.actor);
    expect(applied).toEqual([
      `user:${browsers.admin.session.user.id}`,
      `user:${browsers.editor.session.user.id}`,
    ]);
  });

  it('applies a role change from the next request on, and keeps one admin user', async () => {
    const change = (browser: Browser, userId: string, role: string) =>
      api.http.inject({
        method: 'PATCH',
        url: `/v1/users/${userId}`,
        headers: { ...asBrowser(browser, 'PATCH'), 'content-type': 'application/json' },
        payload: { role },
      });
    const viewerId = browsers.viewer.session.user.id;
    expect((await change(browsers.admin, viewerId, 'editor')).statusCode).toBe(200);
    expect((await call(browsers.viewer, 'POST', '/v1/models', model(3))).statusCode).toBe(201);
    expect((await change(browsers.admin, viewerId, 'viewer')).statusCode).toBe(200);
    expect((await call(browsers.viewer, 'POST', '/v1/models', model(4))).statusCode).toBe(403);

    const adminId = browsers.admin.session.user.id;
    expectProblem(await change(browsers.admin, adminId, 'viewer'), 409, /last admin/);
    expectProblem(
      await api.http.inject({
        method: 'DELETE',
        url: `/v1/users/${adminId}`,
        headers: asBrowser(browsers.admin, 'DELETE'),
      }),
      409,
      /last admin/,
    );
    expectProblem(await change(browsers.admin, 'usr_0000000000000000', 'viewer'), 404, /No user/);
    const list = json(await call(browsers.admin, 'GET', '/v1/users')) as unknown as ConsoleUserList;
    expect(list.users.map((user) => [user.email, user.role])).toEqual([
      ['admin@roles.example', 'admin'],
      ['editor@roles.example', 'editor'],
      ['viewer@roles.example', 'viewer'],
    ]);
    expect(list.invitations.map((invitation) => invitation.email)).toEqual(['new@roles.example']);
    expect(JSON.stringify(list)).not.toMatch(/password|scrypt|token/i);
  });
});

describe('sessions and CSRF', () => {
  let adminKey: string;
  beforeAll(async () => {
    adminKey = (await createWorkspace(api, 'csrf')).adminKey.key;
  });

  const createKeyWith = (headers: Record<string, string>) =>
    api.http.inject({
      method: 'POST',
      url: '/v1/keys',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: { kind: 'secret', scopes: ['read'] },
    });

  it('refuses an unsafe request with the cookie unless it carries the session’s CSRF token', async () => {
    const admin = await join(bearer(adminKey), 'admin@csrf.example', 'admin');
    expectProblem(await createKeyWith({ cookie: admin.cookie }), 403, /x-csrf-token/);
    expectProblem(
      await createKeyWith({ cookie: admin.cookie, 'x-csrf-token': 'forged' }),
      403,
      /x-csrf-token/,
    );
    const other = browserOf(await signIn('csrf', 'admin@csrf.example'));
    expectProblem(
      await createKeyWith({ cookie: admin.cookie, 'x-csrf-token': other.csrf }),
      403,
      /x-csrf-token/,
    );
    expect((await createKeyWith(asBrowser(admin, 'POST'))).statusCode).toBe(201);
    // A key is not a cookie: requests with a key need no CSRF token, even when a cookie rides along.
    expect((await createKeyWith({ ...bearer(adminKey), cookie: admin.cookie })).statusCode).toBe(201);
  });

  it('ends a session at sign-out, after 12 hours, and when the user is removed', async () => {
    const admin = browserOf(await signIn('csrf', 'admin@csrf.example'));
    const viewer = await join(bearer(adminKey), 'viewer@csrf.example', 'viewer');
    const readKeys = (browser: Browser) =>
      api.http.inject({ method: 'GET', url: '/v1/keys', headers: asBrowser(browser) });
    expect((await readKeys(viewer)).statusCode).toBe(200);

    expectProblem(
      await api.http.inject({ method: 'DELETE', url: '/v1/session', headers: { cookie: viewer.cookie } }),
      403,
      /CSRF/,
    );
    const signedOut = await api.http.inject({
      method: 'DELETE',
      url: '/v1/session',
      headers: asBrowser(viewer, 'DELETE'),
    });
    expect(signedOut.statusCode).toBe(204);
    expect(sessionCookieOf(signedOut).value).toBe('');
    expectProblem(await readKeys(viewer), 401, /session ended/);
    expectProblem(
      await api.http.inject({ method: 'GET', url: '/v1/session', headers: { cookie: viewer.cookie } }),
      401,
      /Not signed in/,
    );

    const again = browserOf(await signIn('csrf', 'viewer@csrf.example'));
    expect((await readKeys(again)).statusCode).toBe(200);
    const removed = await api.http.inject({
      method: 'DELETE',
      url: `/v1/users/${again.session.user.id}`,
      headers: asBrowser(admin, 'DELETE'),
    });
    expect(removed.statusCode).toBe(204);
    expectProblem(await readKeys(again), 401, /session ended/);
    expectProblem(await signIn('csrf', 'viewer@csrf.example'), 401, /wrong/);

    expect((await readKeys(admin)).statusCode).toBe(200);
    api.advance(12 * 3600 + 1);
    expectProblem(await readKeys(admin), 401, /session ended/);
    const audit = json(
      await api.http.inject({ method: 'GET', url: '/v1/audit', headers: bearer(adminKey) }),
    ) as unknown as AuditPage;
    expect(
      audit.entries.filter((e) => e.action.startsWith('user.')).map((e) => [e.action, e.actor.split(':')[0]]),
    ).toEqual([
      ['user.removed', 'user'],
      ['user.joined', 'user'],
      ['user.invited', adminKey.split('_')[1]],
      ['user.joined', 'user'],
      ['user.invited', adminKey.split('_')[1]],
    ]);
  });
});

describe('changing one’s password', () => {
  it('needs the current password and the CSRF token, keeps this session, ends the others', async () => {
    const adminKey = (await createWorkspace(api, 'passwords')).adminKey.key;
    const here = await join(bearer(adminKey), 'ada@passwords.example', 'viewer');
    const elsewhere = browserOf(await signIn('passwords', 'ada@passwords.example'));
    const change = (browser: Browser, body: Record<string, string>, csrf = true) =>
      api.http.inject({
        method: 'POST',
        url: '/v1/session/password',
        headers: {
          cookie: browser.cookie,
          ...(csrf ? { 'x-csrf-token': browser.csrf } : {}),
          'content-type': 'application/json',
        },
        payload: body,
      });
    const next = 'an entirely new passphrase';
    expectProblem(await change(here, { currentPassword: PASSWORD, newPassword: next }, false), 403, /CSRF/);
    expectProblem(
      await change(here, { currentPassword: 'not it at all', newPassword: next }),
      403,
      /current password is wrong/,
    );
    expectProblem(
      await change(here, { currentPassword: PASSWORD, newPassword: 'short' }),
      400,
      /at least 12/,
    );
    expect((await change(here, { currentPassword: PASSWORD, newPassword: next })).statusCode).toBe(204);

    const readKeys = (browser: Browser) =>
      api.http.inject({ method: 'GET', url: '/v1/keys', headers: asBrowser(browser) });
    expect((await readKeys(here)).statusCode).toBe(200);
    expectProblem(await readKeys(elsewhere), 401, /session ended/);
    expectProblem(await signIn('passwords', 'ada@passwords.example'), 401, /wrong/);
    expect((await signIn('passwords', 'ada@passwords.example', next)).statusCode).toBe(200);
    const audit = json(
      await api.http.inject({ method: 'GET', url: '/v1/audit', headers: bearer(adminKey) }),
    ) as unknown as AuditPage;
    expect(audit.entries[0]).toMatchObject({
      action: 'user.password-changed',
      actor: `user:${here.session.user.id}`,
    });
  });
});

describe('failed sign-ins are throttled per address', () => {
  let throttled: TestApi;
  beforeAll(async () => {
    throttled = await startTestApi('api_console_throttle', undefined, {
      authFailureRate: { perSecond: 0.001, burst: 3 },
    });
  });
  afterAll(async () => {
    await throttled?.close();
  });

  it('answers 429 with Retry-After once an address failed too often', async () => {
    await createWorkspace(throttled, 'throttle');
    const attempt = () =>
      throttled.http.inject({
        method: 'POST',
        url: '/v1/session',
        headers: { 'content-type': 'application/json' },
        payload: { workspace: 'throttle', email: 'x@throttle.example', password: 'guess guess guess' },
      });
    for (let i = 0; i < 3; i += 1) expect((await attempt()).statusCode).toBe(401);
    const refused = await attempt();
    expectProblem(refused, 429, /.+/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
