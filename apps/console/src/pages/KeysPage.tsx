import type { ColumnDef } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import { api, enc } from '../api/client';
import type { ApiKey, CreateKeyRequest, KeyCreated, KeyList } from '../api/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { DataTable } from '../components/DataTable';
import { SecretDialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { dateTime, text } from '../format';
import { useApi } from '../hooks/useApi';
import { useTitle } from '../hooks/useTitle';
import { useSession } from '../session/SessionContext';

type Scope = ApiKey['scopes'][number];
const SCOPES: readonly Scope[] = ['events:write', 'read', 'models:write', 'admin'];

function CreateKeyForm({ onCreated }: { onCreated: (created: KeyCreated) => void }) {
  const [kind, setKind] = useState<CreateKeyRequest['kind']>('secret');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body: CreateKeyRequest = { kind };
    if (scopes.length) body.scopes = scopes;
    if (name.trim()) body.name = name.trim();
    try {
      onCreated(await api.post<KeyCreated>('/v1/keys', body));
      setName('');
      setScopes([]);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form
      className="panel stack"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="create-key-heading"
    >
      <h2 id="create-key-heading">New key</h2>
      <label htmlFor="key-kind">Kind</label>
      <select
        id="key-kind"
        value={kind}
        onChange={(event) => setKind(event.target.value as CreateKeyRequest['kind'])}
      >
        <option value="secret">secret (server to server)</option>
        <option value="publishable">publishable (web pages: events:write only)</option>
      </select>
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
      <label htmlFor="key-name">Name</label>
      <input id="key-name" value={name} onChange={(event) => setName(event.target.value)} />
      <ErrorMessage error={error} />
      <div>
        <button type="submit" className="primary">
          Create key
        </button>
      </div>
    </form>
  );
}

export function KeysPage() {
  useTitle('API keys');
  const { can } = useSession();
  const admin = can('admin');
  const keys = useApi('keys', (signal) => api.get<KeyList>('/v1/keys', undefined, signal));
  const [created, setCreated] = useState<KeyCreated | null>(null);
  const [error, setError] = useState<unknown>(null);

  const revoke = async (key: ApiKey) => {
    setError(null);
    try {
      await api.delete<ApiKey>(`/v1/keys/${enc(key.id)}`);
      keys.reload();
    } catch (caught) {
      setError(caught);
    }
  };

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
    { id: 'created', header: 'Created', accessorFn: (k) => dateTime(k.createdAt) },
    { id: 'lastUsed', header: 'Last used', accessorFn: (k) => dateTime(k.lastUsedAt) },
    { id: 'revoked', header: 'Revoked', accessorFn: (k) => dateTime(k.revokedAt) },
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
      <ErrorMessage error={keys.error} />
      <ErrorMessage error={error} />
      {keys.data ? (
        <DataTable
          caption="API keys"
          data={keys.data.keys}
          columns={columns}
          getRowId={(k) => k.id}
          empty="No key."
        />
      ) : null}
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
