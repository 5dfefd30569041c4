import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { modelIssue } from '../test/fixtures';
import { ProblemsList } from './ProblemsList';

describe('Problems list', () => {
  it('lists every issue as "Line N: message" in a polite live list named Problems', () => {
    render(
      <ProblemsList
        state="invalid"
        issues={[
          modelIssue(),
          modelIssue({
            path: 'tiers',
            pointer: '/tiers',
            line: 20,
            column: 3,
            message: 'hot must be above warm',
            check: 'semantic:tiers',
          }),
        ]}
      />,
    );
    const list = screen.getByRole('list', { name: 'Problems' });
    expect(list).toHaveAttribute('aria-live', 'polite');
    const items = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      'Line 7: must be number (engagement[0].points)',
      'Line 20: hot must be above warm (tiers)',
    ]);
    expect(screen.getByText('2 problems found.')).toBeInTheDocument();
  });

  it('is empty and says so when the model is valid', () => {
    render(<ProblemsList state="valid" issues={[]} />);
    expect(within(screen.getByRole('list', { name: 'Problems' })).queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.getByText('No problems: the model is valid.')).toBeInTheDocument();
  });
});
