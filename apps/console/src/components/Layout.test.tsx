import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../api/types';
import { modelList, session } from '../test/fixtures';
import { mockApi } from '../test/mock-api';
import { renderApp } from '../test/render';

function signedInAs(role: Role) {
  mockApi({ 'GET /v1/session': { body: session(role) }, 'GET /v1/models': { body: modelList } });
  renderApp('/models');
}

describe('layout and role gating', () => {
  it('has landmarks, a skip link, the user and role', async () => {
    signedInAs('editor');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(screen.getByRole('banner')).toContainElement(nav);
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
    expect(screen.getByLabelText('role editor')).toHaveTextContent('editor');
    expect(within(nav).getByRole('link', { name: 'Models' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows a viewer no Users link and no New model', async () => {
    signedInAs('viewer');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Leaderboard', 'Accounts', 'Models', 'Webhooks', 'Keys', 'Pipeline health']);
    await screen.findByRole('table', { name: 'Models and their live versions' });
    expect(screen.queryByRole('link', { name: 'New model' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'View ontraport' })).toHaveAttribute(
      'href',
      '/models/ontraport/edit',
    );
  });

  it('shows an admin the Users link', async () => {
    signedInAs('admin');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Users' })).toHaveAttribute('href', '/users');
    expect(await screen.findByRole('link', { name: 'New model' })).toBeInTheDocument();
  });
});
