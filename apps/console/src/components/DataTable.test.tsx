import type { ColumnDef } from '@tanstack/react-table';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ConfirmButton } from './ConfirmButton';
import { DataTable } from './DataTable';

interface Row {
  id: string;
  name: string;
}

/** Builds its columns while rendering, as the pages do, and re-renders on every click of its button. */
function Page() {
  const [renders, setRenders] = useState(0);
  const columns: ColumnDef<Row>[] = [
    { id: 'name', header: 'Name', accessorKey: 'name' },
    {
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => (
        <>
          <ConfirmButton
            label={`Remove ${row.original.name}`}
            question={`Remove ${row.original.name}?`}
            confirmLabel="Yes, remove"
            onConfirm={() => undefined}
          />
          <button type="button" onClick={() => setRenders((n) => n + 1)}>
            Touch {row.original.name}
          </button>
        </>
      ),
    },
  ];
  return (
    <>
      <p>Renders: {renders}</p>
      <DataTable
        caption="People"
        data={[{ id: '1', name: 'Ada' }]}
        columns={columns}
        getRowId={(r) => r.id}
      />
    </>
  );
}

describe('DataTable', () => {
  it('is a table named by its caption inside a focusable scrolling region of the same name', () => {
    render(<Page />);
    const region = screen.getByRole('region', { name: 'People' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(within(region).getByRole('table', { name: 'People' })).toBeInTheDocument();
  });

  it('keeps the cells (their state and the focus) when the page renders its columns anew', async () => {
    render(<Page />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Remove Ada' }));
    const touch = screen.getByRole('button', { name: 'Touch Ada' });
    await user.click(touch);
    expect(screen.getByText('Renders: 1')).toBeInTheDocument();
    // The same button, still focused, and the confirmation still open.
    expect(screen.getByRole('button', { name: 'Touch Ada' })).toBe(touch);
    expect(touch).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Remove Ada?' })).toBeInTheDocument();
  });
});
