import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { accountLeaderboard, modelList, session } from '../test/fixtures';
import { mockApi, problem, type Handler } from '../test/mock-api';
import { renderApp } from '../test/render';

function routes(overrides: Record<string, Handler> = {}) {
  return mockApi({
    'GET /v1/session': { body: session('viewer') },
    'GET /v1/models': { body: modelList },
    'GET /v1/models/ontraport/accounts': { body: accountLeaderboard() },
    'GET /v1/models/webinar/accounts': {
      body: accountLeaderboard({ modelId: 'webinar', entries: [], total: 0 }),
    },
    ...overrides,
  });
}

const table = (model = 'ontraport') => screen.findByRole('table', { name: `Accounts of model ${model}` });
const rowsOf = (tableElement: HTMLElement) =>
  within(tableElement)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

describe('accounts page', () => {
  it('lists the first model’s accounts: rank, link to the account, score, relative %, tier, grade, members, MQA', async () => {
    const api = routes();
    renderApp('/accounts');
    const tableElement = await table();
    expect(rowsOf(tableElement)).toEqual([
      ['1', 'acme.com', '75.5', '100 %', 'enterprise (hot)', 'A', '12', 'MQA'],
      ['2', 'globex', '20', '50 %', '—', '—', '1', 'lead'],
    ]);
    expect(within(tableElement).getByRole('link', { name: 'acme.com' })).toHaveAttribute(
      'href',
      '/accounts/acme.com',
    );
    expect(within(tableElement).getByText('MQA')).toHaveClass('badge', 'stage-mqa');
    expect(within(tableElement).getByText('enterprise (hot)')).toHaveClass('badge', 'tier-hot');
    const request = api.find('GET', '/v1/models/ontraport/accounts')[0];
    expect(Object.fromEntries(request?.query ?? [])).toEqual({ limit: '50', offset: '0' });
    expect(screen.getByText('2 accounts scored by this model.')).toBeInTheDocument();
    expect(document.title).toBe('Accounts · leadscore console');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Accounts' })).toHaveAttribute('aria-current', 'page');
  });

  it('sends the stage and tier as the query and keeps them in the URL', async () => {
    const api = routes();
    const { location } = renderApp('/accounts');
    await table();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Stage'), 'mqa');
    await user.selectOptions(screen.getByLabelText('Tier'), 'hot');
    await waitFor(() => {
      const last = api.find('GET', '/v1/models/ontraport/accounts').at(-1);
      expect(last?.query.get('stage')).toBe('mqa');
      expect(last?.query.get('tier')).toBe('hot');
    });
    const url = new URLSearchParams(location.history.at(-1)?.split('?')[1]);
    expect(Object.fromEntries(url)).toEqual({ model: 'ontraport', stage: 'mqa', tier: 'hot' });
  });

  it('reproduces a view from the URL, and says when nothing matches', async () => {
    const api = routes();
    renderApp('/accounts?model=webinar&stage=mqa');
    expect(await table('webinar')).toBeInTheDocument();
    expect(screen.getByLabelText('Model')).toHaveValue('webinar');
    expect(screen.getByLabelText('Stage')).toHaveValue('mqa');
    expect(api.find('GET', '/v1/models/webinar/accounts')[0]?.query.get('stage')).toBe('mqa');
    expect(api.find('GET', '/v1/models/ontraport/accounts')).toHaveLength(0);
    expect(screen.getByText('No account matches these filters.')).toBeInTheDocument();
  });

  it('pages by offset: Next page asks for the next 50 and ranks them on, Previous page goes back', async () => {
    const second = accountLeaderboard({
      entries: [{ ...accountLeaderboard().entries[1]!, account: 'initech' }],
      total: 51,
      offset: 50,
    });
    const api = routes({
      'GET /v1/models/ontraport/accounts': (request) => ({
        body: request.query.get('offset') === '50' ? second : accountLeaderboard({ total: 51 }),
      }),
    });
    renderApp('/accounts');
    await table();
    const user = userEvent.setup();
    const previous = screen.getByRole('button', { name: 'Previous page' });
    const next = screen.getByRole('button', { name: 'Next page' });
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('Page 1 of 2 (accounts 1–2 of 51)')).toHaveAttribute('aria-live', 'polite');

    await user.click(next);
    expect(await screen.findByRole('link', { name: 'initech' })).toBeInTheDocument();
    expect(api.find('GET', '/v1/models/ontraport/accounts').at(-1)?.query.get('offset')).toBe('50');
    expect(rowsOf(await table())[0]?.[0]).toBe('51');
    expect(screen.getByText('Page 2 of 2 (accounts 51–51 of 51)')).toBeInTheDocument();
    expect(next).toHaveAttribute('aria-disabled', 'true');
    expect(next).toHaveFocus();

    await user.click(previous);
    expect(await screen.findByRole('link', { name: 'acme.com' })).toBeInTheDocument();
    expect(api.find('GET', '/v1/models/ontraport/accounts').at(-1)?.query.get('offset')).toBe('0');
    expect(previous).toHaveAttribute('aria-disabled', 'true');
  });

  it('goes back to the first page when a filter changes', async () => {
    const api = routes({
      'GET /v1/models/ontraport/accounts': (request) => ({
        body: accountLeaderboard({ total: 120, offset: Number(request.query.get('offset')) }),
      }),
    });
    renderApp('/accounts');
    await table();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText(/^Page 2 of 3/);
    await user.selectOptions(screen.getByLabelText('Stage'), 'lead');
    await waitFor(() => {
      const last = api.find('GET', '/v1/models/ontraport/accounts').at(-1);
      expect(last?.query.get('stage')).toBe('lead');
      expect(last?.query.get('offset')).toBe('0');
    });
  });

  it('shows the api’s problem', async () => {
    routes({
      'GET /v1/models/ontraport/accounts': {
        status: 400,
        body: problem(
          400,
          '?tier must be cold, warm, hot or the id of one of the model’s named account tiers.',
        ),
      },
    });
    renderApp('/accounts');
    expect(await screen.findByRole('alert')).toHaveTextContent('?tier must be cold, warm, hot');
  });
});
