import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { getAccountLeaderboard } from '../api/accounts';
import type { AccountLeaderboardEntry, AccountStage } from '../api/types';
import { AccountStageBadge, AccountTier } from '../components/AccountScores';
import { DataTable } from '../components/DataTable';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, type SelectOption } from '../components/Field';
import { OffsetPager, useOffset } from '../components/Pager';
import { accountHref, num, text } from '../format';
import { useApi } from '../hooks/useApi';
import { useModelFilters } from '../hooks/useModelFilters';
import { useTitle } from '../hooks/useTitle';

const PAGE_SIZE = 50;
const POLL_MS = 5000;

/** An entry with its rank on the leaderboard (kept when the page is sorted by another column). */
type Ranked = AccountLeaderboardEntry & { rank: number };

const columns: ColumnDef<Ranked>[] = [
  { id: 'rank', header: 'Rank', accessorKey: 'rank' },
  {
    id: 'account',
    header: 'Account',
    accessorKey: 'account',
    cell: ({ row }) => <Link href={accountHref(row.original.account)}>{row.original.account}</Link>,
  },
  {
    id: 'total',
    header: 'Score',
    accessorFn: (entry) => entry.scores.total,
    cell: ({ row }) => num(row.original.scores.total),
  },
  {
    id: 'relativePercent',
    header: 'Relative %',
    accessorKey: 'relativePercent',
    cell: ({ row }) => `${num(row.original.relativePercent)} %`,
  },
  {
    id: 'tier',
    header: 'Tier',
    accessorFn: (entry) => entry.scores.tierName ?? entry.scores.tier ?? '',
    cell: ({ row }) => <AccountTier scores={row.original.scores} />,
  },
  {
    id: 'grade',
    header: 'Grade',
    accessorFn: (entry) => entry.scores.grade ?? '',
    cell: ({ row }) => text(row.original.scores.grade),
  },
  { id: 'members', header: 'Members', accessorFn: (entry) => entry.scores.members },
  {
    id: 'stage',
    header: 'Stage',
    accessorKey: 'stage',
    cell: ({ row }) => <AccountStageBadge stage={row.original.stage} />,
  },
];

const STAGE_OPTIONS: SelectOption<AccountStage | ''>[] = [
  { value: '', label: 'All stages' },
  { value: 'lead', label: 'lead' },
  { value: 'mqa', label: 'MQA (marketing-qualified)' },
];
const TIER_OPTIONS: SelectOption<string>[] = [{ value: '', label: 'All tiers' }, 'hot', 'warm', 'cold'];

const stageOf = (value: string | null): AccountStage | '' =>
  value === 'lead' || value === 'mqa' ? value : '';

/** The account leaderboard of a model: its accounts, highest total first, by stage and tier, paged. */
export function AccountsPage() {
  useTitle('Accounts');
  const { params, models, modelId, modelOptions, setFilter } = useModelFilters();
  const stage = stageOf(params.get('stage'));
  const tier = params.get('tier') ?? '';

  const viewKey = `${modelId}|${stage}|${tier}`;
  // The offset of the page shown: back to the first page when the view changes, kept while polling.
  const [offset, setOffset] = useOffset(viewKey);
  const [sorting, setSorting] = useState<SortingState>([]);

  const page = useApi(
    `${viewKey}|${offset}`,
    (signal) => getAccountLeaderboard(modelId, { stage, tier, limit: PAGE_SIZE, offset }, signal),
    { pollMs: POLL_MS, enabled: modelId !== '', keepData: true },
  );

  const entries = useMemo<Ranked[]>(
    () =>
      (page.data?.entries ?? []).map((entry, index) => ({ ...entry, rank: page.data!.offset + index + 1 })),
    [page.data],
  );

  return (
    <>
      <h1>Accounts</h1>
      <p className="hint">
        Companies, scored from their members’ engagement and the account’s own fit. An MQA is a
        marketing-qualified account.
      </p>
      <ErrorMessage error={models.error} />
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label="Account filters">
        <SelectField
          label="Model"
          value={modelId}
          options={modelOptions}
          onChange={(value) => setFilter('model', value)}
        />
        <SelectField
          label="Stage"
          value={stage}
          options={STAGE_OPTIONS}
          onChange={(value) => setFilter('stage', value)}
        />
        <SelectField
          label="Tier"
          value={tier}
          options={TIER_OPTIONS}
          onChange={(value) => setFilter('tier', value)}
        />
      </form>

      {models.status === 'ok' && models.data.models.length === 0 ? (
        <p>No model is applied yet. Apply one on the Models page.</p>
      ) : null}
      <ErrorMessage error={page.error} />
      {page.status === 'loading' && modelId ? (
        <p role="status" className="loading">
          Loading the accounts…
        </p>
      ) : null}
      {page.data ? (
        <>
          <p className="hint">
            {num(page.data.total, 0)} {page.data.total === 1 ? 'account' : 'accounts'}
            {stage || tier ? ' match these filters' : ' scored by this model'}.
          </p>
          <DataTable
            caption={`Accounts of model ${modelId}`}
            data={entries}
            columns={columns}
            sortable
            sorting={sorting}
            onSortingChange={setSorting}
            getRowId={(entry) => entry.account}
            empty={
              stage || tier
                ? 'No account matches these filters.'
                : 'No account is scored under this model yet (a model scores accounts in its accounts section).'
            }
          />
          <OffsetPager
            offset={page.data.offset}
            limit={page.data.limit}
            total={page.data.total}
            shown={entries.length}
            onChange={setOffset}
            label="accounts"
          />
          <p className="hint">Refreshes every 5 seconds while this tab is visible.</p>
        </>
      ) : null}
    </>
  );
}
