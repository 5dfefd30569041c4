import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { api, enc } from '../api/client';
import type { ApiKey, CreateKeyRequest, KeyCreated, KeyList } from '../api/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { DataTable } from '../components/DataTable';
import { SecretDialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field, SelectField, type SelectOption } from '../components/Field';
import { Loaded } from '../components/Loaded';
import { SubmitRow } from '../components/SubmitRow';
import { dateColumn } from '../components/columns';
import { text } from '../format';
import { useApi } from '../hooks/useApi';
import { useSubmit } from '../hooks/useSubmit';
import { useTitle } from '../hooks/useTitle';
import { useSession } from '../session/SessionContext';

type Scope = ApiKey['scopes'][number];
const SCOPES: readonly Scope[] = ['events:write', 'read', 'models:write', 'admin'];

const KINDS: readonly SelectOption<CreateKeyRequest['kind']>[] = [
  { value: 'secret', label: 'secret (server to server)' },
  { value: 'publishable', label: 'publishable (web pages: events:write only)' },
];

function CreateKeyForm({ onCreated }: { onCreated: (created: KeyCreated) => void }) {
  const [kind, setKind] = useState<CreateKeyRequest['kind']>('secret');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [name, setName] = useState('');
  const submit = useSubmit();
  return (
    <form
      className="panel stack"
      onSubmit={submit.onSubmit(async () => {
        const body: CreateKeyRequest = { kind };
        if (scopes.length) body.scopes = scopes;
        if (name.trim()) body.name = name.trim();
        onCreated(await api.post<KeyCreated>('/v1/keys', body));
        setName('');
        setScopes([]);
      })}
      aria-labelledby="create-key-heading"
    >
      <h2 id="create-key-heading">New key</h2>
      <SelectField label="Kind" value={kind} options={KINDS} onChange={setKind} />
      <fieldset>
        <legend>Scopes (default: events:write, plus read for secret keys)</legend>
        {SCOPES.map((scope) => (
          <label key={scope} className="check">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              disabled={kind === 'publishable' && scope !== 'events:write'}
              onChange={(event) =>
                setScopes(event.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))
              }
            />{' '}
            {scope}
          </label>
        ))}
      </fieldset>
      <Field label="Name" value={name} onChange={setName} />
      <SubmitRow submit={submit} label="Create key" />
    </form>
  );
}

export function KeysPage() {
  useTitle('API keys');
  const { can } = useSession();
  const admin = can('admin');
  const keys = useApi('keys', (signal) => api.get<KeyList>('/v1/keys', undefined, signal));
  // The key itself (only its hash is stored): kept only while its dialog is open.
  const [created, setCreated] = useState<KeyCreated | null>(null);
  const action = useSubmit();

  const revoke = (key: ApiKey) =>
    action.run(async () => {
      await api.delete<ApiKey>(`/v1/keys/${enc(key.id)}`);
      keys.reload();
    });

  const columns: ColumnDef<ApiKey>[] = [
    { id: 'name', header: 'Name', accessorFn: (k) => text(k.name) },
    { id: 'kind', header: 'Kind', accessorKey: 'kind' },
    {
      id: 'prefix',
      header: 'Prefix',
      accessorKey: 'prefix',
      cell: ({ row }) => <code>{row.original.prefix}</code>,
    },
    { id: 'scopes', header: 'Scopes', accessorFn: (k) => k.scopes.join(', ') },
    dateColumn('created', 'Created', (k) => k.createdAt),
    dateColumn('lastUsed', 'Last used', (k) => k.lastUsedAt),
    dateColumn('revoked', 'Revoked', (k) => k.revokedAt),
    {
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) =>
        admin && !row.original.revokedAt ? (
          <ConfirmButton
            label={`Revoke ${row.original.name ?? row.original.prefix}`}
            question={`Revoke ${row.original.prefix}? Requests with it fail from now on.`}
            confirmLabel="Yes, revoke"
            onConfirm={() => revoke(row.original)}
          />
        ) : null,
    },
  ];

  return (
    <>
      <h1>API keys</h1>
      <ErrorMessage error={action.error} />
      <Loaded state={keys} loading="Loading the keys…">
        {(data) => (
          <DataTable
            caption="API keys"
            data={data.keys}
            columns={columns}
            getRowId={(k) => k.id}
            empty="No key."
          />
        )}
      </Loaded>
      {admin ? (
        <CreateKeyForm
          onCreated={(result) => {
            setCreated(result);
            keys.reload();
          }}
        />
      ) : null}
      {created ? (
        <SecretDialog
          title="Key created"
          label="API key"
          secret={created.key}
          note="Copy the key now: only its hash is stored, it is not shown again."
          onClose={() => setCreated(null)}
        />
      ) : null}
    </>
  );
}
