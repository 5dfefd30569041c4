import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../api/types';
import { session } from '../test/fixtures';
import { mockApi, problem } from '../test/mock-api';
import { renderApp } from '../test/render';

const key: ApiKey = {
  id: 'key_1',
  kind: 'secret',
  name: 'CRM sync',
  prefix: 'sk_key_1_ab12',
  scopes: ['events:write', 'read'],
  createdAt: '2025-05-01T10:00:00.000Z',
  createdBy: 'operator',
  revokedAt: null,
  lastUsedAt: null,
};

describe('keys', () => {
  it('creates a key and shows it once', async () => {
    const api = mockApi({
      'GET /v1/session': { body: session('admin') },
      'GET /v1/keys': { body: { keys: [key] } },
      'POST /v1/keys': {
        status: 201,
        body: { key: 'sk_key_2_secretsecret', apiKey: { ...key, id: 'key_2' } },
      },
    });
    renderApp('/keys');
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Kind'), 'secret');
    await user.click(screen.getByLabelText('read'));
    await user.type(screen.getByLabelText('Name'), 'Reporting');
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Key created' });
    expect(within(dialog).getByLabelText('API key')).toHaveValue('sk_key_2_secretsecret');
    expect(JSON.parse(api.find('POST', '/v1/keys')[0]?.body ?? '')).toEqual({
      kind: 'secret',
      scopes: ['read'],
      name: 'Reporting',
    });
    expect(dialog).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    // Shown once: after the dialog, the key is nowhere in the page, and focus is back where it was.
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue('sk_key_2_secretsecret')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('sk_key_2_secretsecret');
    expect(screen.getByRole('button', { name: 'Create key' })).toHaveFocus();
  });

  it('shows the api’s detail when creating a key fails', async () => {
    mockApi({
      'GET /v1/session': { body: session('admin') },
      'GET /v1/keys': { body: { keys: [key] } },
      'POST /v1/keys': { status: 400, body: problem(400, 'A publishable key takes events:write only.') },
    });
    renderApp('/keys');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Create key' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A publishable key takes events:write only.');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('revokes a key after confirmation', async () => {
    const api = mockApi({
      'GET /v1/session': { body: session('admin') },
      'GET /v1/keys': { body: { keys: [key] } },
      'DELETE /v1/keys/key_1': { body: { ...key, revokedAt: '2025-06-01T10:00:00.000Z' } },
    });
    renderApp('/keys');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Revoke CRM sync' }));
    expect(api.find('DELETE', '/v1/keys/key_1')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Yes, revoke' }));
    await waitFor(() => expect(api.find('DELETE', '/v1/keys/key_1')).toHaveLength(1));
    await waitFor(() => expect(api.find('GET', '/v1/keys')).toHaveLength(2));
  });
});
