import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { session } from '../test/fixtures';
import { mockApi, problem } from '../test/mock-api';
import { renderApp } from '../test/render';
import { safeNext } from './SignInPage';

describe('sign-in', () => {
  it('redirects an anonymous visit to sign-in, remembering where it was going', async () => {
    mockApi({ 'GET /v1/session': { status: 401, body: problem(401, 'Not signed in.') } });
    const { location } = renderApp('/contacts/email%3Aa%40b.com');
    expect(await screen.findByRole('heading', { name: 'Sign in to leadscore' })).toBeInTheDocument();
    expect(location.history.at(-1)).toBe(
      `/sign-in?next=${encodeURIComponent('/contacts/email%3Aa%40b.com')}`,
    );
    expect(document.title).toBe('Sign in · leadscore console');
  });

  it('posts workspace, email and password, then goes back to where it was', async () => {
    const api = mockApi({
      'GET /v1/session': { status: 401, body: problem(401, 'Not signed in.') },
      'POST /v1/session': { body: session('viewer') },
      'GET /v1/models': { body: { models: [] } },
    });
    const { location } = renderApp('/sign-in?next=%2Fmodels');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Workspace'), 'acme');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Models' })).toBeInTheDocument();
    const [post] = api.find('POST', '/v1/session');
    expect(JSON.parse(post?.body ?? '')).toEqual({
      workspace: 'acme',
      email: 'ada@example.com',
      password: 'correct horse battery',
    });
    expect(location.history.at(-1)).toBe('/models');
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
  });

  it('shows the detail of a 401 and stays on the form', async () => {
    mockApi({
      'GET /v1/session': { status: 401, body: problem(401, 'Not signed in.') },
      'POST /v1/session': { status: 401, body: problem(401, 'Unknown workspace, email or password.') },
    });
    renderApp('/sign-in');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Workspace'), 'acme');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong password!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Unknown workspace, email or password.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Sign in' })).not.toHaveAttribute('aria-disabled');
    expect(screen.getByRole('heading', { name: 'Sign in to leadscore' })).toBeInTheDocument();
  });

  it('sends a session that ends meanwhile (401 from another route) to sign-in, remembering the page', async () => {
    const api = mockApi({
      'GET /v1/session': { body: session('admin') },
      'GET /v1/models': { status: 401, body: problem(401, 'The session expired.') },
      'DELETE /v1/keys/key_1': { body: {} },
    });
    const { location } = renderApp('/models?sort=name');
    expect(await screen.findByRole('heading', { name: 'Sign in to leadscore' })).toBeInTheDocument();
    expect(location.history.at(-1)).toBe(`/sign-in?next=${encodeURIComponent('/models?sort=name')}`);
    // The session's CSRF token went with it: nothing unsafe is sent with it any more.
    const { api: client } = await import('../api/client');
    await client.delete('/v1/keys/key_1');
    expect(api.find('DELETE', '/v1/keys/key_1')[0]?.headers['x-csrf-token']).toBeUndefined();
  });

  it('says why the console cannot start when the api answers the session with a problem', async () => {
    mockApi({ 'GET /v1/session': { status: 503, body: problem(503, 'The database is not reachable.') } });
    renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The console could not reach the api: The database is not reachable.',
    );
  });

  it('signs out with DELETE /v1/session and the CSRF token, back to the sign-in form', async () => {
    const api = mockApi({
      'GET /v1/session': { body: session('admin') },
      'GET /v1/models': { body: { models: [] } },
      'DELETE /v1/session': { status: 204 },
    });
    renderApp('/models');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    await waitFor(() => expect(api.find('DELETE', '/v1/session')).toHaveLength(1));
    expect(api.find('DELETE', '/v1/session')[0]?.headers['x-csrf-token']).toBe('csrf-123');
  });

  it('only follows next to a path of the console', () => {
    expect(safeNext('next=%2Fkeys')).toBe('/keys');
    expect(safeNext('next=%2F%2Fevil.example')).toBe('/');
    expect(safeNext('next=https%3A%2F%2Fevil.example')).toBe('/');
    expect(safeNext('')).toBe('/');
  });
});
