import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  SettingsCipher,
  providerSecretPurpose,
  workspaceId,
  type WebhookProvider,
  type WorkspaceId,
} from '@leadscore/access';
import { createLogger } from '@leadscore/observability';
import {
  openDatabase,
  providerSecretRepository,
  workspaceRepository,
  workspaceSettingsRepository,
  type DataSource,
} from '@leadscore/persistence';
import {
  createTestDatabase,
  pollUntil,
  testKafkaBrokers,
  twilioSignature,
  type TestDatabase,
} from '@leadscore/testing';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { DatabaseKeyDirectory } from '../src/auth/database-key-directory.js';
import { InMemoryWorkspaceDirectory } from '../src/auth/workspace-directory.js';
import { loadWorkspaceSnapshot } from '../src/auth/workspace-snapshot.js';
import {
  PUBLISHABLE_KEY,
  SECRET_KEY,
  TWILIO_TOKEN,
  WORKSPACE,
  ZOOM_TOKEN,
  bearer,
  buildTrackerScript,
  readEvents,
  readEventsUntil,
  startTestApp,
  type TestApp,
} from './ingest-test-app.js';

/**
 * Settings and provider secrets set through the api reach ingest: the api stores them with
 * libs/access's SettingsCipher and libs/persistence's repositories (what `setSecret` below does, as
 * the api's PUT /v1/settings/providers/{provider} does), ingest reloads them with its keys.
 */
const REFRESH_MS = 200;
const acme = workspaceId(WORKSPACE);
const globex = workspaceId('globex');
const initech = workspaceId('initech');
const settingsKey = randomBytes(32);
const cipher = new SettingsCipher(settingsKey);

let database: TestDatabase;
let dataSource: DataSource;
let directory: DatabaseKeyDirectory;
let t: TestApp;
const logged: Record<string, unknown>[] = [];

beforeAll(async () => {
  database = await createTestDatabase('ingest_workspace_settings');
  dataSource = await openDatabase({ url: database.url });
  for (const id of [acme, globex, initech])
    await workspaceRepository.create(dataSource.manager, { id, name: id, createdAt: new Date() });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) logged.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  buildTrackerScript();
  t = await startTestApp({
    brokers: testKafkaBrokers(),
    directory: (bootstrap) => {
      directory = new DatabaseKeyDirectory({
        bootstrap,
        refreshMs: REFRESH_MS,
        logger: createLogger({ service: 'ingest', level: 'error', destination: sink }),
        load: () => loadWorkspaceSnapshot(dataSource.manager, cipher),
      });
      return directory;
    },
  });
  await directory.start();
});

afterAll(async () => {
  await directory?.stop();
  await t?.close();
  await dataSource?.destroy();
  await database?.drop();
});

/** What the api's PUT /v1/settings/providers/{provider} stores. */
async function setSecret(workspace: WorkspaceId, provider: WebhookProvider, secret: string): Promise<void> {
  await providerSecretRepository.put(dataSource.manager, {
    workspaceId: workspace,
    provider,
    sealed: cipher.seal(secret, { workspaceId: workspace, purpose: providerSecretPurpose(provider) }),
    hint: `…${secret.slice(-4)}`,
    updatedAt: new Date(),
    updatedBy: 'test-admin-key',
  });
}

const TWILIO_PARAMS = {
  MessageSid: 'SM9',
  MessageStatus: 'undelivered',
  To: '+14155550100',
  From: '+15005550006',
};

/** A Twilio status callback for `workspace` signed with `authToken`: 200 when ingest takes the signature. */
function twilio(workspace: string, authToken: string) {
  const url = `/v1/webhooks/twilio?workspace=${workspace}`;
  return t.http.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(authToken, `http://localhost:80${url}`, TWILIO_PARAMS),
    },
    payload: new URLSearchParams(TWILIO_PARAMS).toString(),
  });
}

/** Waits for ingest's answer to a Twilio callback to become `status` (within a few reloads). */
async function untilTwilio(workspace: string, authToken: string, status: number): Promise<void> {
  await pollUntil(
    () => twilio(workspace, authToken),
    (response) => response.statusCode === status,
    {
      withinMs: REFRESH_MS * 10,
      waitingFor: `Twilio signed with ${authToken.slice(-4)} answered ${status}`,
      show: (response) => `${response.statusCode} ${response.body}`,
    },
  );
}

describe('provider secrets from the api', () => {
  it('a rotated Twilio auth token: the old signature until the reload, then only the new one', async () => {
    const rotated = 'twilio-auth-token-rotated-0001';
    const again = 'twilio-auth-token-rotated-0002';
    // Before: the bootstrap's token (INGEST_WORKSPACES) is the workspace's.
    expect((await twilio(WORKSPACE, TWILIO_TOKEN)).statusCode).toBe(200);
    expect((await twilio(WORKSPACE, rotated)).statusCode).toBe(401);

    await setSecret(acme, 'twilio', rotated);
    await untilTwilio(WORKSPACE, rotated, 200);
    const refused = await twilio(WORKSPACE, TWILIO_TOKEN);
    expect(refused.statusCode).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ detail: expect.stringMatching(/signature/i) });

    // Rotated once more: the first rotation's token stops working too.
    await setSecret(acme, 'twilio', again);
    await untilTwilio(WORKSPACE, again, 200);
    expect((await twilio(WORKSPACE, rotated)).statusCode).toBe(401);
    expect((await twilio(WORKSPACE, TWILIO_TOKEN)).statusCode).toBe(401);
  });

  it('a removed secret falls back to the bootstrap’s, or to none', async () => {
    await setSecret(globex, 'twilio', 'globex-twilio-token-00000001');
    await untilTwilio('globex', 'globex-twilio-token-00000001', 200);
    await providerSecretRepository.remove(dataSource.manager, acme, 'twilio');
    await providerSecretRepository.remove(dataSource.manager, globex, 'twilio');
    await untilTwilio(WORKSPACE, TWILIO_TOKEN, 200);
    // globex has no Twilio token in the bootstrap: not configured at all.
    await untilTwilio('globex', 'globex-twilio-token-00000001', 403);
    expect(JSON.parse((await twilio('globex', 'globex-twilio-token-00000001')).body)).toMatchObject({
      detail: 'Twilio is not configured for workspace globex.',
    });
  });

  it('serves a workspace that exists only in PostgreSQL', async () => {
    expect((await twilio('nobody', 'initech-twilio-token-0000001')).statusCode).toBe(401);
    await setSecret(initech, 'twilio', 'initech-twilio-token-0000001');
    await untilTwilio('initech', 'initech-twilio-token-0000001', 200);
  });

  it('refuses a secret copied from another workspace, and logs why without the secret', async () => {
    await setSecret(initech, 'mailgun', 'initech-mailgun-signing-key-01');
    // A row of initech's copied to globex: sealed for initech, so it does not open for globex.
    await dataSource.query(
      `INSERT INTO provider_secrets (workspace_id, provider, key_id, nonce, ciphertext, hint, updated_at, updated_by)
       SELECT 'globex', 'twilio', key_id, nonce, ciphertext, hint, updated_at, updated_by
       FROM provider_secrets WHERE workspace_id = 'initech' AND provider = 'twilio'`,
    );
    await directory.refresh();
    expect((await twilio('globex', 'initech-twilio-token-0000001')).statusCode).toBe(403);
    expect((await twilio('initech', 'initech-twilio-token-0000001')).statusCode).toBe(200);
    const refusal = logged.find((line) => String(line['msg']).startsWith('provider secret refused'));
    expect(refusal).toMatchObject({ workspace: 'globex', provider: 'twilio' });
    expect(String(refusal?.['msg'])).toMatch(
      /copied from another workspace or provider; set the secret again/,
    );
    expect(JSON.stringify(logged)).not.toContain('initech-twilio-token');
  });
});

describe('a SETTINGS_ENCRYPTION_KEY other than the api’s', () => {
  it('opens no secret, names both keys, and leaves the providers refused rather than the bootstrap’s', async () => {
    await setSecret(acme, 'zoom', 'acme-zoom-secret-token-000001');
    const other = new SettingsCipher(randomBytes(32));
    const snapshot = await loadWorkspaceSnapshot(dataSource.manager, other);
    const zoom = snapshot.unreadable.find((u) => u.workspace === 'acme' && u.provider === 'zoom');
    expect(zoom?.reason).toBe(
      `the provider:zoom secret of workspace acme was sealed under the settings key ${cipher.keyId}, but SETTINGS_ENCRYPTION_KEY is the key ${other.keyId}: start the service with the key it was sealed under, or set the secret again through the api`,
    );
    const acmeStored = snapshot.workspaces.find((w) => w.workspace === 'acme');
    expect(acmeStored?.providers).toHaveProperty('zoom', undefined);
    const misconfigured = new DatabaseKeyDirectory({
      // A bootstrap with a Zoom token for acme: not used in place of the unreadable one.
      bootstrap: new InMemoryWorkspaceDirectory(
        [],
        [{ workspace: WORKSPACE, identity: {}, providers: { zoom: { secretToken: ZOOM_TOKEN } } }],
      ),
      refreshMs: 60_000,
      logger: createLogger({ service: 'ingest', level: 'silent' }),
      load: () => Promise.resolve(snapshot),
    });
    await misconfigured.refresh();
    expect(misconfigured.settings(WORKSPACE)?.providers.zoom).toBeUndefined();
    // With the api's key, the same rows open.
    await directory.refresh();
    expect(directory.settings(WORKSPACE)?.providers.zoom).toEqual({
      secretToken: 'acme-zoom-secret-token-000001',
    });
    // A rotation: the new key seals, the api's old one (SETTINGS_ENCRYPTION_PREVIOUS_KEYS) still opens.
    const rotated = await loadWorkspaceSnapshot(
      dataSource.manager,
      new SettingsCipher(randomBytes(32), [settingsKey]),
    );
    expect(rotated.unreadable.filter((u) => u.workspace === 'acme')).toEqual([]);
    expect(rotated.workspaces.find((w) => w.workspace === 'acme')?.providers.zoom).toEqual({
      secretToken: 'acme-zoom-secret-token-000001',
    });
    await providerSecretRepository.remove(dataSource.manager, acme, 'zoom');
  });
});

describe('default phone country from the api', () => {
  const sendPhone = (id: string) =>
    t.http.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { ...bearer(SECRET_KEY), 'content-type': 'application/json' },
      payload: [{ id, type: 'sms.delivered', subject: 'phone:030 22732152', data: {} }],
    });

  it('reads national numbers as numbers of the country set, instead of the bootstrap’s', async () => {
    // The bootstrap's country is US: a Berlin number written nationally is no US number.
    expect((await sendPhone('berlin-1')).statusCode).toBe(400);
    await workspaceSettingsRepository.change(
      dataSource.manager,
      acme,
      { defaultCountry: 'DE' },
      new Date(),
      'k',
    );
    await pollUntil(
      () => sendPhone('berlin-2'),
      (response) => response.statusCode === 202,
      {
        withinMs: REFRESH_MS * 10,
        waitingFor: '202',
        show: (response) => `${response.statusCode} ${response.body}`,
      },
    );
    const events = await readEvents(t.client, t.topic, 1);
    expect(events.find((e) => e.value['id'] === 'berlin-2')?.value).toMatchObject({
      subject: 'phone:+493022732152',
    });
    // Unset: the bootstrap's US again.
    await workspaceSettingsRepository.change(
      dataSource.manager,
      acme,
      { defaultCountry: null },
      new Date(),
      'k',
    );
    await pollUntil(
      () => sendPhone('berlin-3'),
      (response) => response.statusCode === 400,
      {
        withinMs: REFRESH_MS * 10,
        waitingFor: '400',
        show: (response) => `${response.statusCode} ${response.body}`,
      },
    );
  });
});

describe('form fields the tracking snippet captures, from the api', () => {
  const script = async () =>
    (await t.http.inject({ method: 'GET', url: `/v1/tracker.js?key=${PUBLISHABLE_KEY}` })).body;
  const configured = (fields: string[]) => JSON.stringify({ k: PUBLISHABLE_KEY, f: fields });
  const until = (fields: string[]) =>
    pollUntil(script, (body) => body.includes(configured(fields)), {
      withinMs: REFRESH_MS * 10,
      waitingFor: `the snippet configured with ${fields.join(', ') || 'no field'}`,
      show: (body) => body.slice(-200),
    });
  const submit = (messageId: string) =>
    t.http.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      payload: JSON.stringify({
        writeKey: PUBLISHABLE_KEY,
        batch: [
          {
            type: 'track',
            event: 'Form Submitted',
            messageId,
            anonymousId: 'visitor-1',
            properties: {
              form_id: 'demo',
              fields: { email: 'ada@example.com', company: 'Acme', notes: 'x' },
            },
          },
        ],
      }),
    });

  it('reach the served snippet and the filter of form submissions within a reload; unset, none again', async () => {
    expect(await script()).toContain(configured([]));
    await workspaceSettingsRepository.change(
      dataSource.manager,
      acme,
      { trackingFormFields: ['email', 'company'] },
      new Date(),
      'k',
    );
    await until(['email', 'company']);
    expect((await submit('form-configured')).statusCode).toBe(202);
    await workspaceSettingsRepository.change(
      dataSource.manager,
      acme,
      { trackingFormFields: null },
      new Date(),
      'k',
    );
    await until([]);
    // An old copy of the snippet still sends the fields: ingest keeps none of them now.
    expect((await submit('form-unset')).statusCode).toBe(202);
    const events = await readEventsUntil(
      t.client,
      t.topic,
      (all) => ['form-configured', 'form-unset'].every((id) => all.some((e) => e.value['id'] === id)),
      'both form submissions',
    );
    const data = (id: string) => events.find((e) => e.value['id'] === id)?.value['data'];
    expect(data('form-configured')).toEqual({
      form_id: 'demo',
      fields: { email: 'ada@example.com', company: 'Acme' },
    });
    expect(data('form-unset')).toEqual({ form_id: 'demo' });
  });
});
