import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { modelList, session } from '../test/fixtures';
import { mockApi, problem } from '../test/mock-api';
import { renderApp } from '../test/render';
import { tokenFromHash } from './AcceptPage';

async function fill(password: string, confirm = password) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Name'), 'Grace Hopper');
  await user.type(screen.getByLabelText('Password'), password);
  await user.type(screen.getByLabelText('Confirm password'), confirm);
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('accepting an invitation', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('posts the token from the hash with name and password, and signs in', async () => {
    window.location.hash = '#token=inv_abc123';
    const api = mockApi({
      'GET /v1/session': { status: 401, body: problem(401, 'Not signed in.') },
      'POST /v1/invitations/accept': { status: 201, body: session('editor') },
      'GET /v1/models': { body: modelList },
      'GET /v1/models/ontraport/leaderboard': { status: 404, body: problem(404, 'x') },
    });
    const { location } = renderApp('/accept');
    await fill('a long enough password');
    expect(await screen.findByRole('heading', { name: 'Leaderboard' })).toBeInTheDocument();
    expect(JSON.parse(api.find('POST', '/v1/invitations/accept')[0]?.body ?? '')).toEqual({
      token: 'inv_abc123',
      name: 'Grace Hopper',
      password: 'a long enough password',
    });
    expect(location.history.at(-1)).toBe('/');
  });

  it('shows the server’s detail for a short password', async () => {
    window.location.hash = '#token=inv_abc123';
    mockApi({
      'GET /v1/session': { status: 401, body: problem(401, 'Not signed in.') },
      'POST /v1/invitations/accept': {
        status: 400,
        body: problem(400, 'The password needs at least 12 characters.'),
      },
    });
    renderApp('/accept');
    await fill('short');
    expect(await screen.findByRole('alert')).toHaveTextContent('The password needs at least 12 characters.');
  });

  it('refuses different passwords without asking the server', async () => {
    window.location.hash = '#token=inv_abc123';
    const api = mockApi({ 'GET /v1/session': { status: 401, body: problem(401, 'Not signed in.') } });
    renderApp('/accept');
    await fill('a long enough password', 'another long password');
    expect(await screen.findByRole('alert')).toHaveTextContent('The passwords do not match.');
    expect(api.find('POST', '/v1/invitations/accept')).toHaveLength(0);
  });

  it('reads the token from the fragment', () => {
    expect(tokenFromHash('#token=inv_x')).toBe('inv_x');
    expect(tokenFromHash('')).toBeNull();
  });
});
