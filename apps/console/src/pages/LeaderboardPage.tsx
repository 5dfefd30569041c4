import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api, enc } from '../api/client';
import type { LeaderboardEntry, LeaderboardPage as Page, ModelList, ScoreStats } from '../api/types';
import { DataTable } from '../components/DataTable';
import { ErrorMessage } from '../components/ErrorMessage';
import { contactHref, dateTime, num, text } from '../format';
import { useApi } from '../hooks/useApi';
import { useTitle } from '../hooks/useTitle';

export const TIERS = ['hot', 'warm', 'cold'] as const;
export const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const STAGES = ['lead', 'mql', 'sql', 'recycled'] as const;
const PAGE_SIZE = 50;
const POLL_MS = 5000;

const columns: ColumnDef<LeaderboardEntry>[] = [
  {
    id: 'contact',
    header: 'Contact',
    accessorKey: 'contact',
    cell: ({ row }) => <Link href={contactHref(row.original.contact)}>{row.original.contact}</Link>,
  },
  { id: 'total', header: 'Score', accessorKey: 'total', cell: ({ row }) => num(row.original.total) },
  {
    id: 'relativePercent',
    header: 'Relative %',
    accessorKey: 'relativePercent',
    cell: ({ row }) => `${num(row.original.relativePercent)} %`,
  },
  {
    id: 'tier',
    header: 'Tier',
    accessorFn: (entry) => entry.tier ?? '',
    cell: ({ row }) =>
      row.original.tier ? (
        <span className={`badge tier-${row.original.tier}`}>{row.original.tier}</span>
      ) : (
        '—'
      ),
  },
  {
    id: 'grade',
    header: 'Grade',
    accessorFn: (entry) => entry.grade ?? '',
    cell: ({ row }) => text(row.original.grade),
  },
  { id: 'stage', header: 'Stage', accessorKey: 'stage' },
  { id: 'modelVersion', header: 'Model version', accessorKey: 'modelVersion' },
  {
    id: 'updatedAt',
    header: 'Last activity',
    accessorKey: 'updatedAt',
    cell: ({ row }) => <time dateTime={row.original.updatedAt}>{dateTime(row.original.updatedAt)}</time>,
  },
];

function Stats({ stats, partial }: { stats: ScoreStats; partial: boolean }) {
  return (
    <section aria-labelledby="stats-heading" className="stats">
      <h2 id="stats-heading" className="visually-hidden">
        Statistics
      </h2>
      <dl className="cards">
        <div className="card">
          <dt>Contacts scored</dt>
          <dd>{num(stats.count, 0)}</dd>
        </div>
        <div className="card">
          <dt>Top score</dt>
          <dd>
            {stats.top ? (
              <>
                {num(stats.top.total)}{' '}
                <span className="hint">
                  (<Link href={contactHref(stats.top.contact)}>{stats.top.contact}</Link>)
                </span>
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div className="card">
          <dt>Median score</dt>
          <dd>{num(stats.median)}</dd>
        </div>
        <div className="card">
          <dt>Lowest score</dt>
          <dd>{num(stats.min)}</dd>
        </div>
      </dl>
      <p className="hint">
        Statistics as of <time dateTime={stats.asOf}>{dateTime(stats.asOf)}</time>.
        {partial ? ' Few contacts matched the filters on this page; the next page goes on.' : ''}
      </p>
    </section>
  );
}

export function LeaderboardPage() {
  useTitle('Leaderboard');
  const [params, setParams] = useSearchParams();
  const models = useApi('models', (signal) => api.get<ModelList>('/v1/models', undefined, signal));
  const modelId = params.get('model') ?? models.data?.models[0]?.id ?? '';
  const tier = params.get('tier') ?? '';
  const grade = params.get('grade') ?? '';
  const stage = params.get('stage') ?? '';

  const viewKey = `${modelId}|${tier}|${grade}|${stage}`;
  // Cursors of the pages walked so far; the last is the page shown (null: the first page).
  const [walk, setWalk] = useState<{ key: string; cursors: (string | null)[] }>({
    key: viewKey,
    cursors: [null],
  });
  const cursors = walk.key === viewKey ? walk.cursors : [null];
  const cursor = cursors[cursors.length - 1] ?? null;

  const page = useApi(
    `${viewKey}|${cursor ?? ''}`,
    (signal) =>
      api.get<Page>(
        `/v1/models/${enc(modelId)}/leaderboard`,
        { limit: PAGE_SIZE, tier, grade, stage, cursor },
        signal,
      ),
    { pollMs: POLL_MS, enabled: modelId !== '' },
  );

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'model' && !next.get('model') && modelId) next.set('model', modelId);
    setParams(next, { replace: true });
  };

  const entries = useMemo(() => page.data?.entries ?? [], [page.data]);

  return (
    <>
      <h1>Leaderboard</h1>
      <ErrorMessage error={models.error} />
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label="Leaderboard filters">
        <div className="field">
          <label htmlFor="lb-model">Model</label>
          <select id="lb-model" value={modelId} onChange={(event) => setFilter('model', event.target.value)}>
            {models.data?.models.length === 0 ? <option value="">No models yet</option> : null}
            {models.data?.models.map((model) => (
              <option key={model.id} value={model.id}>
                {model.name} ({model.id} v{model.version})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="lb-tier">Tier</label>
          <select id="lb-tier" value={tier} onChange={(event) => setFilter('tier', event.target.value)}>
            <option value="">All tiers</option>
            {TIERS.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="lb-grade">Grade</label>
          <select id="lb-grade" value={grade} onChange={(event) => setFilter('grade', event.target.value)}>
            <option value="">All grades</option>
            {GRADES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="lb-stage">Stage</label>
          <select id="lb-stage" value={stage} onChange={(event) => setFilter('stage', event.target.value)}>
            <option value="">All stages</option>
            {STAGES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </div>
      </form>

      {models.status === 'ok' && models.data.models.length === 0 ? (
        <p>No model is applied yet. Apply one on the Models page.</p>
      ) : null}
      <ErrorMessage error={page.error} />
      {page.data ? <Stats stats={page.data.stats} partial={page.data.partial} /> : null}
      {page.status === 'loading' && modelId ? (
        <p role="status" className="loading">
          Loading the leaderboard…
        </p>
      ) : null}
      {page.data ? (
        <>
          <DataTable
            caption={`Leaderboard of model ${modelId}`}
            data={entries}
            columns={columns}
            sortable
            getRowId={(entry) => entry.contact}
            empty="No contact matches these filters."
          />
          <div className="pager">
            <button
              type="button"
              disabled={cursors.length <= 1}
              onClick={() => setWalk({ key: viewKey, cursors: cursors.slice(0, -1) })}
            >
              Previous page
            </button>
            <span className="hint">Page {cursors.length}</span>
            <button
              type="button"
              disabled={!page.data.nextCursor}
              onClick={() => {
                const nextCursor = page.data?.nextCursor;
                if (nextCursor) setWalk({ key: viewKey, cursors: [...cursors, nextCursor] });
              }}
            >
              Next page
            </button>
          </div>
          <p className="hint">Refreshes every 5 seconds while this tab is visible.</p>
        </>
      ) : null}
    </>
  );
}
