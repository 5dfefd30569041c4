import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { api, enc } from '../api/client';
import type {
  ContactErased,
  ContactLifecycle,
  ContactModelScore,
  ContactScoreHistory,
  ContactScores,
  ContactTimeline,
  Contribution,
  LifecycleDelivery,
  LifecycleTransition,
  PredictiveContribution,
  TimelineEvent,
} from '../api/types';
import { Card, Cards } from '../components/Cards';
import { dateColumn } from '../components/columns';
import { ConfirmButton } from '../components/ConfirmButton';
import { DataTable } from '../components/DataTable';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loaded } from '../components/Loaded';
import { ScoreHistoryChart } from '../components/ScoreHistoryChart';
import { dateTime, decodeSegment, num, text } from '../format';
import { useApi } from '../hooks/useApi';
import { useSubmit } from '../hooks/useSubmit';
import { useTitle } from '../hooks/useTitle';
import { useSession } from '../session/SessionContext';

const contributionColumns: ColumnDef<Contribution>[] = [
  { id: 'rule', header: 'Rule', accessorKey: 'ruleId' },
  { id: 'kind', header: 'Kind', accessorKey: 'kind' },
  // A `group:<id>` row is the group's own clip at its limit (models with score groups).
  { id: 'group', header: 'Group', accessorFn: (c) => c.group ?? '—' },
  { id: 'points', header: 'Points', accessorKey: 'points', cell: ({ row }) => num(row.original.points) },
  { id: 'event', header: 'Latest award from event', accessorFn: (c) => c.eventId ?? '—' },
];

const predictiveColumns: ColumnDef<PredictiveContribution>[] = [
  { id: 'feature', header: 'Feature', accessorKey: 'feature' },
  { id: 'input', header: 'Input', accessorKey: 'input', cell: ({ row }) => num(row.original.input) },
  {
    id: 'logOdds',
    header: 'Log-odds',
    accessorKey: 'logOdds',
    cell: ({ row }) => num(row.original.logOdds),
  },
];

const timelineColumns: ColumnDef<TimelineEvent>[] = [
  dateColumn('time', 'Time', (event) => event.time),
  { id: 'type', header: 'Event type', accessorKey: 'type' },
  {
    id: 'points',
    header: 'Points per model',
    cell: ({ row }) =>
      row.original.scores.length === 0 ? (
        'none'
      ) : (
        <ul className="plain">
          {row.original.scores.map((score) => (
            <li key={score.model}>
              {score.model}: {score.points > 0 ? '+' : ''}
              {num(score.points)}
            </li>
          ))}
        </ul>
      ),
  },
  {
    id: 'rules',
    header: 'Rules',
    cell: ({ row }) => {
      const rules = row.original.scores.flatMap((score) =>
        score.rules.map((rule) => `${score.model}/${rule}`),
      );
      return rules.length ? rules.join(', ') : '—';
    },
  },
];

const transitionColumns: ColumnDef<LifecycleTransition>[] = [
  dateColumn('at', 'Time', (transition) => transition.at),
  { id: 'model', header: 'Model', accessorKey: 'model' },
  { id: 'kind', header: 'Kind', accessorKey: 'kind' },
  // A named tier shows with the cold, warm or hot it counts as.
  {
    id: 'from',
    header: 'From',
    accessorFn: (t) => (t.fromName ? `${t.fromName} (${t.from})` : t.from),
  },
  { id: 'to', header: 'To', accessorFn: (t) => (t.toName ? `${t.toName} (${t.to})` : t.to) },
  { id: 'sequence', header: 'Score change no.', accessorKey: 'sequence' },
];

const deliveryColumns: ColumnDef<LifecycleDelivery>[] = [
  dateColumn('created', 'Created', (delivery) => delivery.createdAt),
  { id: 'event', header: 'Event type', accessorKey: 'eventType' },
  { id: 'status', header: 'Status', accessorKey: 'status' },
  dateColumn('delivered', 'Delivered', (delivery) => delivery.deliveredAt),
  {
    id: 'subscription',
    header: 'Webhook',
    accessorKey: 'subscriptionId',
    cell: ({ row }) => <Link href="/webhooks">{row.original.subscriptionId}</Link>,
  },
  { id: 'webhookId', header: 'webhook-id', accessorKey: 'webhookId' },
];

function ModelScoreCard({ score }: { score: ContactModelScore }) {
  const now = score.now;
  const headingId = `model-${score.modelId}`;
  return (
    <article className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Model {score.modelId}</h3>
      <Cards>
        <Card title="Total">{num(now.total)}</Card>
        <Card title="Fit">{num(now.fit)}</Card>
        <Card title="Engagement">{num(now.engagement)}</Card>
        <Card title="Tier">{now.tierName ? `${now.tierName} (${text(now.tier)})` : text(now.tier)}</Card>
        <Card title="Grade">{text(now.grade)}</Card>
        <Card title="Stage">{text(score.stage)}</Card>
        <Card title="Relative">{score.relative ? `${num(score.relative.percent)} %` : '—'}</Card>
        {now.probability === undefined ? null : (
          <Card title="Probability">{`${num(now.probability)} %`}</Card>
        )}
      </Cards>
      <p className="hint">
        Now (as of {dateTime(now.at)}, version {score.liveVersion}); stored total {num(score.stored.total)}{' '}
        (version {score.modelVersion}, {dateTime(score.stored.at)}).
      </p>
      <DataTable
        caption={`Explanation: points per rule under ${score.modelId}`}
        data={score.contributions}
        columns={contributionColumns}
        empty="No rule gives points now."
      />
      {score.predictiveContributions ? (
        <DataTable
          caption={`Predictive score: what moves the probability under ${score.modelId}`}
          data={score.predictiveContributions}
          columns={predictiveColumns}
          empty="No feature moves the probability."
        />
      ) : null}
      {score.sinceLastWrite.length > 0 ? (
        <>
          <h4>Due since the last write</h4>
          <ul>
            {score.sinceLastWrite.map((effect, index) => (
              <li key={`${effect.ruleId}-${index}`}>
                {effect.ruleId} ({effect.kind}) {effect.outcome}: {num(effect.points)} at{' '}
                {dateTime(effect.at)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {score.waitingAbsences.length > 0 ? (
        <>
          <h4>Absences waiting</h4>
          <ul>
            {score.waitingAbsences.map((absence) => (
              <li key={`${absence.ruleId}-${absence.triggerEventId}`}>
                {absence.ruleId}: penalty due {dateTime(absence.dueAt)} unless the follow-up comes
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {score.frequencyCounts.length > 0 ? (
        <>
          <h4>Counting</h4>
          <ul>
            {score.frequencyCounts.map((count) => (
              <li key={count.ruleId}>
                {count.ruleId}: {count.count}
                {count.orMore ? ' or more' : ''} in {num(count.withinDays)} days,{' '}
                {count.range ? `worth ${num(count.range.points)}` : 'in no range'}
                {count.oldestLeavesAt ? `; the oldest leaves ${dateTime(count.oldestLeavesAt)}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

function ModelHistory({ contact, model }: { contact: string; model: string }) {
  const history = useApi(`${contact}|${model}`, (signal) =>
    api.get<ContactScoreHistory>(`/v1/contacts/${enc(contact)}/history`, { model }, signal),
  );
  const nothing = `Nothing archived yet for this contact under ${model}.`;
  return (
    <section aria-labelledby={`history-${model}`} className="panel">
      <h3 id={`history-${model}`}>Score history: {model}</h3>
      <Loaded state={history} loading="Loading the history…" missing={nothing}>
        {(data) =>
          data.changes.length === 0 ? (
            <p className="calm">{nothing}</p>
          ) : (
            <ScoreHistoryChart contact={contact} model={model} changes={data.changes} />
          )
        }
      </Loaded>
    </section>
  );
}

export function ContactPage() {
  const params = useParams<{ contact: string }>();
  const contact = decodeSegment(params.contact);
  useTitle(`Contact ${contact}`);
  const { can } = useSession();
  const [erased, setErased] = useState<ContactErased | null>(null);
  const erasing = useSubmit();

  const scores = useApi(`scores|${contact}`, (signal) =>
    api.get<ContactScores>(`/v1/contacts/${enc(contact)}`, undefined, signal),
  );
  const timeline = useApi(`timeline|${contact}`, (signal) =>
    api.get<ContactTimeline>(`/v1/contacts/${enc(contact)}/timeline`, undefined, signal),
  );
  const lifecycle = useApi(`lifecycle|${contact}`, (signal) =>
    api.get<ContactLifecycle>(`/v1/contacts/${enc(contact)}/lifecycle`, undefined, signal),
  );

  const erase = () =>
    erasing.run(async () => {
      setErased(await api.delete<ContactErased>(`/v1/contacts/${enc(contact)}`));
    });

  return (
    <>
      <p>
        <Link href="/">← Leaderboard</Link>
      </p>
      <h1>
        Contact <span className="mono">{contact}</span>
      </h1>
      {can('admin') ? (
        <div className="actions">
          <ConfirmButton
            label="Erase contact"
            question={`Erase ${contact} everywhere? This cannot be undone.`}
            confirmLabel="Yes, erase"
            onConfirm={erase}
            disabled={erased !== null}
          />
        </div>
      ) : null}
      <ErrorMessage error={erasing.error} />
      <p role="status" className={erased ? 'success' : undefined}>
        {erased
          ? `Erased ${erased.contact} at ${dateTime(erased.erasedAt)} (erasure ${erased.erasureId}); the archive follows.`
          : ''}
      </p>

      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading">Scores</h2>
        <Loaded state={scores} loading="Loading the scores…">
          {(data) => (
            <>
              {data.mergedFrom ? (
                <p>
                  {data.mergedFrom} was merged into{' '}
                  <Link href={`/contacts/${enc(data.contact)}`}>
                    <span className="mono">{data.contact}</span>
                  </Link>
                  : these are its scores.
                </p>
              ) : null}
              {data.identities ? <p>Also known as {data.identities.join(', ')}.</p> : null}
              {data.models.length === 0 ? (
                <p className="calm">No model has scored this contact yet.</p>
              ) : (
                data.models.map((score) => <ModelScoreCard key={score.modelId} score={score} />)
              )}
            </>
          )}
        </Loaded>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Score history</h2>
        {scores.data?.models.map((score) => (
          <ModelHistory key={score.modelId} contact={contact} model={score.modelId} />
        ))}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <Loaded state={timeline} missing="Nothing archived yet for this contact.">
          {(data) => (
            <DataTable
              caption="Events, newest first"
              data={data.events}
              columns={timelineColumns}
              getRowId={(event) => event.id}
              empty="No events archived yet."
            />
          )}
        </Loaded>
      </section>

      <section aria-labelledby="lifecycle-heading">
        <h2 id="lifecycle-heading">Lifecycle</h2>
        <Loaded state={lifecycle}>
          {(data) => (
            <>
              <DataTable
                caption="Transitions, newest first"
                data={data.transitions}
                columns={transitionColumns}
                empty="No tier or stage transition yet."
              />
              <DataTable
                caption="Webhook deliveries"
                data={data.deliveries}
                columns={deliveryColumns}
                empty="No webhook delivery for this contact."
              />
            </>
          )}
        </Loaded>
      </section>
    </>
  );
}
