import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
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
    const previous = screen.getByRole('button', { name: 'Previous page' });
    const next = screen.getByRole('button', { name: 'Next page' });
    // aria-disabled, not disabled: the button keeps the focus of whoever pressed it.
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    const firstPageRequests = api.find('GET', '/v1/models/ontraport/leaderboard').length;
    await user.click(previous);
    expect(api.find('GET', '/v1/models/ontraport/leaderboard')).toHaveLength(firstPageRequests);
    expect(screen.getByText('Page 1')).toBeInTheDocument();

    await user.click(next);
    expect(await screen.findByRole('link', { name: 'email:zed@example.com' })).toBeInTheDocument();
    expect(api.find('GET', '/v1/models/ontraport/leaderboard').at(-1)?.query.get('cursor')).toBe('cur_page2');
    expect(next).toHaveAttribute('aria-disabled', 'true');
    expect(next).toHaveFocus();
    expect(screen.getByText('Page 2')).toHaveAttribute('aria-live', 'polite');
    await user.click(next);
    expect(api.find('GET', '/v1/models/ontraport/leaderboard').at(-1)?.query.get('cursor')).toBe('cur_page2');

    await user.click(previous);
    expect(await screen.findByRole('link', { name: 'email:bob@example.com' })).toBeInTheDocument();
    expect(api.find('GET', '/v1/models/ontraport/leaderboard').at(-1)?.query.has('cursor')).toBe(false);
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    expect(previous).toHaveFocus();
  });

  it('keeps the page and the sort when it polls, and stops polling when left', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const second = leaderboard().entries.map((entry, index) => ({
      ...entry,
      contact: `email:page2-${index}@example.com`,
    }));
    let polls = 0;
    const api = mockApi({
      'GET /v1/session': { body: session('viewer') },
      'GET /v1/models': { body: modelList },
      'GET /v1/models/ontraport/leaderboard': (request) =>
        request.query.get('cursor') === 'cur_page2'
          ? // Each answer in another order: the table's sort, not the api's, decides what is shown.
            { body: leaderboard({ entries: ++polls % 2 ? second : [...second].reverse(), nextCursor: null }) }
          : { body: leaderboard() },
    });
    const { unmount } = renderApp('/');
    const tableElement = await table();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByRole('link', { name: 'email:page2-0@example.com' });
    await user.click(within(tableElement).getByRole('button', { name: /Score/ }));
    const header = within(tableElement).getByRole('columnheader', { name: /Score/ });
    const sort = header.getAttribute('aria-sort');
    const sorted = contactColumn(tableElement);
    const requests = () => api.find('GET', '/v1/models/ontraport/leaderboard');
    const before = requests().length;

    await act(() => vi.advanceTimersByTimeAsync(5000));
    await waitFor(() => expect(requests()).toHaveLength(before + 1));
    await waitFor(() => expect(polls).toBe(2));
    expect(requests().at(-1)?.query.get('cursor')).toBe('cur_page2');
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(within(tableElement).getByRole('columnheader', { name: /Score/ })).toHaveAttribute(
      'aria-sort',
      sort,
    );
    expect(contactColumn(tableElement)).toEqual(sorted);

    unmount();
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(requests()).toHaveLength(before + 1);
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
