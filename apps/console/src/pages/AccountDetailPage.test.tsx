import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { accountDetail, accountMembers, session } from '../test/fixtures';
import { mockApi, problem, type Handler } from '../test/mock-api';
import { renderApp } from '../test/render';

function routes(overrides: Record<string, Handler> = {}) {
  return mockApi({
    'GET /v1/session': { body: session('viewer') },
    'GET /v1/accounts/acme.com': { body: accountDetail },
    'GET /v1/models/ontraport/accounts/acme.com/members': { body: accountMembers() },
    'GET /v1/models/webinar/accounts/acme.com/members': {
      body: accountMembers({ modelId: 'webinar', members: accountMembers().members.slice(0, 1), total: 1 }),
    },
    ...overrides,
  });
}

const cellsOf = (tableElement: HTMLElement) =>
  within(tableElement)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

/** The value of the card titled `title` in `container`. */
const card = (container: HTMLElement, title: string) =>
  within(container).getByText(title, { selector: 'dt' }).nextSibling;

describe('account page', () => {
  it('shows per model the scores, the stage (MQA badge), the tier and the roll-up', async () => {
    routes();
    renderApp('/accounts/acme.com');
    expect(await screen.findByRole('heading', { name: 'Account acme.com', level: 1 })).toBeInTheDocument();
    const ontraport = await screen.findByRole('article', { name: 'Model ontraport' });
    expect(card(ontraport, 'Total')).toHaveTextContent('75.5');
    expect(card(ontraport, 'Fit')).toHaveTextContent('30');
    expect(card(ontraport, 'Engagement')).toHaveTextContent('45.5');
    expect(card(ontraport, 'Tier')).toHaveTextContent('enterprise (hot)');
    expect(card(ontraport, 'Grade')).toHaveTextContent('A');
    expect(within(ontraport).getByText('MQA')).toHaveClass('badge', 'stage-mqa');
    expect(card(ontraport, 'Relative')).toHaveTextContent('100 %');
    expect(card(ontraport, 'Members')).toHaveTextContent('3');
    expect(within(ontraport).getByText(/^Roll-up:/)).toHaveTextContent(
      'Roll-up: topMean: the mean engagement of the 2 highest members.',
    );
    const webinar = screen.getByRole('article', { name: 'Model webinar' });
    expect(card(webinar, 'Stage')).toHaveTextContent('lead');
    expect(card(webinar, 'Relative')).toHaveTextContent('—');
    expect(within(webinar).getByText(/^Roll-up:/)).toHaveTextContent(
      'sum: every member’s engagement added up',
    );
    expect(document.title).toBe('Account acme.com · leadscore console');
    expect(screen.getByRole('link', { name: '← Accounts' })).toHaveAttribute('href', '/accounts');
  });

  it('explains the score: the highest members (which count) linked to their contact pages, and the fit rules', async () => {
    routes();
    renderApp('/accounts/acme.com');
    const members = await screen.findByRole('table', {
      name: 'Explanation: the highest members under ontraport',
    });
    expect(cellsOf(members)).toEqual([
      ['email:ada@acme.com', '60', 'yes'],
      ['email:grace@acme.com', '31', 'yes'],
      ['email:alan@acme.com', '4', 'no'],
    ]);
    expect(within(members).getByRole('link', { name: 'email:grace@acme.com' })).toHaveAttribute(
      'href',
      '/contacts/email%3Agrace%40acme.com',
    );
    const fit = screen.getByRole('table', {
      name: 'Explanation: account fit rules that match under ontraport',
    });
    expect(cellsOf(fit)).toEqual([
      ['software', '20'],
      ['mid-size', '10'],
    ]);
    expect(
      within(
        screen.getByRole('table', { name: 'Explanation: account fit rules that match under webinar' }),
      ).getByText('No account fit rule matches.'),
    ).toBeInTheDocument();
  });

  it('lists the traits', async () => {
    routes();
    renderApp('/accounts/acme.com');
    const traits = await screen.findByRole('table', { name: /^The account’s traits/ });
    expect(cellsOf(traits)).toEqual([
      ['name', 'ACME Inc.'],
      ['industry', 'Software'],
      ['employees', '250'],
    ]);
  });

  it('lists the members per model, paged, an erased member’s score as —', async () => {
    const api = routes({
      'GET /v1/models/ontraport/accounts/acme.com/members': (request) => ({
        body:
          request.query.get('offset') === '25'
            ? accountMembers({
                members: [
                  { contact: 'email:zed@acme.com', engagement: 1, total: 1, tier: 'cold', grade: null },
                ],
                total: 26,
                offset: 25,
              })
            : accountMembers({ total: 26 }),
      }),
    });
    renderApp('/accounts/acme.com');
    const section = await screen.findByRole('region', { name: 'Members under ontraport' });
    const members = await within(section).findByRole('table', {
      name: 'Members of acme.com under ontraport, highest engagement first',
    });
    expect(cellsOf(members)).toEqual([
      ['email:ada@acme.com', '60', '70', 'hot', 'B'],
      ['email:gone@acme.com', '2', '—', '—', '—'],
    ]);
    expect(within(members).getByRole('link', { name: 'email:ada@acme.com' })).toHaveAttribute(
      'href',
      '/contacts/email%3Aada%40acme.com',
    );
    expect(api.find('GET', '/v1/models/ontraport/accounts/acme.com/members')[0]?.query.get('limit')).toBe(
      '25',
    );
    expect(within(section).getByText('Page 1 of 2 (members 1–2 of 26)')).toBeInTheDocument();

    await userEvent.setup().click(within(section).getByRole('button', { name: 'Next page' }));
    expect(await within(section).findByRole('link', { name: 'email:zed@acme.com' })).toBeInTheDocument();
    expect(
      api.find('GET', '/v1/models/ontraport/accounts/acme.com/members').at(-1)?.query.get('offset'),
    ).toBe('25');
    // The other model's members stay on their first page.
    const webinar = screen.getByRole('region', { name: 'Members under webinar' });
    expect(within(webinar).getByText('Page 1 of 1 (members 1–1 of 1)')).toBeInTheDocument();
  });

  it('encodes the account in the api path', async () => {
    const api = routes({
      'GET /v1/accounts/ACME%20Inc%2FEU': { body: { account: 'ACME Inc/EU', traits: {}, models: [] } },
    });
    renderApp(`/accounts/${encodeURIComponent('ACME Inc/EU')}`);
    expect(await screen.findByText('No model scores this account yet.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Account ACME Inc/EU');
    expect(api.find('GET', '/v1/accounts/ACME%20Inc%2FEU')).toHaveLength(1);
  });

  it('shows the api’s message for an account no model scores', async () => {
    routes({
      'GET /v1/accounts/nowhere.example': {
        status: 404,
        body: problem(404, 'No model scores an account nowhere.example in this workspace.'),
      },
    });
    renderApp('/accounts/nowhere.example');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No model scores an account nowhere.example in this workspace.',
    );
    expect(screen.queryByRole('heading', { name: 'Traits' })).not.toBeInTheDocument();
  });
});
