import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'wouter';
import { api } from '../api/client';
import type { ModelList, ModelVersion } from '../api/types';
import { DataTable } from '../components/DataTable';
import { dateColumn } from '../components/columns';
import { Loaded } from '../components/Loaded';
import { text } from '../format';
import { useApi } from '../hooks/useApi';
import { useTitle } from '../hooks/useTitle';
import { useSession } from '../session/SessionContext';

export function ModelsPage() {
  useTitle('Models');
  const { can } = useSession();
  const models = useApi('models', (signal) => api.get<ModelList>('/v1/models', undefined, signal));
  const editable = can('applyModels');

  const columns: ColumnDef<ModelVersion>[] = [
    { id: 'id', header: 'Id', accessorKey: 'id', cell: ({ row }) => <code>{row.original.id}</code> },
    { id: 'name', header: 'Name', accessorKey: 'name' },
    { id: 'version', header: 'Live version', accessorKey: 'version' },
    dateColumn('appliedAt', 'Applied', (m) => m.appliedAt),
    { id: 'appliedBy', header: 'Applied by', accessorFn: (m) => text(m.appliedBy) },
    {
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => (
        <span className="row-actions">
          <Link href={`/models/${encodeURIComponent(row.original.id)}/edit`}>
            {editable ? 'Edit' : 'View'} {row.original.id}
          </Link>{' '}
          <Link href={`/?model=${encodeURIComponent(row.original.id)}`}>Leaderboard</Link>
        </span>
      ),
    },
  ];

  return (
    <>
      <h1>Models</h1>
      {editable ? (
        <p>
          <Link href="/models/new" className="button primary">
            New model
          </Link>
        </p>
      ) : null}
      <Loaded state={models} loading="Loading the models…">
        {(data) => (
          <DataTable
            caption="Models and their live versions"
            data={data.models}
            columns={columns}
            sortable
            getRowId={(model) => model.id}
            empty="No model yet."
          />
        )}
      </Loaded>
    </>
  );
}
