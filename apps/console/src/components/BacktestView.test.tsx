import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { modelBacktest } from '../test/fixtures';
import { BacktestView, comparisonRows } from './BacktestView';

/** The cells of the comparison row `measure`: [measure, live, candidate]. */
function comparison(measure: string): string[] {
  const table = screen.getByRole('table', { name: 'Live vs candidate' });
  const row = within(table).getByRole('row', { name: new RegExp(`^${measure} `) });
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

describe('BacktestView', () => {
  it('shows the period, contacts, what moved, the first 10 new MQLs linked, and the lost count', () => {
    render(<BacktestView backtest={modelBacktest()} />);
    const panel = screen.getByRole('region', {
      name: 'Backtest of ontraport: version 4 against live version 3',
    });
    const times = within(panel).getAllByRole('time');
    expect(times[0]).toHaveAttribute('datetime', '2025-04-01T00:00:00.000Z');
    expect(times[1]).toHaveAttribute('datetime', '2025-06-01T08:00:00.000Z');
    const card = (title: string) => within(panel).getByText(title).nextElementSibling?.textContent;
    expect(card('Contacts')).toBe('120');
    expect(card('Tier moved')).toBe('17');
    expect(card('Grade moved')).toBe('9');
    expect(card('Stage moved')).toBe('13');
    expect(card('New MQLs')).toBe('12');
    expect(card('Lost MQLs')).toBe('2');
    expect(within(panel).queryByRole('note')).not.toBeInTheDocument();

    const mqls = within(panel).getByRole('table', { name: 'First 10 of 12 new MQLs' });
    expect(within(mqls).getAllByRole('row')).toHaveLength(11);
    const first = within(mqls).getByRole('link', { name: 'email:lead1@example.com' });
    expect(first).toHaveAttribute('href', '/contacts/email%3Alead1%40example.com');
    expect(within(mqls).getAllByRole('row')[1]?.querySelector('time')).toHaveAttribute(
      'datetime',
      '2025-05-10T09:00:00.000Z',
    );
    expect(within(mqls).queryByText('email:lead11@example.com')).not.toBeInTheDocument();
  });

  it('compares live and candidate: stages, outcomes, ROC AUC, each threshold of either side, top deciles', () => {
    render(<BacktestView backtest={modelBacktest()} />);
    const table = screen.getByRole('table', { name: 'Live vs candidate' });
    expect(within(table).getByRole('columnheader', { name: 'Live (version 3)' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Candidate (version 4)' })).toBeInTheDocument();
    expect(comparison('Contacts at MQL')).toEqual(['Contacts at MQL', '15', '27']);
    expect(comparison('Contacts at Lead')).toEqual(['Contacts at Lead', '100', '88']);
    expect(comparison('Known outcomes')).toEqual(['Known outcomes', '30', '30']);
    expect(comparison('Converted')).toEqual(['Converted', '6', '6']);
    expect(comparison('ROC AUC')).toEqual(['ROC AUC', '0.712', '0.84']);
    expect(comparison('Precision at 30')).toEqual(['Precision at 30', '25 %', '30 %']);
    // 60 is a line of the live model only, 70 of the candidate only.
    expect(comparison('Recall at 60')).toEqual(['Recall at 60', '25 %', '—']);
    expect(comparison('F1 at 70')).toEqual(['F1 at 70', '—', '54.5 %']);
    expect(comparison('Lift of decile 1')).toEqual(['Lift of decile 1', '1.5', '2.5']);
    expect(comparison('Lift of decile 3')).toEqual(['Lift of decile 3', '1', '1.25']);
    expect(within(table).queryByText('Lift of decile 4')).not.toBeInTheDocument();
    expect(comparisonRows(modelBacktest()).map((row) => row.metric)).toEqual([
      'Contacts at Lead',
      'Contacts at Recycled',
      'Contacts at MQL',
      'Contacts at SQL',
      'Known outcomes',
      'Converted',
      'ROC AUC',
      'Precision at 30',
      'Recall at 30',
      'F1 at 30',
      'Precision at 60',
      'Recall at 60',
      'F1 at 60',
      'Precision at 70',
      'Recall at 70',
      'F1 at 70',
      'Lift of decile 1',
      'Lift of decile 2',
      'Lift of decile 3',
    ]);
  });

  it('notes a truncated replay, and lists no new MQLs when there are none', () => {
    render(
      <BacktestView
        backtest={modelBacktest({ truncated: true, contacts: 20000, newMql: { count: 0, first: [] } })}
      />,
    );
    expect(screen.getByRole('note')).toHaveTextContent('first 20,000 by key');
    expect(screen.queryByRole('table', { name: /new MQLs/ })).not.toBeInTheDocument();
    expect(screen.getAllByRole('table')).toHaveLength(1);
  });
});
