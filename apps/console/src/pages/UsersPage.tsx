import type { ColumnDef } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import { api, enc } from '../api/client';
import type {
  Invitation,
  InvitationCreated,
  InviteUserRequest,
  Role,
  UpdateUserRequest,
  User,
  UserList,
} from '../api/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { DataTable } from '../components/DataTable';
import { SecretDialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { dateTime } from '../format';
import { useApi } from '../hooks/useApi';
import { useTitle } from '../hooks/useTitle';
import { ROLES } from '../session/roles';
import { useSession } from '../session/SessionContext';

function InviteForm({ onCreated }: { onCreated: (created: InvitationCreated) => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const body: InviteUserRequest = { email: email.trim(), role };
      onCreated(await api.post<InvitationCreated>('/v1/users/invitations', body));
      setEmail('');
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form className="panel stack" onSubmit={(event) => void submit(event)} aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <label htmlFor="invite-email">Email</label>
      <input
        id="invite-email"
        type="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <label htmlFor="invite-role">Role</label>
      <select id="invite-role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
        {ROLES.map((value) => (
          <option key={value}>{value}</option>
        ))}
      </select>
      <ErrorMessage error={error} />
      <div>
        <button type="submit" className="primary">
          Create invitation
        </button>
      </div>
    </form>
  );
}

export function UsersPage() {
  useTitle('Users');
  const { can, user: me } = useSession();
  const admin = can('admin');
  const list = useApi('users', (signal) => api.get<UserList>('/v1/users', undefined, signal), {
    enabled: admin,
  });
  const [invited, setInvited] = useState<InvitationCreated | null>(null);
  const [error, setError] = useState<unknown>(null);

  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      list.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  if (!admin)
    return (
      <>
        <h1>Users</h1>
        <p className="error" role="alert">
          Only admins manage users.
        </p>
      </>
    );

  const userColumns: ColumnDef<User>[] = [
    { id: 'name', header: 'Name', accessorKey: 'name' },
    { id: 'email', header: 'Email', accessorKey: 'email' },
    {
      id: 'role',
      header: 'Role',
      accessorKey: 'role',
      cell: ({ row }) => (
        <select
          aria-label={`Role of ${row.original.email}`}
          value={row.original.role}
          disabled={row.original.id === me?.id}
          onChange={(event) =>
            void act(() =>
              api.patch<User>(`/v1/users/${enc(row.original.id)}`, {
                role: event.target.value as Role,
              } satisfies UpdateUserRequest),
            )
          }
        >
          {ROLES.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      ),
    },
    { id: 'lastSignIn', header: 'Last sign-in', accessorFn: (u) => dateTime(u.lastSignInAt) },
    {
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) =>
        row.original.id === me?.id ? (
          <span className="hint">you</span>
        ) : (
          <ConfirmButton
            label={`Remove ${row.original.email}`}
            question={`Remove ${row.original.email}? They can no longer sign in.`}
            confirmLabel="Yes, remove"
            onConfirm={() => act(() => api.delete(`/v1/users/${enc(row.original.id)}`))}
          />
        ),
    },
  ];

  const invitationColumns: ColumnDef<Invitation>[] = [
    { id: 'email', header: 'Email', accessorKey: 'email' },
    { id: 'role', header: 'Role', accessorKey: 'role' },
    { id: 'created', header: 'Invited', accessorFn: (i) => dateTime(i.createdAt) },
    { id: 'expires', header: 'Expires', accessorFn: (i) => dateTime(i.expiresAt) },
    {
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => (
        <ConfirmButton
          label={`Revoke invitation of ${row.original.email}`}
          question={`Revoke the invitation of ${row.original.email}?`}
          confirmLabel="Yes, revoke"
          onConfirm={() => act(() => api.delete(`/v1/users/invitations/${enc(row.original.id)}`))}
        />
      ),
    },
  ];

  return (
    <>
      <h1>Users</h1>
      <ErrorMessage error={list.error} />
      <ErrorMessage error={error} />
      {list.data ? (
        <>
          <DataTable caption="Users" data={list.data.users} columns={userColumns} getRowId={(u) => u.id} />
          <DataTable
            caption="Pending invitations"
            data={list.data.invitations}
            columns={invitationColumns}
            getRowId={(i) => i.id}
            empty="No pending invitation."
          />
        </>
      ) : null}
      <InviteForm
        onCreated={(created) => {
          setInvited(created);
          list.reload();
        }}
      />
      {invited ? (
        <SecretDialog
          title={`Invitation for ${invited.invitation.email}`}
          label="Invitation link"
          secret={`${window.location.origin}${invited.acceptPath}`}
          note={`Send this link to ${invited.invitation.email}; it is shown only now and expires ${dateTime(invited.invitation.expiresAt)}.`}
          onClose={() => setInvited(null)}
        />
      ) : null}
    </>
  );
}
