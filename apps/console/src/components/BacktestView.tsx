import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'wouter';
import type { ModelBacktest } from '../api/types';
import { contactHref, dateTime, num, percent } from '../format';
import { Card, Cards } from './Cards';
import { DataTable } from './DataTable';
import { dateColumn } from './columns';

type Side = ModelBacktest['live'];
type NewMql = ModelBacktest['newMql']['first'][number];
type Threshold = Side['outcomes']['thresholds'][number];

/** The new MQLs listed (the api sends up to 100). */
export const NEW_MQL_SHOWN = 10;
/** Deciles whose lift the comparison shows, highest scores first. */
export const LIFT_DECILES = 3;

interface ComparisonRow {
  metric: string;
  live: string;
  candidate: string;
}

const STAGES = ['lead', 'recycled', 'mql', 'sql'] as const;
const STAGE_LABEL: Record<(typeof STAGES)[number], string> = {
  lead: 'Lead',
  recycled: 'Recycled',
  mql: 'MQL',
  sql: 'SQL',
};

const newMqlColumns: ColumnDef<NewMql>[] = [
  {
    id: 'contact',
    header: 'Contact',
    accessorKey: 'contact',
    cell: ({ row }) => <Link href={contactHref(row.original.contact)}>{row.original.contact}</Link>,
  },
  dateColumn<NewMql>('at', 'MQL at', (row) => row.at),
];

const comparisonColumns = (live: Side, candidate: Side): ColumnDef<ComparisonRow>[] => [
  { id: 'metric', header: 'Measure', accessorKey: 'metric' },
  { id: 'live', header: `Live (version ${live.model.version})`, accessorKey: 'live' },
  { id: 'candidate', header: `Candidate (version ${candidate.model.version})`, accessorKey: 'candidate' },
];

/** Each side's figure at `threshold`, — where that side draws no line there. */
function atThreshold(side: Side, threshold: number, pick: (line: Threshold) => number | null): string {
  const line = side.outcomes.thresholds.find((t) => t.threshold === threshold);
  return line ? percent(pick(line)) : percent(null);
}

function decileLift(side: Side, decile: number): string {
  return num(side.outcomes.deciles.find((d) => d.decile === decile)?.lift ?? null);
}

/** The rows of the live-vs-candidate table. */
export function comparisonRows(backtest: ModelBacktest): ComparisonRow[] {
  const { live, candidate } = backtest;
  const both = (metric: string, value: (side: Side) => string): ComparisonRow => ({
    metric,
    live: value(live),
    candidate: value(candidate),
  });
  const thresholds = [
    ...new Set([...live.outcomes.thresholds, ...candidate.outcomes.thresholds].map((t) => t.threshold)),
  ].sort((a, b) => a - b);
  return [
    ...STAGES.map((stage) => both(`Contacts at ${STAGE_LABEL[stage]}`, (side) => num(side.stages[stage], 0))),
    both('Known outcomes', (side) => num(side.outcomes.known, 0)),
    both('Converted', (side) => num(side.outcomes.converted, 0)),
    both('ROC AUC', (side) => num(side.outcomes.rocAuc, 3)),
    ...thresholds.flatMap((threshold) => [
      both(`Precision at ${num(threshold)}`, (side) => atThreshold(side, threshold, (t) => t.precision)),
      both(`Recall at ${num(threshold)}`, (side) => atThreshold(side, threshold, (t) => t.recall)),
      both(`F1 at ${num(threshold)}`, (side) => atThreshold(side, threshold, (t) => t.f1)),
    ]),
    ...Array.from({ length: LIFT_DECILES }, (_, n) =>
      both(`Lift of decile ${n + 1}`, (side) => decileLift(side, n + 1)),
    ),
  ];
}

/** The answer of POST /v1/models/backtest: the candidate beside the live version on archived contacts. */
export function BacktestView({ backtest }: { backtest: ModelBacktest }) {
  const { live, candidate, period, moved, newMql, lostMql } = backtest;
  const shown = newMql.first.slice(0, NEW_MQL_SHOWN);
  return (
    <section className="panel backtest" aria-labelledby="backtest-heading">
      <h2 id="backtest-heading">
        Backtest of {backtest.modelId}: version {candidate.model.version} against live version{' '}
        {live.model.version}
      </h2>
      <p>
        Replayed{' '}
        {period.from ? (
          <>
            from <time dateTime={period.from}>{dateTime(period.from)}</time>{' '}
          </>
        ) : (
          'no archived events '
        )}
        until <time dateTime={period.until}>{dateTime(period.until)}</time>.
      </p>
      <Cards>
        <Card title="Contacts">{num(backtest.contacts, 0)}</Card>
        <Card title="Tier moved">{num(moved.tier, 0)}</Card>
        <Card title="Grade moved">{num(moved.grade, 0)}</Card>
        <Card title="Stage moved">{num(moved.stage, 0)}</Card>
        <Card title="New MQLs">{num(newMql.count, 0)}</Card>
        <Card title="Lost MQLs">{num(lostMql.count, 0)}</Card>
      </Cards>
      {backtest.truncated ? (
        <p className="hint" role="note">
          Truncated: the workspace has more archived contacts than one backtest replays; these figures are of
          the first {num(backtest.contacts, 0)} by key.
        </p>
      ) : null}
      {newMql.count > 0 ? (
        <DataTable
          caption={
            newMql.count > shown.length
              ? `First ${shown.length} of ${num(newMql.count, 0)} new MQLs`
              : `New MQLs (${num(newMql.count, 0)})`
          }
          data={shown}
          columns={newMqlColumns}
          getRowId={(row) => row.contact}
        />
      ) : null}
      <DataTable
        caption="Live vs candidate"
        data={comparisonRows(backtest)}
        columns={comparisonColumns(live, candidate)}
        getRowId={(row) => row.metric}
      />
    </section>
  );
}
