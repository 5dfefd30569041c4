import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { health, session } from '../test/fixtures';
import { mockApi } from '../test/mock-api';
import { renderApp } from '../test/render';

const card = (title: string) => screen.getByText(title).closest('.card') as HTMLElement;

describe('pipeline health', () => {
  it('shows rates, lag, dead letters, webhook ratio, decay runs and each service', async () => {
    mockApi({
      'GET /v1/session': { body: session('viewer') },
      'GET /v1/pipeline/health': { body: health() },
    });
    renderApp('/health');
    expect(await screen.findByText('Events in per second')).toBeInTheDocument();
    expect(card('Events in per second')).toHaveTextContent('42.5');
    expect(card('Scores changed per second')).toHaveTextContent('17.25');
    expect(card('Dead letters')).toHaveTextContent('3');
    expect(card('Webhook success ratio')).toHaveTextContent('97 %');
    expect(card('Decay runs')).toHaveTextContent('12');
    const lag = screen.getByRole('table', { name: 'Consumer lag per group' });
    expect(within(lag).getByRole('row', { name: 'scorer 1,520' })).toBeInTheDocument();
    expect(screen.getByText('ingest: up')).toBeInTheDocument();
    expect(screen.getByText('scorer: down')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /Events in per second and scores changed per second/ }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Pipeline health · leadscore console');
  });

  it('shows rates the api cannot compute yet as —', async () => {
    mockApi({
      'GET /v1/session': { body: session('viewer') },
      'GET /v1/pipeline/health': {
        body: health({
          eventsInPerSecond: null,
          scoresChangedPerSecond: null,
          webhooks: { delivered: 0, failed: 0, successRatio: null },
          decayRuns: { total: 0, lastAt: null },
        }),
      },
    });
    renderApp('/health');
    await screen.findByText('Events in per second');
    expect(card('Events in per second').querySelector('.big')).toHaveTextContent(/^—$/);
    expect(card('Scores changed per second').querySelector('.big')).toHaveTextContent(/^—$/);
    expect(card('Webhook success ratio').querySelector('.big')).toHaveTextContent(/^—$/);
    expect(card('Decay runs')).toHaveTextContent('last run —');
  });
});
