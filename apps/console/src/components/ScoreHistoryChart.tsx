import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { ScoreCause, ScoreChange } from '../api/types';
import { dateTime, num } from '../format';
import { Chart } from './Chart';
import { DataTable } from './DataTable';

/** Changes made by time passing rather than by an event: shown as markers on the total. */
export const TIME_EFFECT_CAUSES: ReadonlySet<ScoreCause> = new Set([
  'decay',
  'expiry',
  'absence',
  'inactivity',
]);

/** uPlot's columns: time (seconds), total, fit, engagement, and the total again where time changed it. */
export function historySeries(changes: ScoreChange[]): uPlot.AlignedData {
  const sorted = [...changes].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  return [
    sorted.map((change) => Date.parse(change.time) / 1000),
    sorted.map((change) => change.total),
    sorted.map((change) => change.fit),
    sorted.map((change) => change.engagement),
    sorted.map((change) => (TIME_EFFECT_CAUSES.has(change.cause) ? change.total : null)),
  ];
}

const noLine: uPlot.Series.PathBuilder = () => null;

function chartOptions(): Omit<uPlot.Options, 'width' | 'height'> {
  return {
    legend: { show: true },
    cursor: { drag: { x: true, y: false } },
    scales: { x: { time: true } },
    series: [
      {},
      { label: 'Total', stroke: '#1d4ed8', width: 2 },
      { label: 'Fit', stroke: '#047857', width: 1.5, dash: [6, 3] },
      { label: 'Engagement', stroke: '#b45309', width: 1.5 },
      {
        label: 'Decay steps',
        stroke: '#b91c1c',
        fill: '#b91c1c',
        paths: noLine,
        points: { show: true, size: 8, stroke: '#b91c1c', fill: '#fff', width: 2 },
      },
    ],
    axes: [{}, { label: 'points' }],
  };
}

const columns: ColumnDef<ScoreChange>[] = [
  { id: 'time', header: 'Time', accessorKey: 'time', cell: ({ row }) => dateTime(row.original.time) },
  { id: 'cause', header: 'Cause', accessorKey: 'cause' },
  { id: 'total', header: 'Total', accessorKey: 'total', cell: ({ row }) => num(row.original.total) },
  { id: 'fit', header: 'Fit', accessorKey: 'fit', cell: ({ row }) => num(row.original.fit) },
  {
    id: 'engagement',
    header: 'Engagement',
    accessorKey: 'engagement',
    cell: ({ row }) => num(row.original.engagement),
  },
  { id: 'tier', header: 'Tier', accessorFn: (c) => c.tier ?? '—' },
  { id: 'version', header: 'Model version', accessorKey: 'modelVersion' },
];

export function ScoreHistoryChart({
  contact,
  model,
  changes,
}: {
  contact: string;
  model: string;
  changes: ScoreChange[];
}) {
  const data = useMemo(() => historySeries(changes), [changes]);
  const options = useMemo(chartOptions, []);
  const decaySteps = changes.filter((change) => TIME_EFFECT_CAUSES.has(change.cause)).length;
  return (
    <figure className="chart-figure">
      <Chart
        ariaLabel={`Score history of ${contact} under model ${model}: total, fit and engagement over time, ${changes.length} changes, ${decaySteps} of them decay steps`}
        options={options}
        data={data}
      />
      <figcaption className="hint">
        Lines: total (solid blue), fit (dashed green), engagement (orange). Circles: changes by decay, expiry,
        absence or inactivity.
      </figcaption>
      <details>
        <summary>Show the data as a table</summary>
        <DataTable caption={`Score changes under model ${model}`} data={changes} columns={columns} />
      </details>
    </figure>
  );
}
