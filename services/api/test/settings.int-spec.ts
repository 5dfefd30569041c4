import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { workspaceId } from '@leadscore/access';
import type {
  AuditPage,
  KeyCreated,
  ProviderSecretStatus,
  WorkspaceCreated,
  WorkspaceSettings,
} from '@leadscore/contracts';
import { providerSecretRepository } from '@leadscore/persistence';
import { generateKeyPairSync } from 'node:crypto';
import { OPERATOR, bearer, expectProblem, json, startTestApi, type TestApi } from './api-test-app.js';

let api: TestApi;
let acmeAdmin: string;
let acmeRead: string;
let acmeWriter: string;
let globexAdmin: string;

const TWILIO_TOKEN = 'twilio-auth-token-acme-0001';
const ROTATED_TOKEN = 'twilio-auth-token-acme-0002';

async function post(url: string, key: string, payload: Record<string, unknown>) {
  const response = await api.http.inject({
    method: 'POST',
    url,
    headers: { ...bearer(key), 'content-type': 'application/json' },
    payload,
  });
  expect({ status: response.statusCode, body: response.body }).toMatchObject({ status: 201 });
  return json(response);
}

beforeAll(async () => {
  api = await startTestApi('api_settings');
  const created = async (id: string) =>
    (await post('/v1/workspaces', OPERATOR, { id, name: id })) as unknown as WorkspaceCreated;
  acmeAdmin = (await created('acme')).adminKey.key;
  globexAdmin = (await created('globex')).adminKey.key;
  acmeRead = (
    (await post('/v1/keys', acmeAdmin, { kind: 'secret', scopes: ['read'] })) as unknown as KeyCreated
  ).key;
  acmeWriter = (
    (await post('/v1/keys', acmeAdmin, { kind: 'secret', scopes: ['events:write'] })) as unknown as KeyCreated
  ).key;
});

afterAll(async () => {
  await api?.close();
});

const getSettings = (key: string) =>
  api.http.inject({ method: 'GET', url: '/v1/settings', headers: bearer(key) });
const patch = (key: string, payload: unknown) =>
  api.http.inject({
    method: 'PATCH',
    url: '/v1/settings',
    headers: { ...bearer(key), 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });
const putSecret = (key: string, provider: string, payload: unknown) =>
  api.http.inject({
    method: 'PUT',
    url: `/v1/settings/providers/${provider}`,
    headers: { ...bearer(key), 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });
const removeSecret = (key: string, provider: string) =>
  api.http.inject({ method: 'DELETE', url: `/v1/settings/providers/${provider}`, headers: bearer(key) });
const auditOf = async (key: string) => {
  const response = await api.http.inject({ method: 'GET', url: '/v1/audit', headers: bearer(key) });
  return (json(response) as unknown as AuditPage).entries;
};

const notConfigured = (provider: string) => ({ provider, configured: false, hint: null, updatedAt: null });

describe('GET /v1/settings', () => {
  it('answers nothing set for a new workspace, to admin and read keys alike', async () => {
    for (const key of [acmeAdmin, acmeRead]) {
      const response = await getSettings(key);
      expect(response.statusCode).toBe(200);
      expect(json(response)).toEqual({
        timeZone: null,
        defaultCountry: null,
        trackingFormFields: null,
        updatedAt: null,
        providers: {
          sendgrid: notConfigured('sendgrid'),
          twilio: notConfigured('twilio'),
          zoom: notConfigured('zoom'),
          mailgun: notConfigured('mailgun'),
        },
      });
    }
  });

  it('refuses a key without read or admin (403) and a request without a key (401)', async () => {
    expectProblem(await getSettings(acmeWriter), 403, /"admin" or "read"/);
    expectProblem(await api.http.inject({ method: 'GET', url: '/v1/settings' }), 401, /Bearer/);
  });
});

describe('PATCH /v1/settings', () => {
  it('changes the fields given, in their canonical form, and audits the change', async () => {
    const response = await patch(acmeAdmin, {
      timeZone: 'europe/berlin',
      defaultCountry: 'de',
      trackingFormFields: ['email', 'company', 'user[phone]'],
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({
      timeZone: 'Europe/Berlin',
      defaultCountry: 'DE',
      trackingFormFields: ['email', 'company', 'user[phone]'],
      updatedAt: '2026-04-01T09:00:00.000Z',
    });
    api.advance(60);
    const after = json(await patch(acmeAdmin, { trackingFormFields: null }));
    expect(after).toMatchObject({
      timeZone: 'Europe/Berlin',
      defaultCountry: 'DE',
      trackingFormFields: null,
    });
    expect(json(await getSettings(acmeRead))).toEqual(after);
    const [latest, first] = await auditOf(acmeAdmin);
    expect(first).toMatchObject({
      action: 'settings.changed',
      target: 'acme',
      details: {
        timeZone: 'Europe/Berlin',
        defaultCountry: 'DE',
        trackingFormFields: ['email', 'company', 'user[phone]'],
      },
    });
    expect(latest).toMatchObject({ action: 'settings.changed', details: { trackingFormFields: null } });
    expect(latest?.actor).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses bad values, naming every field and what it expects, and changes nothing', async () => {
    const before = json(await getSettings(acmeAdmin));
    const body = expectProblem(
      await patch(acmeAdmin, {
        timeZone: '+01:00',
        defaultCountry: 'XX',
        trackingFormFields: ['email', 'password', 'a b'],
      }),
      400,
      /timeZone: expected an IANA time zone name such as "Europe\/Berlin"/,
    );
    expect(body['errors']).toEqual([
      { field: 'timeZone', expected: expect.stringContaining('IANA time zone') },
      { field: 'defaultCountry', expected: expect.stringContaining('ISO 3166 alpha-2') },
      { field: 'trackingFormFields[1]', expected: expect.stringContaining('never captures') },
      { field: 'trackingFormFields[2]', expected: expect.stringContaining('form field name') },
    ]);
    expectProblem(await patch(acmeAdmin, { timeZone: 'Mars/Olympus' }), 400, /^timeZone: expected an IANA/);
    expectProblem(
      await patch(acmeAdmin, { defaultCountry: 'USA' }),
      400,
      /defaultCountry: expected text matching/,
    );
    expectProblem(await patch(acmeAdmin, {}), 400, /must NOT have fewer than 1 properties/);
    expectProblem(
      await patch(acmeAdmin, { timezone: 'UTC' }),
      400,
      /^timezone: expected no such field: the fields are "timeZone", "defaultCountry", "trackingFormFields"\./,
    );
    expectProblem(await patch(acmeAdmin, { trackingFormFields: ['email', 'email'] }), 400, /duplicate/);
    expect(json(await getSettings(acmeAdmin))).toEqual(before);
  });

  it('needs the admin scope', async () => {
    expectProblem(await patch(acmeRead, { timeZone: 'UTC' }), 403, /"admin"/);
  });
});

describe('provider secrets', () => {
  it('are stored sealed and shown only by their hint, to the end of a rotation', async () => {
    const set = await putSecret(acmeAdmin, 'twilio', { secret: TWILIO_TOKEN });
    expect(set.statusCode).toBe(200);
    expect(json(set)).toEqual({
      provider: 'twilio',
      configured: true,
      hint: '…0001',
      updatedAt: '2026-04-01T09:01:00.000Z',
    });
    api.advance(60);
    const rotated = json(
      await putSecret(acmeAdmin, 'twilio', { secret: ROTATED_TOKEN }),
    ) as unknown as ProviderSecretStatus;
    expect(rotated).toMatchObject({ configured: true, hint: '…0002', updatedAt: '2026-04-01T09:02:00.000Z' });
    const settings = json(await getSettings(acmeRead)) as unknown as WorkspaceSettings;
    expect(settings.providers.twilio).toEqual(rotated);
    expect(settings.providers.zoom).toEqual(notConfigured('zoom'));

    // Sealed in PostgreSQL under the app's key, bound to acme and twilio: what ingest opens.
    const [row] = await api.dataSource.query<{ key_id: string; nonce: Buffer; ciphertext: Buffer }[]>(
      "SELECT key_id, nonce, ciphertext FROM provider_secrets WHERE workspace_id = 'acme' AND provider = 'twilio'",
    );
    expect(row?.ciphertext.toString('latin1')).not.toContain('twilio-auth-token');
    const sealed = { keyId: row!.key_id, nonce: row!.nonce, ciphertext: row!.ciphertext };
    expect(api.settingsCipher.open(sealed, { workspaceId: 'acme', purpose: 'provider:twilio' })).toBe(
      ROTATED_TOKEN,
    );
    expect(() =>
      api.settingsCipher.open(sealed, { workspaceId: 'globex', purpose: 'provider:twilio' }),
    ).toThrow(/does not authenticate/);

    const audit = await auditOf(acmeAdmin);
    expect(audit.slice(0, 2).map((e) => [e.action, e.target, e.details['replaced']])).toEqual([
      ['provider-secret.set', 'twilio', true],
      ['provider-secret.set', 'twilio', false],
    ]);
    // Never the secret whole: not in any answer, the audit log, or the app's logs.
    const everything = JSON.stringify([settings, audit, api.logs]);
    for (const secret of [TWILIO_TOKEN, ROTATED_TOKEN]) expect(everything).not.toContain(secret);
  });

  it('checks that a SendGrid secret is its verification key (ECDSA P-256, base64 DER)', async () => {
    expectProblem(
      await putSecret(acmeAdmin, 'sendgrid', { secret: 'definitely-not-a-public-key' }),
      400,
      /verification key SendGrid shows/,
    );
    const der = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ format: 'der', type: 'spki' })
      .toString('base64');
    const response = await putSecret(acmeAdmin, 'sendgrid', { secret: der });
    expect(json(response)).toMatchObject({
      provider: 'sendgrid',
      configured: true,
      hint: `…${der.slice(-4)}`,
    });
  });

  it('refuses short or spaced secrets, unknown providers (404) and keys without admin', async () => {
    expectProblem(
      await putSecret(acmeAdmin, 'zoom', { secret: 'short' }),
      400,
      /secret: expected must NOT have fewer than 16/,
    );
    expectProblem(
      await putSecret(acmeAdmin, 'zoom', { secret: 'has a space in it, not a token' }),
      400,
      /secret/,
    );
    expectProblem(await putSecret(acmeAdmin, 'zoom', {}), 400, /secret: expected a value/);
    expectProblem(
      await putSecret(acmeAdmin, 'stripe', { secret: 'x'.repeat(20) }),
      404,
      /sendgrid, twilio, zoom, mailgun/,
    );
    expectProblem(await removeSecret(acmeAdmin, 'stripe'), 404, /No provider "stripe"/);
    expectProblem(await putSecret(acmeRead, 'zoom', { secret: 'x'.repeat(20) }), 403, /"admin"/);
    expectProblem(await removeSecret(acmeRead, 'twilio'), 403, /"admin"/);
  });

  it('are removed (audited once; removing again changes nothing)', async () => {
    await putSecret(acmeAdmin, 'mailgun', { secret: 'mailgun-signing-key-0123456789' });
    const removed = await removeSecret(acmeAdmin, 'mailgun');
    expect(removed.statusCode).toBe(200);
    expect(json(removed)).toEqual(notConfigured('mailgun'));
    expect(json(await removeSecret(acmeAdmin, 'mailgun'))).toEqual(notConfigured('mailgun'));
    const audit = await auditOf(acmeAdmin);
    expect(audit.filter((e) => e.target === 'mailgun').map((e) => e.action)).toEqual([
      'provider-secret.removed',
      'provider-secret.set',
    ]);
    expect((json(await getSettings(acmeAdmin)) as unknown as WorkspaceSettings).providers.mailgun).toEqual(
      notConfigured('mailgun'),
    );
  });
});

describe('tenant isolation', () => {
  it("keeps each workspace's settings and secrets to itself", async () => {
    const acmeBefore = json(await getSettings(acmeAdmin));
    expect(json(await getSettings(globexAdmin))).toMatchObject({
      timeZone: null,
      providers: { twilio: { configured: false } },
    });
    await patch(globexAdmin, { timeZone: 'America/New_York', defaultCountry: 'US' });
    // Globex removing "its" twilio secret does not touch acme's.
    expect(json(await removeSecret(globexAdmin, 'twilio'))).toEqual(notConfigured('twilio'));
    await putSecret(globexAdmin, 'zoom', { secret: 'globex-zoom-secret-token-99' });
    expect(json(await getSettings(acmeAdmin))).toEqual(acmeBefore);
    expect(await providerSecretRepository.list(api.dataSource.manager, workspaceId('acme'))).toEqual(
      expect.arrayContaining([expect.objectContaining({ provider: 'twilio', hint: '…0002' })]),
    );
    const globexAudit = await auditOf(globexAdmin);
    expect(globexAudit.map((e) => e.action)).toEqual([
      'provider-secret.set',
      'settings.changed',
      'key.created',
      'workspace.created',
    ]);
    expect((await auditOf(acmeAdmin)).some((e) => e.details['timeZone'] === 'America/New_York')).toBe(false);
  });
});
