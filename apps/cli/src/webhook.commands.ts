import type {
  CreateWebhookRequest,
  WebhookCreated,
  WebhookDeliveryPage,
  WebhookList,
  WebhookPingResult,
  WebhookReplayResult,
  WebhookSecretRotated,
} from '@leadscore/contracts';
import { callApi } from './api-client.js';
import type { Connection } from './connection.js';
import { ExitCode, type ExitStatus } from './exit-codes.js';
import { colour, plainTable, writeJson, type Output } from './output.js';

const json = (body: unknown) => ({ text: JSON.stringify(body), contentType: 'application/json' });
const path = (id: string) => `/v1/webhooks/${encodeURIComponent(id)}`;

/** `leadscore webhook add URL --event …`: a CRM subscription (admin); its signing secret is shown once. */
export async function addWebhook(
  connection: Connection,
  request: CreateWebhookRequest,
  output: Output,
): Promise<ExitStatus> {
  const created = await callApi<WebhookCreated>(connection, '/v1/webhooks', {
    method: 'POST',
    body: json(request),
  });
  if (output.json) writeJson(output, created);
  else {
    output.out(
      `${colour.green('✓')} webhook ${created.subscription.id} → ${created.subscription.url} (${created.subscription.events.join(', ')})`,
    );
    output.out(created.secret);
    output.err('Give this signing secret to the receiver now (Standard Webhooks): it is not shown again.');
  }
  return ExitCode.ok;
}

/** `leadscore webhook list`. */
export async function listWebhooks(connection: Connection, output: Output): Promise<ExitStatus> {
  const list = await callApi<WebhookList>(connection, '/v1/webhooks');
  if (output.json) {
    writeJson(output, list);
    return ExitCode.ok;
  }
  const table = plainTable(['id', 'url', 'events', 'tiers', 'stages', 'enabled', 'description']);
  for (const s of list.subscriptions)
    table.push([
      s.id,
      s.url,
      s.events.join(','),
      s.tiers?.join(',') ?? 'all',
      s.stages?.join(',') ?? 'all',
      s.enabled ? 'yes' : 'no',
      s.description ?? '–',
    ]);
  output.out(
    list.subscriptions.length === 0
      ? 'no webhooks yet: leadscore webhook add URL --event stage'
      : table.toString(),
  );
  return ExitCode.ok;
}

/** `leadscore webhook test ID`: a signed ping now; exit 8 when the receiver did not answer 2xx. */
export async function testWebhook(connection: Connection, id: string, output: Output): Promise<ExitStatus> {
  const ping = await callApi<WebhookPingResult>(connection, `${path(id)}/ping`, { method: 'POST' });
  const delivered = ping.outcome === 'delivered';
  if (output.json) writeJson(output, ping);
  else if (delivered)
    output.out(`${colour.green('✓')} ${id}: delivered, ${ping.statusCode} in ${ping.latencyMs} ms`);
  else
    output.err(
      `${colour.red('✗')} ${id}: ${ping.outcome}${ping.statusCode === null ? '' : ` (${ping.statusCode})`}: ${ping.error ?? ping.responseExcerpt ?? ''}`,
    );
  return delivered ? ExitCode.ok : ExitCode.unavailable;
}

/** `leadscore webhook deliveries ID [--status S] [--cursor C]`: the delivery log, newest first. */
export async function listDeliveries(
  connection: Connection,
  id: string,
  filters: { status?: string | undefined; cursor?: string | undefined },
  output: Output,
): Promise<ExitStatus> {
  const query = new URLSearchParams();
  if (filters.status) query.set('status', filters.status);
  if (filters.cursor) query.set('cursor', filters.cursor);
  const page = await callApi<WebhookDeliveryPage>(
    connection,
    `${path(id)}/deliveries${query.size > 0 ? `?${query.toString()}` : ''}`,
  );
  if (output.json) {
    writeJson(output, page);
    return ExitCode.ok;
  }
  const table = plainTable(['delivery', 'event type', 'status', 'attempts', 'created', 'last error']);
  for (const d of page.deliveries)
    table.push([d.id, d.eventType, d.status, d.attempts.length, d.createdAt, d.lastError ?? '–']);
  output.out(page.deliveries.length === 0 ? 'no deliveries' : table.toString());
  if (page.nextCursor) output.err(`older: leadscore webhook deliveries ${id} --cursor ${page.nextCursor}`);
  return ExitCode.ok;
}

/** `leadscore webhook replay ID [--delivery D]`: dead-lettered deliveries sent again. */
export async function replayWebhook(
  connection: Connection,
  id: string,
  delivery: string | undefined,
  output: Output,
): Promise<ExitStatus> {
  const target =
    delivery === undefined
      ? `${path(id)}/replay`
      : `${path(id)}/deliveries/${encodeURIComponent(delivery)}/replay`;
  const replayed = await callApi<WebhookReplayResult>(connection, target, { method: 'POST' });
  if (output.json) writeJson(output, replayed);
  else output.out(`${colour.green('✓')} ${replayed.replayed} dead-lettered deliveries queued again`);
  return ExitCode.ok;
}

/** `leadscore webhook rotate-secret ID [--overlap-seconds N]`: a new secret (shown once); the old one signs too meanwhile. */
export async function rotateWebhookSecret(
  connection: Connection,
  id: string,
  overlapSeconds: number | undefined,
  output: Output,
): Promise<ExitStatus> {
  const rotated = await callApi<WebhookSecretRotated>(connection, `${path(id)}/rotate-secret`, {
    method: 'POST',
    body: json(overlapSeconds === undefined ? {} : { overlapSeconds }),
  });
  if (output.json) writeJson(output, rotated);
  else {
    const until = rotated.subscription.previousSecretExpiresAt;
    output.out(
      `${colour.green('✓')} ${id}: new signing secret${until ? `; the previous one signs too until ${until}` : ''}`,
    );
    output.out(rotated.secret);
    output.err('Give it to the receiver now: it is not shown again.');
  }
  return ExitCode.ok;
}
