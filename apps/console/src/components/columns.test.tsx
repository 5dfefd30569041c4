import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DataTable } from './DataTable';
import { dateColumn } from './columns';

interface Row {
  id: string;
  at: string | null;
}

const rows: Row[] = [
  { id: 'b', at: '2025-06-01T10:00:00.000Z' },
  { id: 'none', at: null },
  { id: 'a', at: '2024-12-31T23:00:00.000Z' },
];

describe('dateColumn', () => {
  it('shows instants in <time> elements (— for none) and sorts them in time order', async () => {
    render(
      <DataTable
        caption="Rows"
        data={rows}
        sortable
        getRowId={(row: Row) => row.id}
        columns={[
          { id: 'id', header: 'Id', accessorKey: 'id', enableSorting: false },
          dateColumn<Row>('at', 'At', (row) => row.at),
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Rows' });
    const time = table.querySelector('time');
    expect(time).toHaveAttribute('datetime', '2025-06-01T10:00:00.000Z');
    expect(within(table).getByRole('row', { name: /^none/ })).toHaveTextContent('—');
    await userEvent.setup().click(within(table).getByRole('button', { name: /At/ }));
    const ids = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[0]?.textContent);
    const order = ids();
    expect(order.indexOf('a')).toBeLessThan(order.indexOf('b'));
  });
});
