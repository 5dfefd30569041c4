import type { ConsoleUser, ConsoleUserList, InvitationCreated } from '@leadscore/contracts';
import { callApi } from './api-client.js';
import type { Connection } from './connection.js';
import { ExitCode, type ExitStatus } from './exit-codes.js';
import { colour, plainTable, writeJson, type Output } from './output.js';

export const CONSOLE_ROLES = ['viewer', 'editor', 'admin'] as const;
export type ConsoleRoleName = (typeof CONSOLE_ROLES)[number];

const json = (body: unknown) => ({ text: JSON.stringify(body), contentType: 'application/json' });

/**
 * `leadscore user invite EMAIL --role R` (admin, a key too: how a workspace gets its first console admin):
 * the invitation link is shown once, here.
 */
export async function inviteUser(
  connection: Connection,
  invitation: { email: string; role: ConsoleRoleName },
  output: Output,
): Promise<ExitStatus> {
  const created = await callApi<InvitationCreated>(connection, '/v1/users/invitations', {
    method: 'POST',
    body: json(invitation),
  });
  if (output.json) {
    writeJson(output, created);
    return ExitCode.ok;
  }
  const { email, role, expiresAt } = created.invitation;
  output.out(`${colour.green('✓')} invited ${email} as ${role}; the link works once, until ${expiresAt}:`);
  output.out(`${connection.url.replace(/\/+$/, '')}${created.acceptPath}`);
  output.err('Send it to them now: it is not shown again (leadscore user list shows the invitation).');
  return ExitCode.ok;
}

/** `leadscore user list`: the console's users and the invitations still open. */
export async function listUsers(connection: Connection, output: Output): Promise<ExitStatus> {
  const list = await callApi<ConsoleUserList>(connection, '/v1/users');
  if (output.json) {
    writeJson(output, list);
    return ExitCode.ok;
  }
  const users = plainTable(['id', 'email', 'name', 'role', 'last sign-in']);
  for (const user of list.users)
    users.push([user.id, user.email, user.name, user.role, user.lastSignInAt ?? '–']);
  output.out(list.users.length > 0 ? users.toString() : 'no console users yet (leadscore user invite EMAIL)');
  if (list.invitations.length > 0) {
    const invitations = plainTable(['invitation', 'email', 'role', 'expires']);
    for (const invitation of list.invitations)
      invitations.push([invitation.id, invitation.email, invitation.role, invitation.expiresAt]);
    output.out(`open invitations:\n${invitations.toString()}`);
  }
  return ExitCode.ok;
}

/** `leadscore user role ID ROLE`: effective from the user's next request. */
export async function changeUserRole(
  connection: Connection,
  id: string,
  role: ConsoleRoleName,
  output: Output,
): Promise<ExitStatus> {
  const user = await callApi<ConsoleUser>(connection, `/v1/users/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: json({ role }),
  });
  if (output.json) writeJson(output, user);
  else output.out(`${colour.green('✓')} ${user.email} is ${user.role} now`);
  return ExitCode.ok;
}

/** `leadscore user remove ID`: the user and their sessions go. */
export async function removeUser(connection: Connection, id: string, output: Output): Promise<ExitStatus> {
  await callApi<undefined>(connection, `/v1/users/${encodeURIComponent(id)}`, { method: 'DELETE' });
  if (output.json) writeJson(output, { removed: id });
  else output.out(`${colour.green('✓')} user ${id} removed; their sessions ended`);
  return ExitCode.ok;
}
