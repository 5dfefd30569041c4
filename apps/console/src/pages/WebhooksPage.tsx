import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { api, enc } from '../api/client';
import type {
  CreateWebhookRequest,
  DeliveryStatus,
  Stage,
  Tier,
  WebhookCreated,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEvent,
  WebhookList,
  WebhookPingResult,
  WebhookReplayResult,
  WebhookSubscription,
} from '../api/types';
import { dateColumn } from '../components/columns';
import { DataTable } from '../components/DataTable';
import { SecretDialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field, SelectField, type SelectOption } from '../components/Field';
import { Loaded } from '../components/Loaded';
import { Pager, useCursorWalk } from '../components/Pager';
import { SubmitRow } from '../components/SubmitRow';
import { text } from '../format';
import { useApi } from '../hooks/useApi';
import { useSubmit } from '../hooks/useSubmit';
import { useTitle } from '../hooks/useTitle';
import { useSession } from '../session/SessionContext';

// The enums of create-webhook-request.schema.json.
const EVENTS: readonly WebhookEvent[] = ['tier', 'stage', 'score'];
const TIERS: readonly Tier[] = ['cold', 'warm', 'hot'];
const STAGES: readonly Stage[] = ['lead', 'recycled', 'mql', 'sql'];
const STATUS_OPTIONS: readonly SelectOption<DeliveryStatus | ''>[] = [
  { value: '', label: 'All' },
  'pending',
  'delivered',
  'dead',
];

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

function Checkboxes<T extends string>({
  legend,
  options,
  value,
  onChange,
  name,
}: {
  legend: string;
  options: readonly T[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  name: string;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="check">
          <input
            type="checkbox"
            name={name}
            value={option}
            checked={value.includes(option)}
            onChange={(event) => onChange(toggle(value, option, event.target.checked))}
          />{' '}
          {option}
        </label>
      ))}
    </fieldset>
  );
}

function CreateWebhookForm({ onCreated }: { onCreated: (created: WebhookCreated) => void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['stage']);
  const [tiers, setTiers] = useState<Tier[]>([]);
  const [namedTiers, setNamedTiers] = useState('');
  const [stages, setStages] = useState<Stage[]>([]);
  const [description, setDescription] = useState('');
  const submit = useSubmit();

  const create = async () => {
    const body: CreateWebhookRequest = { url: url.trim(), events };
    const named = namedTiers
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    if ((tiers.length || named.length) && events.includes('tier')) body.tiers = [...tiers, ...named];
    if (stages.length && events.includes('stage')) body.stages = stages;
    if (description.trim()) body.description = description.trim();
    onCreated(await api.post<WebhookCreated>('/v1/webhooks', body));
    setUrl('');
    setDescription('');
    setNamedTiers('');
  };

  return (
    <form className="panel stack" onSubmit={submit.onSubmit(create)} aria-labelledby="create-webhook-heading">
      <h2 id="create-webhook-heading">New webhook</h2>
      <Field
        label="URL"
        type="url"
        required
        placeholder="https://crm.example.com/hooks/leadscore"
        value={url}
        onChange={setUrl}
      />
      <div className="fieldsets">
        <Checkboxes legend="Events" name="events" options={EVENTS} value={events} onChange={setEvents} />
        <Checkboxes
          legend="Only into tiers (optional)"
          name="tiers"
          options={TIERS}
          value={tiers}
          onChange={setTiers}
        />
        <Field
          label="Only into named tiers (optional, comma-separated)"
          placeholder="sales-ready, active"
          value={namedTiers}
          onChange={setNamedTiers}
        />
        <Checkboxes
          legend="Only into stages (optional)"
          name="stages"
          options={STAGES}
          value={stages}
          onChange={setStages}
        />
      </div>
      <Field label="Description" value={description} onChange={setDescription} />
      <SubmitRow submit={submit} label="Create webhook" disabled={events.length === 0} />
    </form>
  );
}

function Deliveries({ webhook, admin }: { webhook: WebhookSubscription; admin: boolean }) {
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const walk = useCursorWalk(`${webhook.id}|${status}`);
  const { cursor } = walk;
  const [message, setMessage] = useState('');
  const replaying = useSubmit();
  const page = useApi(
    `${webhook.id}|${status}|${cursor ?? ''}`,
    (signal) =>
      api.get<WebhookDeliveryPage>(
        `/v1/webhooks/${enc(webhook.id)}/deliveries`,
        { status, cursor, limit: 20 },
        signal,
      ),
    { keepData: true },
  );

  const replay = (deliveryId: string | null) =>
    replaying.run(async () => {
      setMessage('');
      const path = deliveryId
        ? `/v1/webhooks/${enc(webhook.id)}/deliveries/${enc(deliveryId)}/replay`
        : `/v1/webhooks/${enc(webhook.id)}/replay`;
      const result = await api.post<WebhookReplayResult>(path);
      setMessage(`Replayed ${result.replayed} ${result.replayed === 1 ? 'delivery' : 'deliveries'}.`);
      page.reload();
    });

  const columns: ColumnDef<WebhookDelivery>[] = [
    dateColumn('created', 'Created', (delivery) => delivery.createdAt),
    { id: 'event', header: 'Event type', accessorKey: 'eventType' },
    { id: 'status', header: 'Status', accessorKey: 'status' },
    { id: 'attempts', header: 'Attempts', accessorFn: (d) => d.attempts.length },
    {
      id: 'last',
      header: 'Last answer',
      cell: ({ row }) => {
        const last = row.original.attempts[row.original.attempts.length - 1];
        return last ? `${last.statusCode ?? last.error ?? '—'} (${last.latencyMs} ms)` : '—';
      },
    },
    { id: 'error', header: 'Last error', accessorFn: (d) => text(d.lastError) },
    {
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) =>
        admin && row.original.status === 'dead' ? (
          <button type="button" onClick={() => void replay(row.original.id)}>
            Replay delivery {row.original.id}
          </button>
        ) : null,
    },
  ];

  return (
    <section aria-labelledby={`deliveries-${webhook.id}`}>
      <h3 id={`deliveries-${webhook.id}`}>Delivery log</h3>
      <div className="filters">
        <SelectField label="Status" value={status} options={STATUS_OPTIONS} onChange={setStatus} />
        {admin ? (
          <button type="button" onClick={() => void replay(null)}>
            Replay dead deliveries
          </button>
        ) : null}
      </div>
      <ErrorMessage error={replaying.error} />
      <p role="status">{message}</p>
      <Loaded state={page} loading="Loading the deliveries…">
        {(data) => (
          <>
            <DataTable
              caption={`Deliveries of ${webhook.url}`}
              data={data.deliveries}
              columns={columns}
              getRowId={(d) => d.id}
              empty="No delivery."
            />
            <Pager walk={walk} nextCursor={data.nextCursor} />
          </>
        )}
      </Loaded>
    </section>
  );
}

/** "Ping delivered: HTTP 204 in 35 ms", with what of it the answer holds. */
function pingText(ping: WebhookPingResult): string {
  const status = ping.statusCode !== null ? `: HTTP ${ping.statusCode}` : '';
  const latency = ping.latencyMs !== null ? ` in ${ping.latencyMs} ms` : '';
  const error = ping.error ? ` (${ping.error})` : '';
  return `Ping ${ping.outcome}${status}${latency}${error}`;
}

function WebhookDetail({ webhook, admin }: { webhook: WebhookSubscription; admin: boolean }) {
  const [ping, setPing] = useState<WebhookPingResult | null>(null);
  const pinging = useSubmit();
  const sendPing = () =>
    pinging.run(async () => {
      setPing(null);
      setPing(await api.post<WebhookPingResult>(`/v1/webhooks/${enc(webhook.id)}/ping`));
    });
  return (
    <section className="panel" aria-labelledby={`webhook-${webhook.id}`}>
      <h2 id={`webhook-${webhook.id}`}>
        Webhook <span className="mono">{webhook.url}</span>
      </h2>
      <p className="hint">
        {webhook.id} · events {webhook.events.join(', ')} · {webhook.enabled ? 'enabled' : 'disabled'}
      </p>
      {admin ? (
        <div className="actions">
          <button
            type="button"
            aria-disabled={pinging.busy || undefined}
            onClick={() => {
              if (!pinging.busy) void sendPing();
            }}
          >
            Send test ping
          </button>
        </div>
      ) : null}
      <ErrorMessage error={pinging.error} />
      <p role="status" className={ping ? (ping.outcome === 'delivered' ? 'success' : 'error') : undefined}>
        {ping ? pingText(ping) : ''}
      </p>
      <Deliveries webhook={webhook} admin={admin} />
    </section>
  );
}

export function WebhooksPage() {
  useTitle('Webhooks');
  const { can } = useSession();
  const admin = can('admin');
  const list = useApi('webhooks', (signal) => api.get<WebhookList>('/v1/webhooks', undefined, signal));
  // The signing secret: kept only while its dialog is open.
  const [created, setCreated] = useState<WebhookCreated | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  const columns: ColumnDef<WebhookSubscription>[] = [
    {
      id: 'url',
      header: 'URL',
      accessorKey: 'url',
      cell: ({ row }) => <span className="mono">{row.original.url}</span>,
    },
    { id: 'events', header: 'Events', accessorFn: (w) => w.events.join(', ') },
    { id: 'tiers', header: 'Tiers', accessorFn: (w) => (w.tiers ? w.tiers.join(', ') : 'all') },
    { id: 'stages', header: 'Stages', accessorFn: (w) => (w.stages ? w.stages.join(', ') : 'all') },
    { id: 'description', header: 'Description', accessorFn: (w) => text(w.description) },
    { id: 'enabled', header: 'Enabled', accessorFn: (w) => (w.enabled ? 'yes' : 'no') },
    {
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => (
        <button
          type="button"
          aria-pressed={selected === row.original.id}
          onClick={() => setSelected((current) => (current === row.original.id ? null : row.original.id))}
        >
          Deliveries of {row.original.description ?? row.original.id}
        </button>
      ),
    },
  ];

  const chosen = list.data?.subscriptions.find((w) => w.id === selected) ?? null;

  return (
    <>
      <h1>Webhooks</h1>
      <Loaded state={list} loading="Loading the webhooks…">
        {(data) => (
          <DataTable
            caption="Webhook subscriptions"
            data={data.subscriptions}
            columns={columns}
            getRowId={(w) => w.id}
            empty="No webhook yet."
          />
        )}
      </Loaded>
      {chosen ? <WebhookDetail key={chosen.id} webhook={chosen} admin={admin} /> : null}
      {admin ? (
        <CreateWebhookForm
          onCreated={(result) => {
            setCreated(result);
            list.reload();
          }}
        />
      ) : null}
      {created ? (
        <SecretDialog
          title="Webhook created"
          label="Signing secret"
          secret={created.secret}
          note="Give this secret to the receiver to verify signatures. It is shown only now."
          onClose={() => setCreated(null)}
        />
      ) : null}
    </>
  );
}
