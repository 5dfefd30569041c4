import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { session } from '../test/fixtures';
import { mockApi, problem } from '../test/mock-api';
import { renderApp } from '../test/render';

async function change(current: string, next: string, confirm = next) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Current password'), current);
  await user.type(screen.getByLabelText('New password'), next);
  await user.type(screen.getByLabelText('Confirm new password'), confirm);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('your account', () => {
  it('is reached from the header and changes the password with the CSRF token', async () => {
    const api = mockApi({
      'GET /v1/session': { body: session('viewer') },
      'POST /v1/session/password': { status: 204 },
    });
    renderApp('/account');
    expect(await screen.findByRole('heading', { name: 'Your account', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Your account:/ })).toHaveAttribute('href', '/account');
    await change('the old passphrase', 'a brand new passphrase');
    expect(await screen.findByText('Password changed. Your other sessions have ended.')).toBeInTheDocument();
    const [sent] = api.find('POST', '/v1/session/password');
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      currentPassword: 'the old passphrase',
      newPassword: 'a brand new passphrase',
    });
    expect(sent?.headers['x-csrf-token']).toBe(session('viewer').csrfToken);
    expect(screen.getByLabelText('Current password')).toHaveValue('');
  });

  it('refuses mismatched new passwords without asking the api, and shows the api’s detail', async () => {
    const api = mockApi({
      'GET /v1/session': { body: session('viewer') },
      'POST /v1/session/password': { status: 403, body: problem(403, 'The current password is wrong.') },
    });
    renderApp('/account');
    await change('the old passphrase', 'a brand new passphrase', 'another one entirely');
    expect(await screen.findByText('The new passwords do not match.')).toBeInTheDocument();
    expect(api.find('POST', '/v1/session/password')).toHaveLength(0);
    await userEvent.setup().clear(screen.getByLabelText('Confirm new password'));
    await userEvent.setup().type(screen.getByLabelText('Confirm new password'), 'a brand new passphrase');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('The current password is wrong.')).toBeInTheDocument();
  });
});
