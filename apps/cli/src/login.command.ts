import { keyPrefix } from '@leadscore/access';
import type { ModelList } from '@leadscore/contracts';
import { CommandError, callApi } from './api-client.js';
import { ingestUrlBesides, saveProfile, type Connection } from './connection.js';
import { ExitCode, type ExitStatus } from './exit-codes.js';
import { colour, writeJson, type Output } from './output.js';

/**
 * `leadscore login --url URL --key KEY [--profile NAME]`: checks the key against the api, then stores
 * the profile in the config file (mode 0600). The key is never printed, only its prefix.
 */
export async function login(connection: Connection, output: Output): Promise<ExitStatus> {
  const key = connection.key;
  if (!key)
    throw new CommandError(ExitCode.usage, 'Give the key to store: leadscore login --url URL --key KEY');
  let note = '';
  try {
    await callApi<ModelList>(connection, '/v1/models');
  } catch (error) {
    // A key without the read scope authenticates but may not list models: still a key of a workspace.
    if (!(error instanceof CommandError) || error.status !== ExitCode.forbidden) throw error;
    note = ' (it cannot read: its scopes lack read and admin)';
  }
  const { ingestUrl } = connection;
  const path = await saveProfile(connection.profile, {
    url: connection.url,
    // Stored only when named: otherwise it follows the api's URL as resolveConnection derives it.
    ingestUrl: ingestUrl === ingestUrlBesides(connection.url) ? undefined : ingestUrl,
    key,
  });
  const prefix = keyPrefix(key);
  if (output.json)
    writeJson(output, {
      profile: connection.profile,
      url: connection.url,
      ingestUrl,
      keyPrefix: prefix,
      config: path,
    });
  else
    output.out(
      `${colour.green('✓')} profile ${connection.profile}: ${connection.url} (events to ${ingestUrl}) with key ${prefix}…${note}, saved in ${path}`,
    );
  return ExitCode.ok;
}
