import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { leaderboard, modelList, session } from '../test/fixtures';
import { mockApi } from '../test/mock-api';
import { renderApp } from '../test/render';

function routes(pages: Record<string, ReturnType<typeof leaderboard>> = {}) {
  return mockApi({
    'GET /v1/session': { body: session('viewer') },
    'GET /v1/models': { body: modelList },
    'GET /v1/models/ontraport/leaderboard': (request) => ({
      body: pages[request.query.get('cursor') ?? ''] ?? leaderboard(),
    }),
    'GET /v1/models/webinar/leaderboard': {
      body: leaderboard({ modelId: 'webinar', entries: [], nextCursor: null }),
    },
  });
}

const table = () => screen.findByRole('table', { name: 'Leaderboard of model ontraport' });
const contactColumn = (tableElement: HTMLElement) =>
  within(tableElement)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);

describe('leaderboard', () => {
  it('renders the first model’s entries with relative % and links to the contact page', async () => {
    const api = routes();
    renderApp('/');
    const tableElement = await table();
    expect(contactColumn(tableElement)).toEqual([
      'email:ada@example.com',
      'email:bob@example.com',
      'phone:+4930123456',
    ]);
    const bob = within(tableElement).getByRole('row', { name: /bob@example.com/ });
    expect(within(bob).getByText('50 %')).toBeInTheDocument();
    expect(within(bob).getByText('41.25')).toBeInTheDocument();
    expect(within(bob).getByText('warm')).toBeInTheDocument();
    expect(within(tableElement).getByRole('link', { name: 'email:ada@example.com' })).toHaveAttribute(
      'href',
      '/contacts/email%3Aada%40example.com',
    );
    expect(api.find('GET', '/v1/models/ontraport/leaderboard')[0]?.query.get('limit')).toBe('50');
    expect(document.title).toBe('Leaderboard · leadscore console');
  });

  it('shows the page’s stats', async () => {
    routes();
    renderApp('/');
    await table();
    expect(screen.getByText('Contacts scored').nextSibling).toHaveTextContent('1,234');
    expect(screen.getByText('Median score').nextSibling).toHaveTextContent('41.25');
    expect(screen.getByText('Top score').nextSibling).toHaveTextContent('88.5');
  });

  it('sends the filters as the leaderboard query and keeps them in the URL', async () => {
    const api = routes();
    const { location } = renderApp('/');
    await table();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Tier'), 'hot');
    await user.selectOptions(screen.getByLabelText('Stage'), 'mql');
    await user.selectOptions(screen.getByLabelText('Grade'), 'A');
    await waitFor(() => {
      const last = api.find('GET', '/v1/models/ontraport/leaderboard').at(-1);
      expect(last?.query.get('tier')).toBe('hot');
      expect(last?.query.get('stage')).toBe('mql');
      expect(last?.query.get('grade')).toBe('A');
    });
    const url = new URLSearchParams(location.history.at(-1)?.split('?')[1]);
    expect(Object.fromEntries(url)).toEqual({ model: 'ontraport', tier: 'hot', stage: 'mql', grade: 'A' });
  });

  it('reproduces a view from the URL', async () => {
    const api = routes();
    renderApp('/?model=webinar&tier=cold');
    expect(await screen.findByRole('table', { name: 'Leaderboard of model webinar' })).toBeInTheDocument();
    expect(screen.getByLabelText('Model')).toHaveValue('webinar');
    expect(screen.getByLabelText('Tier')).toHaveValue('cold');
    expect(api.find('GET', '/v1/models/webinar/leaderboard')[0]?.query.get('tier')).toBe('cold');
    expect(api.find('GET', '/v1/models/ontraport/leaderboard')).toHaveLength(0);
    expect(screen.getByText('No contact matches these filters.')).toBeInTheDocument();
  });

  it('pages with the cursor: Next page sends it, Previous page goes back', async () => {
    const api = routes({
      cur_page2: leaderboard({
        entries: [{ ...leaderboard().entries[2]!, contact: 'email:zed@example.com', total: 3 }],
        nextCursor: null,
      }),
    });
    renderApp('/');
    await table();
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'email:zed@example.com' })).toBeInTheDocument();
    expect(api.find('GET', '/v1/models/ontraport/leaderboard').at(-1)?.query.get('cursor')).toBe('cur_page2');
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('link', { name: 'email:bob@example.com' })).toBeInTheDocument();
    expect(api.find('GET', '/v1/models/ontraport/leaderboard').at(-1)?.query.has('cursor')).toBe(false);
  });

  it('sorts the page by a column header', async () => {
    routes();
    renderApp('/');
    const tableElement = await table();
    const user = userEvent.setup();
    await user.click(within(tableElement).getByRole('button', { name: /Relative %/ }));
    const header = within(tableElement).getByRole('columnheader', { name: /Relative %/ });
    const first = header.getAttribute('aria-sort');
    expect(first === 'ascending' || first === 'descending').toBe(true);
    const order1 = contactColumn(tableElement);
    await user.click(within(tableElement).getByRole('button', { name: /Relative %/ }));
    const order2 = contactColumn(tableElement);
    expect(order2).toEqual([...order1].reverse());
    expect(new Set(order2)).toEqual(
      new Set(['email:ada@example.com', 'email:bob@example.com', 'phone:+4930123456']),
    );
    expect([order1[0], order2[0]].sort()).toEqual(['email:ada@example.com', 'phone:+4930123456']);
  });
});
