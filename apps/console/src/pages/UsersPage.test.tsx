import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UserList } from '../api/types';
import { session } from '../test/fixtures';
import { mockApi } from '../test/mock-api';
import { renderApp } from '../test/render';

const list: UserList = {
  users: [
    session('admin').user,
    { ...session('viewer').user, id: 'usr_2', email: 'bob@example.com', name: 'Bob' },
  ],
  invitations: [
    {
      id: 'inv_1',
      email: 'carol@example.com',
      role: 'editor',
      createdBy: 'user:usr_1',
      createdAt: '2025-06-01T10:00:00.000Z',
      expiresAt: '2025-06-08T10:00:00.000Z',
    },
  ],
};

describe('users', () => {
  it('changes a role, removes a user and revokes an invitation', async () => {
    const api = mockApi({
      'GET /v1/session': { body: session('admin') },
      'GET /v1/users': { body: list },
      'PATCH /v1/users/usr_2': { body: { ...list.users[1], role: 'editor' } },
      'DELETE /v1/users/usr_2': { status: 204 },
      'DELETE /v1/users/invitations/inv_1': { status: 204 },
    });
    renderApp('/users');
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Role of bob@example.com'), 'editor');
    await waitFor(() =>
      expect(JSON.parse(api.find('PATCH', '/v1/users/usr_2')[0]?.body ?? '')).toEqual({ role: 'editor' }),
    );
    expect(screen.getByLabelText('Role of ada@example.com')).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Remove bob@example.com' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(api.find('DELETE', '/v1/users/usr_2')).toHaveLength(1));

    const invitations = screen.getByRole('table', { name: 'Pending invitations' });
    await user.click(
      within(invitations).getByRole('button', { name: 'Revoke invitation of carol@example.com' }),
    );
    await user.click(within(invitations).getByRole('button', { name: 'Yes, revoke' }));
    await waitFor(() => expect(api.find('DELETE', '/v1/users/invitations/inv_1')).toHaveLength(1));
  });

  it('invites by email and role and shows the full accept link once', async () => {
    const api = mockApi({
      'GET /v1/session': { body: session('admin') },
      'GET /v1/users': { body: list },
      'POST /v1/users/invitations': {
        status: 201,
        body: {
          invitation: { ...list.invitations[0], email: 'dan@example.com' },
          token: 'inv_tok',
          acceptPath: '/console/accept#token=inv_tok',
        },
      },
    });
    renderApp('/users');
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Invite someone' });
    await user.type(within(form).getByLabelText('Email'), 'dan@example.com');
    await user.selectOptions(within(form).getByLabelText('Role'), 'editor');
    await user.click(within(form).getByRole('button', { name: 'Create invitation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invitation for dan@example.com' });
    expect(within(dialog).getByLabelText('Invitation link')).toHaveValue(
      `${window.location.origin}/console/accept#token=inv_tok`,
    );
    expect(JSON.parse(api.find('POST', '/v1/users/invitations')[0]?.body ?? '')).toEqual({
      email: 'dan@example.com',
      role: 'editor',
    });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('inv_tok');
    expect(screen.queryByDisplayValue(/inv_tok/)).not.toBeInTheDocument();
  });

  it('tells a non-admin the page is not theirs, without asking the api', async () => {
    const api = mockApi({ 'GET /v1/session': { body: session('editor') } });
    renderApp('/users');
    expect(await screen.findByText('Only admins manage users.')).toBeInTheDocument();
    expect(api.find('GET', '/v1/users')).toHaveLength(0);
  });
});
