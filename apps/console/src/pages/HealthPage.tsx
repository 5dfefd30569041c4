import type { ColumnDef } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import type uPlot from 'uplot';
import { api } from '../api/client';
import type { PipelineHealth } from '../api/types';
import { Chart } from '../components/Chart';
import { DataTable } from '../components/DataTable';
import { Card, Cards } from '../components/Cards';
import { Loaded } from '../components/Loaded';
import { dateTime, num, percent } from '../format';
import { useApi } from '../hooks/useApi';
import { useTitle } from '../hooks/useTitle';

const POLL_MS = 5000;
/** Samples kept for the chart: 30 minutes at one per 5 s. */
const MAX_SAMPLES = 360;

interface Sample {
  at: number;
  eventsIn: number | null;
  scoresChanged: number | null;
}

const lagColumns: ColumnDef<PipelineHealth['consumerLag'][number]>[] = [
  { id: 'group', header: 'Consumer group', accessorKey: 'group' },
  { id: 'lag', header: 'Lag (messages)', accessorKey: 'lag', cell: ({ row }) => num(row.original.lag, 0) },
];

const chartOptions: Omit<uPlot.Options, 'width' | 'height'> = {
  scales: { x: { time: true } },
  series: [
    {},
    { label: 'Events in/s', stroke: '#1d4ed8', width: 2, spanGaps: false },
    { label: 'Scores changed/s', stroke: '#b45309', width: 2, spanGaps: false },
  ],
  axes: [{}, { label: 'per second' }],
};

function Figure({ title, value, detail }: { title: string; value: string; detail?: string }) {
  return (
    <Card title={title}>
      <span className="big">{value}</span>
      {detail ? <span className="hint"> {detail}</span> : null}
    </Card>
  );
}

export function HealthPage() {
  useTitle('Pipeline health');
  const health = useApi(
    'health',
    (signal) => api.get<PipelineHealth>('/v1/pipeline/health', undefined, signal),
    { pollMs: POLL_MS },
  );
  const [samples, setSamples] = useState<Sample[]>([]);

  const latest = health.data;
  useEffect(() => {
    if (!latest) return;
    const { at, eventsInPerSecond, scoresChangedPerSecond } = latest;
    const time = Date.parse(at) / 1000;
    setSamples((previous) =>
      previous.length && previous[previous.length - 1]?.at === time
        ? previous
        : [
            ...previous,
            { at: time, eventsIn: eventsInPerSecond, scoresChanged: scoresChangedPerSecond },
          ].slice(-MAX_SAMPLES),
    );
  }, [latest]);

  const chartData = useMemo<uPlot.AlignedData>(
    () => [samples.map((s) => s.at), samples.map((s) => s.eventsIn), samples.map((s) => s.scoresChanged)],
    [samples],
  );

  return (
    <>
      <h1>Pipeline health</h1>
      <p className="hint">Refreshes every 5 seconds while this tab is visible.</p>
      <Loaded state={health} loading="Loading the pipeline health…">
        {(data) => (
          <>
            <p className="hint">
              As of <time dateTime={data.at}>{dateTime(data.at)}</time>. Rates show “—” until the api has two
              samples.
            </p>
            <section aria-labelledby="throughput-heading">
              <h2 id="throughput-heading">Throughput</h2>
              <Cards>
                <Figure title="Events in per second" value={num(data.eventsInPerSecond)} />
                <Figure title="Scores changed per second" value={num(data.scoresChangedPerSecond)} />
                <Figure
                  title="Dead letters"
                  value={num(data.deadLetters.total, 0)}
                  detail={`(${num(data.deadLetters.perSecond)} per second)`}
                />
                <Figure
                  title="Webhook success ratio"
                  value={percent(data.webhooks.successRatio)}
                  detail={`(${num(data.webhooks.delivered, 0)} delivered, ${num(data.webhooks.failed, 0)} failed)`}
                />
                <Figure
                  title="Decay runs"
                  value={num(data.decayRuns.total, 0)}
                  detail={`(last run ${dateTime(data.decayRuns.lastAt)})`}
                />
              </Cards>
            </section>
            <section aria-labelledby="services-heading">
              <h2 id="services-heading">Services</h2>
              {/* Announced politely when a service goes up or down (the text of the others stays the same). */}
              <ul className="services" aria-live="polite">
                {data.services.map((service) => (
                  <li key={service.name} className={service.up ? 'up' : 'down'}>
                    <span aria-hidden="true">{service.up ? '●' : '✕'}</span> {service.name}:{' '}
                    {service.up ? 'up' : 'down'}
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="lag-heading">
              <h2 id="lag-heading">Consumer lag</h2>
              <DataTable
                caption="Consumer lag per group"
                hideCaption
                data={data.consumerLag}
                columns={lagColumns}
              />
            </section>
            <section aria-labelledby="rates-heading">
              <h2 id="rates-heading">Rates while this page is open</h2>
              <Chart
                ariaLabel={`Events in per second and scores changed per second over the last ${samples.length} samples`}
                options={chartOptions}
                data={chartData}
                height={200}
              />
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}
