import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { api, enc } from '../api/client';
import type { LeaderboardEntry, LeaderboardPage as Page, ScoreStats } from '../api/types';
import { Card, Cards } from '../components/Cards';
import { dateColumn } from '../components/columns';
import { DataTable } from '../components/DataTable';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, type SelectOption } from '../components/Field';
import { Pager, useCursorWalk } from '../components/Pager';
import { contactHref, dateTime, num, text } from '../format';
import { useApi } from '../hooks/useApi';
import { useModelFilters } from '../hooks/useModelFilters';
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
  dateColumn('updatedAt', 'Last activity', (entry) => entry.updatedAt),
];

function Stats({ stats, partial }: { stats: ScoreStats; partial: boolean }) {
  return (
    <section aria-labelledby="stats-heading" className="stats">
      <h2 id="stats-heading" className="visually-hidden">
        Statistics
      </h2>
      <Cards>
        <Card title="Contacts scored">{num(stats.count, 0)}</Card>
        <Card title="Top score">
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
        </Card>
        <Card title="Median score">{num(stats.median)}</Card>
        <Card title="Lowest score">{num(stats.min)}</Card>
      </Cards>
      <p className="hint">
        Statistics as of <time dateTime={stats.asOf}>{dateTime(stats.asOf)}</time>.
        {partial ? ' Few contacts matched the filters on this page; the next page goes on.' : ''}
      </p>
    </section>
  );
}

/** "All tiers" and the like first: the empty value, no filter. */
const anyOf = (label: string, values: readonly string[]): SelectOption<string>[] => [
  { value: '', label },
  ...values,
];
/** The filters besides the model: query parameter, label, choices. */
const FILTERS = [
  { name: 'tier', label: 'Tier', options: anyOf('All tiers', TIERS) },
  { name: 'grade', label: 'Grade', options: anyOf('All grades', GRADES) },
  { name: 'stage', label: 'Stage', options: anyOf('All stages', STAGES) },
] as const;

export function LeaderboardPage() {
  useTitle('Leaderboard');
  const { params, models, modelId, modelOptions, setFilter } = useModelFilters();
  const filters = {
    tier: params.get('tier') ?? '',
    grade: params.get('grade') ?? '',
    stage: params.get('stage') ?? '',
  };
  const { tier, grade, stage } = filters;

  const viewKey = `${modelId}|${tier}|${grade}|${stage}`;
  // The cursors walked so far: back to the first page when the view changes, kept while polling.
  const walk = useCursorWalk(viewKey);
  const { cursor } = walk;
  // The table's sort (within the page), kept across polls, pages and filters.
  const [sorting, setSorting] = useState<SortingState>([]);

  const page = useApi(
    `${viewKey}|${cursor ?? ''}`,
    (signal) =>
      api.get<Page>(
        `/v1/models/${enc(modelId)}/leaderboard`,
        { limit: PAGE_SIZE, tier, grade, stage, cursor },
        signal,
      ),
    { pollMs: POLL_MS, enabled: modelId !== '', keepData: true },
  );

  const entries = useMemo(() => page.data?.entries ?? [], [page.data]);

  return (
    <>
      <h1>Leaderboard</h1>
      <ErrorMessage error={models.error} />
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label="Leaderboard filters">
        <SelectField
          label="Model"
          value={modelId}
          options={modelOptions}
          onChange={(value) => setFilter('model', value)}
        />
        {FILTERS.map((filter) => (
          <SelectField
            key={filter.name}
            label={filter.label}
            value={filters[filter.name]}
            options={filter.options}
            onChange={(value) => setFilter(filter.name, value)}
          />
        ))}
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
            sorting={sorting}
            onSortingChange={setSorting}
            getRowId={(entry) => entry.contact}
            empty="No contact matches these filters."
          />
          <Pager walk={walk} nextCursor={page.data.nextCursor} />
          <p className="hint">Refreshes every 5 seconds while this tab is visible.</p>
        </>
      ) : null}
    </>
  );
}
