import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
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
import { Field, Select, SelectField } from '../components/Field';
import { Loaded } from '../components/Loaded';
import { SubmitRow } from '../components/SubmitRow';
import { dateColumn } from '../components/columns';
import { dateTime } from '../format';
import { useApi } from '../hooks/useApi';
import { useSubmit } from '../hooks/useSubmit';
import { useTitle } from '../hooks/useTitle';
import { ROLES } from '../session/roles';
import { useSession } from '../session/SessionContext';

function InviteForm({ onCreated }: { onCreated: (created: InvitationCreated) => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const submit = useSubmit();
  return (
    <form
      className="panel stack"
      onSubmit={submit.onSubmit(async () => {
        const body: InviteUserRequest = { email: email.trim(), role };
        onCreated(await api.post<InvitationCreated>('/v1/users/invitations', body));
        setEmail('');
      })}
      aria-labelledby="invite-heading"
    >
      <h2 id="invite-heading">Invite someone</h2>
      <Field label="Email" type="email" required value={email} onChange={setEmail} />
      <SelectField label="Role" value={role} options={ROLES} onChange={setRole} />
      <SubmitRow submit={submit} label="Create invitation" />
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
  // The accept link holds the invitation's token: kept only while its dialog is open.
  const [invited, setInvited] = useState<InvitationCreated | null>(null);
  const action = useSubmit();

  const act = (change: () => Promise<unknown>) =>
    action.run(async () => {
      await change();
      list.reload();
    });

  const userColumns: ColumnDef<User>[] = [
    { id: 'name', header: 'Name', accessorKey: 'name' },
    { id: 'email', header: 'Email', accessorKey: 'email' },
    {
      id: 'role',
      header: 'Role',
      accessorKey: 'role',
      cell: ({ row }) => (
        <Select
          aria-label={`Role of ${row.original.email}`}
          value={row.original.role}
          options={ROLES}
          disabled={row.original.id === me?.id}
          onChange={(role) =>
            void act(() =>
              api.patch<User>(`/v1/users/${enc(row.original.id)}`, { role } satisfies UpdateUserRequest),
            )
          }
        />
      ),
    },
    dateColumn('lastSignIn', 'Last sign-in', (u) => u.lastSignInAt),
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
    dateColumn('created', 'Invited', (i) => i.createdAt),
    dateColumn('expires', 'Expires', (i) => i.expiresAt),
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

  if (!admin)
    return (
      <>
        <h1>Users</h1>
        <p className="error" role="alert">
          Only admins manage users.
        </p>
      </>
    );

  return (
    <>
      <h1>Users</h1>
      <ErrorMessage error={action.error} />
      <Loaded state={list} loading="Loading the users…">
        {(data) => (
          <>
            <DataTable caption="Users" data={data.users} columns={userColumns} getRowId={(u) => u.id} />
            <DataTable
              caption="Pending invitations"
              data={data.invitations}
              columns={invitationColumns}
              getRowId={(i) => i.id}
              empty="No pending invitation."
            />
          </>
        )}
      </Loaded>
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
