import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  parseModel,
  type ConsoleSession,
  type InvitationCreated,
  type KeyCreated,
  type WebhookCreated,
  type WorkspaceCreated,
} from '@leadscore/contracts';
import {
  accountMemberRepository,
  accountScoreRepository,
  rescoreRepository,
  scoringModelRepository,
  webhookDeliveryRepository,
} from '@leadscore/persistence';
import { Validator } from '@seriousme/openapi-schema-validator';
import { registeredRoutes } from '../src/http/http-setup.js';
import {
  OPERATOR,
  bearer,
  clickModel,
  createKey,
  createWorkspace,
  expectProblem,
  json,
  seedContactScore,
  startTestApi,
  type TestApi,
} from './api-test-app.js';
import { OpenApiConformance } from './openapi-conformance.js';
import { startTestArchive, type TestArchive } from './test-archive.js';

let api: TestApi;
/** The built analytics service: the archive routes are walked like the rest. */
let archive: TestArchive;

type Json = Record<string, unknown>;
interface Operation {
  readonly method: string;
  readonly template: string;
  readonly operation: Json;
}

beforeAll(async () => {
  // Receivers on 127.0.0.1 allowed: the walk's subscription points at a closed local port.
  archive = await startTestArchive();
  api = await startTestApi('api_openapi', OPERATOR, {
    webhookPolicy: { allowPrivateNetworks: true, requireHttps: false },
    analyticsUrl: archive.url,
  });
});

afterAll(async () => {
  await api?.close();
  await archive?.stop();
});

function operations(document: Json): Operation[] {
  const paths = document['paths'] as Record<string, Record<string, Json>>;
  return Object.entries(paths).flatMap(([template, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      operation,
    })),
  );
}

const keyRoutes = (document: Json) =>
  operations(document).filter(({ operation }) =>
    (operation['security'] as Json[]).some((requirement) => 'apiKey' in requirement),
  );

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document (checked by @seriousme/openapi-schema-validator)', async () => {
    const response = await api.http.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = json(response);
    expect(document).toEqual(api.openApi);
    expect(document['openapi']).toMatch(/^3\.1\./);
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toMatch(/^3\.1/);
  });

  it('documents every route Fastify serves, and serves every route it documents', () => {
    const served = registeredRoutes(api.http)
      .map(({ method, url }) => `${method} ${url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`)
      .sort();
    const documented = operations(api.openApi)
      .map(({ method, template }) => `${method} ${template}`)
      .sort();
    expect(documented).toEqual(served);
    expect(served).toEqual(expect.arrayContaining(['GET /openapi.json', 'POST /v1/keys', 'GET /metrics']));
  });

  it('builds its schemas from schemas/api (relative $refs resolved into components)', () => {
    const components = (api.openApi['components'] as Json)['schemas'] as Record<string, Json>;
    expect(Object.keys(components)).toEqual(expect.arrayContaining(['KeyCreated', 'ApiKey', 'Problem']));
    const text = JSON.stringify(api.openApi);
    expect(text).not.toMatch(/"\$ref":"(?!#\/components\/schemas\/)/);
    expect(text).not.toContain('"$id"');
  });

  it('catches an answer that differs from the document (the check every api test runs)', async () => {
    const conformance = new OpenApiConformance(api.openApi);
    const response = await api.http.inject({
      method: 'GET',
      url: '/v1/keys',
      headers: bearer('sk_local_dev'),
    });
    expect(conformance.violation('GET', '/v1/keys', response)).toBeUndefined();
    const tampered = {
      ...response,
      statusCode: 200,
      body: '{"keys":[{"id":1}]}',
      headers: { 'content-type': 'application/json' },
    };
    expect(conformance.violation('GET', '/v1/keys', tampered as typeof response)).toMatch(
      /does not match its documented schema/,
    );
    expect(conformance.violation('GET', '/v1/keys', { ...tampered, statusCode: 418 })).toMatch(
      /a status its OpenAPI document does not list/,
    );
  });
});

describe('GET /docs', () => {
  it('serves a docs page over /openapi.json from the api itself (no CDN)', async () => {
    const page = await api.http.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain("url: '/openapi.json'");
    const sources = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(sources).toEqual(['/docs/swagger-ui.css', '/docs/swagger-ui-bundle.js']);
    for (const source of sources) {
      const asset = await api.http.inject({ method: 'GET', url: String(source) });
      expect(asset.statusCode).toBe(200);
      expect(asset.body.length).toBeGreaterThan(10_000);
    }
    expectProblem(
      await api.http.inject({ method: 'GET', url: '/docs/..%2Fpackage.json' }),
      404,
      /docs page is at \/docs/,
    );
  });
});

/**
 * Routes whose parameters name no stored thing of a workspace but a part of the caller's own (a provider
 * of its settings, a contact key): another workspace's key reaches its own, so they are walked for 401
 * and 403 only.
 */
const CALLERS_OWN = new Set([
  '/v1/settings/providers/{provider}',
  // A contact key names a contact of the caller's workspace; any well-formed one is accepted (202).
  '/v1/contacts/{contact}/outcomes',
  // Erasing a key the workspace holds nothing of still keeps its events in flight out (200).
  'DELETE /v1/contacts/{contact}',
]);

/**
 * The isolation walk: every route of the document taking a workspace key, called with a revoked key
 * (401), with a key lacking the route's scope (403) and, for routes about one thing, with an admin key
 * of another workspace naming that thing (404, exactly as for something that does not exist).
 */
describe('every key route, walked from /openapi.json', () => {
  let owner: WorkspaceCreated;
  let stranger: WorkspaceCreated;
  let noScopeKey: KeyCreated;
  let publishableKey: KeyCreated;
  let revokedKey: KeyCreated;
  /** Values of path parameters naming things of the owner's workspace, by route template. */
  let ownersThings: Record<string, Record<string, string>>;
  /** A valid body for each route taking one, by `METHOD template`: the 404 must not be a 400. */
  const bodies: Record<string, unknown> = {
    'PATCH /v1/webhooks/{id}': { description: 'walked' },
    'PATCH /v1/users/{id}': { role: 'editor' },
  };

  async function post(key: string, url: string, payload: unknown): Promise<Json> {
    const response = await api.http.inject({
      method: 'POST',
      url,
      headers: { ...bearer(key), 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
    // The answer travels with a failure, so a setup step that went wrong says what it got.
    expect({ url, status: response.statusCode, body: response.body.slice(0, 300) }).toMatchObject({
      status: 201,
    });
    return json(response);
  }

  beforeAll(async () => {
    owner = await createWorkspace(api, 'walk-owner');
    stranger = await createWorkspace(api, 'walk-stranger');
    noScopeKey = await createKey(api, stranger.adminKey.key, { kind: 'secret', scopes: ['events:write'] });
    publishableKey = await createKey(api, stranger.adminKey.key, { kind: 'publishable' });
    revokedKey = await createKey(api, stranger.adminKey.key, { kind: 'secret', scopes: ['read', 'admin'] });
    const revoked = await api.http.inject({
      method: 'DELETE',
      url: `/v1/keys/${revokedKey.apiKey.id}`,
      headers: bearer(stranger.adminKey.key),
    });
    expect(revoked.statusCode).toBe(200);
    const ownersKey = await createKey(api, owner.adminKey.key, { kind: 'publishable' });
    const { subscription } = (await post(owner.adminKey.key, '/v1/webhooks', {
      url: 'http://127.0.0.1:9/hooks',
      events: ['stage'],
    })) as unknown as WebhookCreated;
    // A dead-lettered delivery of it, as threshold leaves one.
    await webhookDeliveryRepository.enqueue(
      api.dataSource.manager,
      [
        {
          webhookId: 'msg_walk',
          subscriptionId: subscription.id,
          workspaceId: owner.workspace.id,
          eventId: 'walk',
          eventType: 'leadscore.lifecycle.changed',
          payload: {},
        },
      ],
      new Date(),
    );
    await api.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'dead', dead_lettered_at = now() WHERE webhook_id = 'msg_walk'`,
    );
    const [delivery] = await api.dataSource.query<{ id: string }[]>(
      `SELECT id::text FROM webhook_deliveries WHERE webhook_id = 'msg_walk'`,
    );
    const model = await api.http.inject({
      method: 'POST',
      url: '/v1/models',
      headers: { ...bearer(owner.adminKey.key), 'content-type': 'application/yaml' },
      payload: 'id: walked\nversion: 1\nname: Walked\nfit: []\nengagement: []\n',
    });
    expect({ status: model.statusCode, body: model.body.slice(0, 300) }).toMatchObject({ status: 201 });
    await seedContactScore(api, clickModel(owner.workspace.id), 'email:walk@example.com', [
      Date.parse('2026-03-31T09:00:00Z'),
    ]);
    // An account of the owner, scored under a model with accounts, with the contact as its member.
    const accountModel = parseModel(
      `id: walked-accounts\nversion: 1\nworkspace: ${owner.workspace.id}\nname: Walked accounts\nengagement: []\naccounts:\n  engagement: { rollup: sum }\n`,
      'yaml',
      'walked-accounts.yaml',
    );
    await scoringModelRepository.record(api.dataSource.manager, {
      workspaceId: owner.workspace.id,
      modelId: accountModel.id,
      version: 1,
      document: accountModel,
      appliedAt: new Date(),
    });
    const accountKey = {
      workspaceId: owner.workspace.id,
      modelId: accountModel.id,
      accountId: 'walk.example',
    };
    const [accountRow] = (
      await accountScoreRepository.lockMany(api.dataSource.manager, [accountKey], new Date())
    ).values();
    if (!accountRow) throw new Error('no account row');
    await accountScoreRepository.updateMany(
      api.dataSource.manager,
      [
        {
          ...accountRow,
          members: 1,
          engagementSumCenti: 1000,
          sequence: 1,
          modelVersion: 1,
          scores: { fit: 0, engagement: 10, total: 10, tier: null, grade: null, members: 1 },
        },
      ],
      new Date(),
    );
    await accountMemberRepository.upsertMany(
      api.dataSource.manager,
      [{ ...accountKey, contactId: 'email:walk@example.com', engagementCenti: 1000, sequence: 1 }],
      new Date(),
    );
    // The same contact in the archive: its history and timeline are the owner's to read.
    await archive.archive(owner.workspace.id, {
      events: [
        {
          id: 'walk-1',
          source: '/v1/events',
          type: 'email.clicked',
          time: '2026-03-31T09:00:00Z',
          subject: 'email:walk@example.com',
          data: {},
        },
      ],
      scoreChanges: [
        {
          id: 'walk-sc-1',
          source: 'leadscore/scorer',
          type: 'score.changed',
          time: '2026-03-31T09:00:00Z',
          subject: 'email:walk@example.com',
          data: {
            contact: 'email:walk@example.com',
            model: { id: 'clicks', version: 1 },
            sequence: 1,
            cause: { type: 'event', eventId: 'walk-1' },
            previous: null,
            current: { fit: 0, engagement: 10, total: 10, tier: null, grade: null },
            contributions: [],
          },
        },
      ],
    });
    // A console user of the owner and an open invitation, for the routes about one of them.
    const invite = (email: string) =>
      api.http.inject({
        method: 'POST',
        url: '/v1/users/invitations',
        headers: { ...bearer(owner.adminKey.key), 'content-type': 'application/json' },
        payload: { email, role: 'viewer' },
      });
    const joined = json(await invite('walker@example.com')) as unknown as InvitationCreated;
    const accepted = await api.http.inject({
      method: 'POST',
      url: '/v1/invitations/accept',
      headers: { 'content-type': 'application/json' },
      payload: { token: joined.token, name: 'Walker', password: 'a walk in the park, twice' },
    });
    const walker = (json(accepted) as unknown as ConsoleSession).user;
    const pending = (json(await invite('pending@example.com')) as unknown as InvitationCreated).invitation;
    // A queued rescore of the owner's clicks model (the walk cancels, then resumes it).
    const rescore = await rescoreRepository.create(
      api.dataSource.manager,
      {
        workspaceId: owner.workspace.id,
        modelId: 'clicks',
        version: 1,
        dryRun: true,
        reason: 'requested',
        transitionsPerSecond: 50,
      },
      new Date(),
    );
    if (!rescore) throw new Error('no rescore');
    const webhook = { id: subscription.id };
    ownersThings = {
      '/v1/models/{id}/rescores': { id: 'walked' },
      '/v1/rescores/{rescoreId}': { rescoreId: rescore.id },
      '/v1/rescores/{rescoreId}/cancel': { rescoreId: rescore.id },
      '/v1/rescores/{rescoreId}/resume': { rescoreId: rescore.id },
      '/v1/contacts/{contact}/history': { contact: 'email:walk@example.com' },
      '/v1/contacts/{contact}/timeline': { contact: 'email:walk@example.com' },
      '/v1/keys/{id}': { id: ownersKey.apiKey.id },
      '/v1/webhooks/{id}': webhook,
      '/v1/webhooks/{id}/deliveries': webhook,
      '/v1/webhooks/{id}/deliveries/{deliveryId}/replay': { ...webhook, deliveryId: String(delivery?.id) },
      '/v1/webhooks/{id}/ping': webhook,
      '/v1/webhooks/{id}/replay': webhook,
      '/v1/webhooks/{id}/rotate-secret': webhook,
      '/v1/models/{id}/versions': { id: 'walked' },
      '/v1/models/{id}/leaderboard': { id: 'clicks' },
      '/v1/models/{id}/distribution': { id: 'clicks' },
      '/v1/models/{id}/accounts': { id: 'walked-accounts' },
      '/v1/models/{id}/accounts/{account}/members': { id: 'walked-accounts', account: 'walk.example' },
      '/v1/accounts/{account}': { account: 'walk.example' },
      '/v1/analytics/models/{id}/distribution': { id: 'clicks' },
      '/v1/analytics/models/{id}/funnel': { id: 'clicks' },
      '/v1/analytics/models/{id}/top-rules': { id: 'clicks' },
      '/v1/settings/providers/{provider}': { provider: 'twilio' },
      '/v1/contacts/{contact}/outcomes': { contact: 'email:walk@example.com' },
      '/v1/contacts/{contact}': { contact: 'email:walk@example.com' },
      '/v1/contacts/{contact}/export': { contact: 'email:walk@example.com' },
      '/v1/contacts/{contact}/lifecycle': { contact: 'email:walk@example.com' },
      '/v1/users/{id}': { id: walker.id },
      '/v1/users/invitations/{id}': { id: pending.id },
      '/v1/models/{id}/versions/{version}': { id: 'walked', version: '1' },
    };
  });

  function urlOf(template: string, values: Record<string, string> | undefined): string {
    return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
      const value = values?.[name];
      if (value === undefined)
        throw new Error(
          `the walk has no value for {${name}} of ${template}: add the owner's thing to ownersThings`,
        );
      return encodeURIComponent(value);
    });
  }

  function request(method: string, template: string, key: string, values = ownersThings[template]) {
    const body = bodies[`${method} ${template}`];
    return api.http.inject({
      method: method as 'GET',
      url: urlOf(template, values ?? {}),
      headers: { ...bearer(key), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  }

  it('walks at least the routes of keys and audit', () => {
    const walked = keyRoutes(api.openApi).map(({ method, template }) => `${method} ${template}`);
    expect(walked).toEqual(
      expect.arrayContaining(['POST /v1/keys', 'GET /v1/keys', 'DELETE /v1/keys/{id}', 'GET /v1/audit']),
    );
  });

  it('answers 401 to a revoked key on every key route', async () => {
    for (const { method, template } of keyRoutes(api.openApi)) {
      const response = await request(method, template, revokedKey.key);
      expect({ route: `${method} ${template}`, status: response.statusCode }).toEqual({
        route: `${method} ${template}`,
        status: 401,
      });
    }
  });

  it('answers 403 to a key without the route’s scope on every key route', async () => {
    for (const { method, template, operation } of keyRoutes(api.openApi)) {
      const scopes = operation['x-leadscore-scopes'] as string[];
      // Routes taking events:write (outcomes) want a secret key: a publishable one lacks the scope there.
      const key = scopes.includes('events:write') ? publishableKey : noScopeKey;
      const response = await request(method, template, key.key);
      expect({ route: `${method} ${template}`, status: response.statusCode }).toEqual({
        route: `${method} ${template}`,
        status: 403,
      });
    }
  });

  it('answers 404 to another workspace’s admin key naming the owner’s things, on every route about one thing', async () => {
    // Deletions last: the owner's own call (the control) would remove what later routes name.
    const routes = keyRoutes(api.openApi)
      .filter(
        ({ method, template }) =>
          template.includes('{') && !CALLERS_OWN.has(template) && !CALLERS_OWN.has(`${method} ${template}`),
      )
      .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    expect(routes.length).toBeGreaterThan(0);
    for (const { method, template } of routes) {
      const response = await request(method, template, stranger.adminKey.key);
      expect({ route: `${method} ${template}`, status: response.statusCode }).toEqual({
        route: `${method} ${template}`,
        status: 404,
      });
      // The owner's key reaches the same thing: the 404 is isolation, not a wrong id in the walk.
      const own = await request(method, template, owner.adminKey.key);
      expect({
        route: `${method} ${template}`,
        ownerGot: own.statusCode < 400 ? 'success' : own.body,
      }).toEqual({
        route: `${method} ${template}`,
        ownerGot: 'success',
      });
    }
  });
});
