import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../api/types';
import { contactScores, history, lifecycle, session, timeline } from '../test/fixtures';
import { mockApi, problem, type Handler } from '../test/mock-api';
import { renderApp } from '../test/render';
import { plots } from '../test/uplot-mock';

const CONTACT = 'email:ada@example.com';
const BASE = '/v1/contacts/email%3Aada%40example.com';

function routes(role: Role = 'viewer', overrides: Record<string, Handler> = {}) {
  return mockApi({
    'GET /v1/session': { body: session(role) },
    [`GET ${BASE}`]: { body: contactScores },
    [`GET ${BASE}/history`]: { body: history },
    [`GET ${BASE}/timeline`]: { body: timeline },
    [`GET ${BASE}/lifecycle`]: { body: lifecycle },
    ...overrides,
  });
}

const open = () => renderApp(`/contacts/${encodeURIComponent(CONTACT)}`);

describe('contact page', () => {
  beforeEach(() => {
    plots.length = 0;
  });

  it('says where each frequency rule’s count stands and when its oldest event leaves the window', async () => {
    const [first] = contactScores.models;
    if (!first) throw new Error('fixture without a model');
    const counting = {
      ...contactScores,
      models: [
        {
          ...first,
          frequencyCounts: [
            {
              ruleId: 'pricing-frequency',
              count: 6,
              orMore: true,
              withinDays: 30,
              range: { min: 6, max: null, points: 20 },
              oldestLeavesAt: '2025-06-20T10:00:00.000Z',
            },
            {
              ruleId: 'email-burst',
              count: 1,
              orMore: false,
              withinDays: 7,
              range: null,
              oldestLeavesAt: '2025-06-03T10:00:00.000Z',
            },
          ],
        },
      ],
    };
    routes('viewer', { [`GET ${BASE}`]: { body: counting } });
    open();
    const card = await screen.findByRole('article', { name: 'Model ontraport' });
    expect(within(card).getByRole('heading', { name: 'Counting' })).toBeInTheDocument();
    expect(
      within(card).getByText(/^pricing-frequency: 6 or more in 30 days, worth 20; the oldest leaves/),
    ).toBeInTheDocument();
    expect(within(card).getByText(/^email-burst: 1 in 7 days, in no range/)).toBeInTheDocument();
  });

  it('says which keys were merged into the contact, and which contact a merged-away key now is', async () => {
    routes('viewer', {
      [`GET ${BASE}`]: {
        body: { ...contactScores, mergedFrom: 'anon:visitor-1', identities: ['anon:visitor-1', 'user:7'] },
      },
    });
    open();
    expect(await screen.findByText('Also known as anon:visitor-1, user:7.')).toBeInTheDocument();
    const merged = screen.getByText(/^anon:visitor-1 was merged into/);
    expect(within(merged).getByRole('link', { name: CONTACT })).toHaveAttribute(
      'href',
      `/contacts/${encodeURIComponent(CONTACT)}`,
    );
  });

  it('shows a named tier with the cold, warm or hot it counts as', async () => {
    const [first] = contactScores.models;
    if (!first) throw new Error('fixture without a model');
    const named = {
      ...contactScores,
      models: [{ ...first, now: { ...first.now, tierName: 'sales-ready' } }],
    };
    routes('viewer', { [`GET ${BASE}`]: { body: named } });
    open();
    const card = await screen.findByRole('article', { name: 'Model ontraport' });
    expect(within(card).getByText('Tier').nextSibling).toHaveTextContent('sales-ready (hot)');
  });

  it('shows the predictive probability and what moves it, only under a model with a predictive section', async () => {
    const [first] = contactScores.models;
    if (!first) throw new Error('fixture without a model');
    const predictive = {
      ...contactScores,
      models: [
        {
          ...first,
          now: { ...first.now, probability: 72.45 },
          predictiveContributions: [
            { feature: 'industry-saas', input: 1, logOdds: 1.5 },
            { feature: 'page-views', input: 2, logOdds: -0.4 },
          ],
        },
      ],
    };
    routes('viewer', { [`GET ${BASE}`]: { body: predictive } });
    open();
    const card = await screen.findByRole('article', { name: 'Model ontraport' });
    expect(within(card).getByText('Probability').nextSibling).toHaveTextContent('72.45 %');
    const table = within(card).getByRole('table', { name: /^Predictive score/ });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['FeatureInputLog-odds', 'industry-saas11.5', 'page-views2-0.4']);
  });

  it('shows no probability under a model without a predictive section', async () => {
    routes();
    open();
    const card = await screen.findByRole('article', { name: 'Model ontraport' });
    expect(within(card).queryByText('Probability')).toBeNull();
    expect(within(card).queryByRole('table', { name: /^Predictive score/ })).toBeNull();
  });

  it('shows each model’s current scores and the points of every rule', async () => {
    routes();
    open();
    expect(await screen.findByRole('heading', { level: 1, name: `Contact ${CONTACT}` })).toBeInTheDocument();
    const card = await screen.findByRole('article', { name: 'Model ontraport' });
    expect(within(card).getByText('Total').nextSibling).toHaveTextContent('61.96');
    expect(within(card).getByText('Fit').nextSibling).toHaveTextContent('35');
    expect(within(card).getByText('Engagement').nextSibling).toHaveTextContent('26.96');
    expect(within(card).getByText('Tier').nextSibling).toHaveTextContent('hot');
    expect(within(card).getByText('Grade').nextSibling).toHaveTextContent('A');
    const explanation = within(card).getByRole('table', {
      name: 'Explanation: points per rule under ontraport',
    });
    const login = within(explanation).getByRole('row', { name: /membership-login/ });
    expect(within(login).getByText('14.71')).toBeInTheDocument();
    expect(within(login).getByText('engagement')).toBeInTheDocument();
    // The score group a rule belongs to, and a dash for a rule in none.
    expect(within(login).getByText('website')).toBeInTheDocument();
    const ceo = within(explanation).getByRole('row', { name: /job-title-ceo/ });
    expect(
      within(ceo)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['job-title-ceo', 'fit', '—', '15', '—']);
    expect(document.title).toBe(`Contact ${CONTACT} · leadscore console`);
  });

  it('charts the history per model with total, fit, engagement and decay markers, with a table alternative', async () => {
    const api = routes();
    open();
    const chart = await screen.findByRole('img', {
      name: /Score history of email:ada@example.com under model ontraport/,
    });
    expect(chart.getAttribute('aria-label')).toContain('2 changes, 1 of them decay steps');
    expect(api.find('GET', `${BASE}/history`)[0]?.query.get('model')).toBe('ontraport');
    // The figure's element renders first; uPlot draws into it from an effect, a moment later.
    await waitFor(() => expect(plots.length).toBeGreaterThan(0));
    const plot = plots.at(-1)!;
    expect(plot.options.series.map((s) => s.label)).toEqual([
      undefined,
      'Total',
      'Fit',
      'Engagement',
      'Decay steps',
    ]);
    expect(plot.data[1]).toEqual([40, 39.9]);
    expect(plot.data[4]).toEqual([null, 39.9]);
    const alternative = screen.getByRole('table', {
      name: 'Score changes under model ontraport',
      hidden: true,
    });
    expect(within(alternative).getByText('decay')).toBeInTheDocument();
  });

  it('lists the timeline: time, event type, points per model and rules', async () => {
    routes();
    open();
    const events = await screen.findByRole('table', { name: 'Events, newest first' });
    const rows = within(events).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('web.page_viewed')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('ontraport: +18')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('ontraport/membership-login')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('none')).toBeInTheDocument();
  });

  it('shows lifecycle transitions and webhook deliveries', async () => {
    routes();
    open();
    const transitions = await screen.findByRole('table', { name: 'Transitions, newest first' });
    expect(within(transitions).getByRole('row', { name: /stage lead mql/ })).toBeInTheDocument();
    expect(within(transitions).getByRole('row', { name: /tier warm hot/ })).toBeInTheDocument();
    expect(
      within(transitions).getByRole('row', { name: /tier engaged \(warm\) evaluating \(warm\)/ }),
    ).toBeInTheDocument();
    const deliveries = screen.getByRole('table', { name: 'Webhook deliveries' });
    expect(within(deliveries).getByText('lead.stage_changed')).toBeInTheDocument();
    expect(within(deliveries).getByText('delivered')).toBeInTheDocument();
  });

  it('says calmly that nothing is archived yet when history and timeline answer 404', async () => {
    routes('viewer', {
      [`GET ${BASE}/history`]: {
        status: 404,
        body: problem(404, 'The archive holds nothing of this contact.'),
      },
      [`GET ${BASE}/timeline`]: {
        status: 404,
        body: problem(404, 'The archive holds nothing of this contact.'),
      },
    });
    open();
    expect(
      await screen.findByText('Nothing archived yet for this contact under ontraport.'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Nothing archived yet for this contact.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lets only an admin erase, after confirming', async () => {
    const api = routes('admin', {
      [`DELETE ${BASE}`]: {
        body: {
          erasureId: 'era_1',
          contact: CONTACT,
          erasedAt: '2025-06-01T10:00:00.000Z',
          erased: {
            scores: 1,
            ranks: 1,
            profiles: 1,
            lifecycleStates: 1,
            webhookDeliveries: 1,
            auditTargets: 0,
            aliases: 0,
          },
          archive: 'pending',
        },
      },
    });
    open();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Erase contact' }));
    expect(api.find('DELETE', BASE)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Yes, erase' }));
    expect(await screen.findByText(/Erased email:ada@example.com/)).toBeInTheDocument();
    expect(api.find('DELETE', BASE)[0]?.headers['x-csrf-token']).toBe('csrf-123');
  });

  it('offers no erase button to a viewer', async () => {
    routes('viewer');
    open();
    await screen.findByRole('article', { name: 'Model ontraport' });
    expect(screen.queryByRole('button', { name: 'Erase contact' })).not.toBeInTheDocument();
  });

  it('unmounting destroys the chart', async () => {
    routes();
    const { unmount } = open();
    await screen.findByRole('img', { name: /Score history/ });
    unmount();
    await waitFor(() => expect(plots.every((plot) => plot.destroyed)).toBe(true));
  });
});
