import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role, WebhookDelivery, WebhookSubscription } from '../api/types';
import { session } from '../test/fixtures';
import { mockApi, problem, type Handler } from '../test/mock-api';
import { renderApp } from '../test/render';

const hook: WebhookSubscription = {
  id: 'wh_0123456789abcdef',
  url: 'https://crm.example.com/hooks',
  events: ['stage'],
  tiers: null,
  stages: ['mql', 'sql'],
  description: 'CRM',
  enabled: true,
  previousSecretExpiresAt: null,
  createdAt: '2025-05-01T10:00:00.000Z',
  updatedAt: '2025-05-01T10:00:00.000Z',
};

const dead: WebhookDelivery = {
  id: 'del_1',
  webhookId: 'msg_1',
  eventId: 'evt_1',
  eventType: 'lead.stage_changed',
  status: 'dead',
  attempts: [
    {
      attempt: 1,
      startedAt: '2025-05-01T10:00:00.000Z',
      latencyMs: 120,
      statusCode: 500,
      outcome: 'dead_lettered',
      responseExcerpt: 'oops',
      error: null,
    },
  ],
  nextAttemptAt: null,
  lastError: 'HTTP 500',
  createdAt: '2025-05-01T10:00:00.000Z',
  deliveredAt: null,
  deadLetteredAt: '2025-05-01T11:00:00.000Z',
};

function routes(role: Role, extra: Record<string, Handler> = {}) {
  return mockApi({
    'GET /v1/session': { body: session(role) },
    'GET /v1/webhooks': { body: { subscriptions: [hook] } },
    [`GET /v1/webhooks/${hook.id}/deliveries`]: (request) => ({
      body: {
        deliveries: request.query.get('status') === 'delivered' ? [] : [dead],
        nextCursor: request.query.get('cursor') ? null : 'cur_2',
      },
    }),
    ...extra,
  });
}

describe('webhooks', () => {
  it('creates a subscription and shows its secret once, with a copy button', async () => {
    const api = routes('admin', {
      'POST /v1/webhooks': { status: 201, body: { subscription: hook, secret: 'whsec_c2VjcmV0' } },
    });
    renderApp('/webhooks');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('URL'), 'https://crm.example.com/hooks');
    const events = screen.getByRole('group', { name: 'Events' });
    await user.click(within(events).getByLabelText('tier'));
    await user.click(
      within(screen.getByRole('group', { name: 'Only into tiers (optional)' })).getByLabelText('hot'),
    );
    await user.type(
      screen.getByLabelText('Only into named tiers (optional, comma-separated)'),
      ' sales-ready, ,active ',
    );
    await user.type(screen.getByLabelText('Description'), 'CRM');
    await user.click(screen.getByRole('button', { name: 'Create webhook' }));

    const dialog = await screen.findByRole('dialog', { name: 'Webhook created' });
    expect(within(dialog).getByLabelText('Signing secret')).toHaveValue('whsec_c2VjcmV0');
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(JSON.parse(api.find('POST', '/v1/webhooks')[0]?.body ?? '')).toEqual({
      url: 'https://crm.example.com/hooks',
      events: ['stage', 'tier'],
      tiers: ['hot', 'sales-ready', 'active'],
      description: 'CRM',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('pings, filters and pages the delivery log, and replays dead deliveries', async () => {
    const api = routes('admin', {
      [`POST /v1/webhooks/${hook.id}/ping`]: {
        body: {
          outcome: 'delivered',
          webhookId: 'msg_p',
          statusCode: 204,
          latencyMs: 35,
          responseExcerpt: '',
          error: null,
        },
      },
      [`POST /v1/webhooks/${hook.id}/deliveries/del_1/replay`]: {
        body: { replayed: 1, deliveryIds: ['del_1'] },
      },
      [`POST /v1/webhooks/${hook.id}/replay`]: { body: { replayed: 3, deliveryIds: ['a', 'b', 'c'] } },
    });
    renderApp('/webhooks');
    const user = userEvent.setup();
    const toggle = await screen.findByRole('button', { name: 'Deliveries of CRM' });
    await user.click(toggle);
    // The page re-renders its table: the toggle stays the same element, pressed and focused.
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(toggle).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Send test ping' }));
    expect(await screen.findByText('Ping delivered: HTTP 204 in 35 ms')).toBeInTheDocument();

    const log = await screen.findByRole('table', { name: `Deliveries of ${hook.url}` });
    expect(within(log).getByText('HTTP 500')).toBeInTheDocument();
    await user.click(within(log).getByRole('button', { name: 'Replay delivery del_1' }));
    expect(await screen.findByText('Replayed 1 delivery.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Replay dead deliveries' }));
    expect(await screen.findByText('Replayed 3 deliveries.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(api.find('GET', `/v1/webhooks/${hook.id}/deliveries`).at(-1)?.query.get('cursor')).toBe('cur_2'),
    );
    await user.selectOptions(screen.getByLabelText('Status'), 'delivered');
    await waitFor(() => {
      const last = api.find('GET', `/v1/webhooks/${hook.id}/deliveries`).at(-1);
      expect(last?.query.get('status')).toBe('delivered');
      expect(last?.query.has('cursor')).toBe(false);
    });
  });

  it('shows a 403 when the server refuses', async () => {
    routes('admin', {
      [`POST /v1/webhooks/${hook.id}/ping`]: {
        status: 403,
        body: problem(403, 'Only admins may ping webhooks.'),
      },
    });
    renderApp('/webhooks');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Deliveries of CRM' }));
    await user.click(screen.getByRole('button', { name: 'Send test ping' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not allowed: Only admins may ping webhooks.');
  });

  it('gives a viewer the list and log but no create form, ping or replay', async () => {
    routes('viewer');
    renderApp('/webhooks');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Deliveries of CRM' }));
    await screen.findByRole('table', { name: `Deliveries of ${hook.url}` });
    expect(screen.queryByRole('button', { name: 'Create webhook' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send test ping' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Replay/ })).not.toBeInTheDocument();
  });
});
