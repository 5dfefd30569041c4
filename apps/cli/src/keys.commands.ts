import type { ApiKey, KeyCreated, KeyList, WorkspaceCreated, WorkspaceList } from '@leadscore/contracts';
import { CommandError, callApi } from './api-client.js';
import type { Connection } from './connection.js';
import { ExitCode, type ExitStatus } from './exit-codes.js';
import { colour, plainTable, writeJson, type Output } from './output.js';

export interface NewKey {
  readonly kind: 'secret' | 'publishable';
  readonly scopes?: readonly string[] | undefined;
  readonly name?: string | undefined;
}

/** A key made by the api is shown once, here: it is the one output that holds a whole key. */
function announceKey(output: Output, created: KeyCreated, what: string): void {
  const { apiKey } = created;
  output.out(`${colour.green('✓')} ${what}: key ${apiKey.id} (${apiKey.kind}; ${apiKey.scopes.join(', ')})`);
  output.out(created.key);
  output.err('Store it now: it is not shown again (leadscore key list shows its prefix).');
}

/** `leadscore key create`: a new key of the workspace (admin). */
export async function createKey(connection: Connection, key: NewKey, output: Output): Promise<ExitStatus> {
  const created = await callApi<KeyCreated>(connection, '/v1/keys', {
    method: 'POST',
    body: { text: JSON.stringify(key), contentType: 'application/json' },
  });
  if (output.json) writeJson(output, created);
  else announceKey(output, created, 'created');
  return ExitCode.ok;
}

/** `leadscore key list`: the workspace's keys, by prefix (never whole). */
export async function listKeys(connection: Connection, output: Output): Promise<ExitStatus> {
  const list = await callApi<KeyList>(connection, '/v1/keys');
  if (output.json) {
    writeJson(output, list);
    return ExitCode.ok;
  }
  const table = plainTable(['id', 'kind', 'name', 'prefix', 'scopes', 'created', 'revoked']);
  for (const k of list.keys)
    table.push([k.id, k.kind, k.name ?? '–', k.prefix, k.scopes.join(','), k.createdAt, k.revokedAt ?? '–']);
  output.out(table.toString());
  return ExitCode.ok;
}

/** `leadscore key revoke ID`: refused from the next request on. */
export async function revokeKey(connection: Connection, id: string, output: Output): Promise<ExitStatus> {
  const revoked = await callApi<ApiKey>(connection, `/v1/keys/${encodeURIComponent(id)}`, {
    method: 'DELETE',
  });
  if (output.json) writeJson(output, revoked);
  else
    output.out(
      `${colour.green('✓')} key ${revoked.id} (${revoked.prefix}…) revoked at ${revoked.revokedAt ?? ''}`,
    );
  return ExitCode.ok;
}

/**
 * `leadscore workspace create ID --name NAME`: the operator bootstrap of the api (POST /v1/workspaces with
 * OPERATOR_TOKEN, from --operator-token or LEADSCORE_OPERATOR_TOKEN); shows the first admin key once.
 */
export async function createWorkspace(
  connection: Connection,
  operatorToken: string | undefined,
  workspace: { id: string; name: string },
  output: Output,
): Promise<ExitStatus> {
  const created = await callApi<WorkspaceCreated>(
    asOperator(connection, operatorToken, 'Creating'),
    '/v1/workspaces',
    {
      method: 'POST',
      body: { text: JSON.stringify(workspace), contentType: 'application/json' },
    },
  );
  if (output.json) writeJson(output, created);
  else
    announceKey(output, created.adminKey, `created workspace ${created.workspace.id}, with its first admin`);
  return ExitCode.ok;
}

/** `leadscore workspace list`: every workspace, by id (GET /v1/workspaces with OPERATOR_TOKEN). */
export async function listWorkspaces(
  connection: Connection,
  operatorToken: string | undefined,
  output: Output,
): Promise<ExitStatus> {
  const listed = await callApi<WorkspaceList>(
    asOperator(connection, operatorToken, 'Listing'),
    '/v1/workspaces',
  );
  if (output.json) writeJson(output, listed);
  else {
    const table = plainTable(['id', 'name', 'created']);
    for (const workspace of listed.workspaces)
      table.push([workspace.id, workspace.name, workspace.createdAt]);
    output.out(table.toString());
  }
  return ExitCode.ok;
}

/** The connection with the operator token in place of a workspace key: workspaces are the operator's. */
function asOperator(connection: Connection, flag: string | undefined, doing: string): Connection {
  const operatorToken = flag ?? process.env['LEADSCORE_OPERATOR_TOKEN'];
  if (!operatorToken)
    throw new CommandError(
      ExitCode.unauthenticated,
      `${doing} workspaces needs the api’s OPERATOR_TOKEN: pass --operator-token or set LEADSCORE_OPERATOR_TOKEN (npm start keeps it in .local/operator-token).`,
    );
  return { ...connection, key: operatorToken };
}
