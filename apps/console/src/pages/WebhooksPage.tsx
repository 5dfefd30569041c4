import type { ColumnDef } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
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
import { DataTable } from '../components/DataTable';
import { SecretDialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { dateTime, text } from '../format';
import { useApi } from '../hooks/useApi';
import { useTitle } from '../hooks/useTitle';
import { useSession } from '../session/SessionContext';

// The enums of create-webhook-request.schema.json.
const EVENTS: readonly WebhookEvent[] = ['tier', 'stage', 'score'];
const TIERS: readonly Tier[] = ['cold', 'warm', 'hot'];
const STAGES: readonly Stage[] = ['lead', 'recycled', 'mql', 'sql'];
const STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'dead'];

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
  const [stages, setStages] = useState<Stage[]>([]);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body: CreateWebhookRequest = { url: url.trim(), events };
    if (tiers.length && events.includes('tier')) body.tiers = tiers;
    if (stages.length && events.includes('stage')) body.stages = stages;
    if (description.trim()) body.description = description.trim();
    try {
      onCreated(await api.post<WebhookCreated>('/v1/webhooks', body));
      setUrl('');
      setDescription('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel stack"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="create-webhook-heading"
    >
      <h2 id="create-webhook-heading">New webhook</h2>
      <label htmlFor="webhook-url">URL</label>
      <input
        id="webhook-url"
        type="url"
        required
        placeholder="https://crm.example.com/hooks/leadscore"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
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
        <Checkboxes
          legend="Only into stages (optional)"
          name="stages"
          options={STAGES}
          value={stages}
          onChange={setStages}
        />
      </div>
      <label htmlFor="webhook-description">Description</label>
      <input
        id="webhook-description"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <ErrorMessage error={error} />
      <div>
        <button type="submit" className="primary" disabled={busy || events.length === 0}>
          Create webhook
        </button>
      </div>
    </form>
  );
}

function Deliveries({ webhook, admin }: { webhook: WebhookSubscription; admin: boolean }) {
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const page = useApi(`${webhook.id}|${status}|${cursor ?? ''}`, (signal) =>
    api.get<WebhookDeliveryPage>(
      `/v1/webhooks/${enc(webhook.id)}/deliveries`,
      { status, cursor, limit: 20 },
      signal,
    ),
  );

  const replay = async (deliveryId: string | null) => {
    setError(null);
    setMessage(null);
    try {
      const path = deliveryId
        ? `/v1/webhooks/${enc(webhook.id)}/deliveries/${enc(deliveryId)}/replay`
        : `/v1/webhooks/${enc(webhook.id)}/replay`;
      const result = await api.post<WebhookReplayResult>(path);
      setMessage(`Replayed ${result.replayed} ${result.replayed === 1 ? 'delivery' : 'deliveries'}.`);
      page.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  const columns: ColumnDef<WebhookDelivery>[] = [
    {
      id: 'created',
      header: 'Created',
      accessorKey: 'createdAt',
      cell: ({ row }) => dateTime(row.original.createdAt),
    },
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
        <div className="field">
          <label htmlFor={`status-${webhook.id}`}>Status</label>
          <select
            id={`status-${webhook.id}`}
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as DeliveryStatus | '');
              setCursors([null]);
            }}
          >
            <option value="">All</option>
            {STATUSES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </div>
        {admin ? (
          <button type="button" onClick={() => void replay(null)}>
            Replay dead deliveries
          </button>
        ) : null}
      </div>
      <ErrorMessage error={error} />
      {message ? <p role="status">{message}</p> : null}
      <ErrorMessage error={page.error} />
      {page.data ? (
        <>
          <DataTable
            caption={`Deliveries of ${webhook.url}`}
            data={page.data.deliveries}
            columns={columns}
            getRowId={(d) => d.id}
            empty="No delivery."
          />
          <div className="pager">
            <button
              type="button"
              disabled={cursors.length <= 1}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              Previous page
            </button>
            <button
              type="button"
              disabled={!page.data.nextCursor}
              onClick={() => {
                const next = page.data?.nextCursor;
                if (next) setCursors([...cursors, next]);
              }}
            >
              Next page
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

function WebhookDetail({ webhook, admin }: { webhook: WebhookSubscription; admin: boolean }) {
  const [ping, setPing] = useState<WebhookPingResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const sendPing = async () => {
    setBusy(true);
    setError(null);
    setPing(null);
    try {
      setPing(await api.post<WebhookPingResult>(`/v1/webhooks/${enc(webhook.id)}/ping`));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
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
          <button type="button" disabled={busy} onClick={() => void sendPing()}>
            Send test ping
          </button>
        </div>
      ) : null}
      <ErrorMessage error={error} />
      {ping ? (
        <p role="status" className={ping.outcome === 'delivered' ? 'success' : 'error'}>
          Ping {ping.outcome}
          {ping.statusCode !== null ? `: HTTP ${ping.statusCode}` : ''}
          {ping.latencyMs !== null ? ` in ${ping.latencyMs} ms` : ''}
          {ping.error ? ` (${ping.error})` : ''}
        </p>
      ) : null}
      <Deliveries webhook={webhook} admin={admin} />
    </section>
  );
}

export function WebhooksPage() {
  useTitle('Webhooks');
  const { can } = useSession();
  const admin = can('admin');
  const list = useApi('webhooks', (signal) => api.get<WebhookList>('/v1/webhooks', undefined, signal));
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
          onClick={() => setSelected(selected === row.original.id ? null : row.original.id)}
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
      <ErrorMessage error={list.error} />
      {list.data ? (
        <DataTable
          caption="Webhook subscriptions"
          data={list.data.subscriptions}
          columns={columns}
          getRowId={(w) => w.id}
          empty="No webhook yet."
        />
      ) : null}
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
