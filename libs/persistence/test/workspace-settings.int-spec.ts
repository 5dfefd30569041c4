import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SettingsCipher, workspaceId } from '@leadscore/access';
import { createTestDatabase, type TestDatabase } from '@leadscore/testing';
import { randomBytes } from 'node:crypto';
import {
  openDatabase,
  providerSecretRepository,
  workspaceRepository,
  workspaceSettingsRepository,
  type DataSource,
} from '../src/index.js';

let database: TestDatabase;
let dataSource: DataSource;
const acme = workspaceId('acme');
const globex = workspaceId('globex');
const initech = workspaceId('initech');
const t0 = new Date('2026-03-01T10:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const cipher = new SettingsCipher(randomBytes(32));

beforeAll(async () => {
  database = await createTestDatabase('workspace_settings');
  dataSource = await openDatabase({ url: database.url });
  for (const id of [acme, globex, initech])
    await workspaceRepository.create(dataSource.manager, { id, name: id, createdAt: t0 });
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('workspace settings', () => {
  it('change only the fields given; null unsets one', async () => {
    const sql = dataSource.manager;
    expect(await workspaceSettingsRepository.find(sql, acme)).toBeUndefined();
    await workspaceSettingsRepository.change(
      sql,
      acme,
      { timeZone: 'Europe/Berlin', trackingFormFields: ['email', 'company'] },
      t0,
      'key-1',
    );
    const after = await workspaceSettingsRepository.change(
      sql,
      acme,
      { defaultCountry: 'DE' },
      later(5),
      'key-2',
    );
    expect(after).toEqual({
      workspaceId: 'acme',
      timeZone: 'Europe/Berlin',
      defaultCountry: 'DE',
      trackingFormFields: ['email', 'company'],
      updatedAt: later(5),
      updatedBy: 'key-2',
    });
    await workspaceSettingsRepository.change(sql, acme, { trackingFormFields: null }, later(6), 'key-2');
    expect(await workspaceSettingsRepository.find(sql, acme)).toMatchObject({
      timeZone: 'Europe/Berlin',
      defaultCountry: 'DE',
      trackingFormFields: null,
    });
    expect(await workspaceSettingsRepository.find(sql, globex)).toBeUndefined();
  });

  it('are listed for every workspace (none set: all null), and time zones for those that set one', async () => {
    const sql = dataSource.manager;
    await workspaceSettingsRepository.change(sql, globex, { defaultCountry: 'US' }, t0, 'key-3');
    const directory = await workspaceSettingsRepository.directory(sql);
    expect(directory.sort((a, b) => a.workspaceId.localeCompare(b.workspaceId))).toEqual([
      { workspaceId: 'acme', timeZone: 'Europe/Berlin', defaultCountry: 'DE', trackingFormFields: null },
      { workspaceId: 'globex', timeZone: null, defaultCountry: 'US', trackingFormFields: null },
      { workspaceId: 'initech', timeZone: null, defaultCountry: null, trackingFormFields: null },
    ]);
    expect(await workspaceSettingsRepository.timeZones(sql)).toEqual(new Map([['acme', 'Europe/Berlin']]));
  });

  it('refuse a country that is not two upper-case letters, and a workspace that does not exist', async () => {
    const sql = dataSource.manager;
    await expect(
      workspaceSettingsRepository.change(sql, acme, { defaultCountry: 'usa' }, t0, 'k'),
    ).rejects.toThrow(/check constraint/);
    await expect(
      workspaceSettingsRepository.change(sql, workspaceId('nobody'), { timeZone: 'UTC' }, t0, 'k'),
    ).rejects.toThrow(/foreign key/);
  });
});

describe('provider secrets', () => {
  const context = (workspace: string, provider: string) => ({
    workspaceId: workspace,
    purpose: `provider:${provider}`,
  });

  it('are stored sealed, replaced, listed without their values, and opened from the directory', async () => {
    const sql = dataSource.manager;
    const put = (secret: string, at: Date) =>
      providerSecretRepository.put(sql, {
        workspaceId: acme,
        provider: 'twilio',
        sealed: cipher.seal(secret, context('acme', 'twilio')),
        hint: `…${secret.slice(-4)}`,
        updatedAt: at,
        updatedBy: 'key-1',
      });
    expect(await put('first-twilio-token-1111', t0)).toEqual({ replaced: false });
    expect(await put('second-twilio-token-2222', later(1))).toEqual({ replaced: true });
    expect(await providerSecretRepository.list(sql, acme)).toEqual([
      { provider: 'twilio', hint: '…2222', keyId: cipher.keyId, updatedAt: later(1), updatedBy: 'key-1' },
    ]);
    expect(await providerSecretRepository.list(sql, globex)).toEqual([]);
    const [stored] = await sql.query<{ ciphertext: Buffer }[]>('SELECT ciphertext FROM provider_secrets');
    expect(stored?.ciphertext.toString('latin1')).not.toContain('twilio-token');
    const [entry] = await providerSecretRepository.directory(sql);
    expect(entry).toMatchObject({ workspaceId: 'acme', provider: 'twilio' });
    expect(cipher.open(entry!.sealed, context(entry!.workspaceId, entry!.provider))).toBe(
      'second-twilio-token-2222',
    );
  });

  it('are removed by their own workspace only', async () => {
    const sql = dataSource.manager;
    expect(await providerSecretRepository.remove(sql, globex, 'twilio')).toBe(false);
    expect(await providerSecretRepository.list(sql, acme)).toHaveLength(1);
    expect(await providerSecretRepository.remove(sql, acme, 'twilio')).toBe(true);
    expect(await providerSecretRepository.remove(sql, acme, 'twilio')).toBe(false);
    expect(await providerSecretRepository.directory(sql)).toEqual([]);
  });
});
