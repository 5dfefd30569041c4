import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnDefTemplate,
  type OnChangeFn,
  type SortingState,
} from '@tanstack/react-table';
import { useId, useState, type ReactNode } from 'react';

export interface DataTableProps<T> {
  /** The table's caption: its accessible name. */
  caption: string;
  /** Hide the caption visually (it stays the accessible name). */
  hideCaption?: boolean;
  data: T[];
  columns: ColumnDef<T>[];
  /** Client-side sorting by clicking a header (within the rows given). */
  sortable?: boolean;
  /** The sort, when the page keeps it (e.g. across the table's reloads); else the table keeps its own. */
  sorting?: SortingState;
  onSortingChange?: OnChangeFn<SortingState>;
  getRowId?: (row: T, index: number) => string;
  empty?: ReactNode;
}

const SORT_LABEL = { asc: 'ascending', desc: 'descending' } as const;

/**
 * A header or cell template, called as a function. (react-table's flexRender mounts it as a component
 * instead: the columns a page builds while rendering are new functions each time, so every cell would be
 * unmounted and mounted again on each render of the page, losing an open confirmation and the focus.)
 */
function renderTemplate<P extends object>(template: ColumnDefTemplate<P> | undefined, props: P): ReactNode {
  if (typeof template !== 'function') return template ?? null;
  // The console's templates return elements or text (react-table types their result as any).
  const render: (props: P) => ReactNode = template;
  return render(props);
}

/** Every table of the console: react-table for the model, a plain accessible table for the markup. */
export function DataTable<T>({
  caption,
  hideCaption,
  data,
  columns,
  sortable = false,
  sorting,
  onSortingChange,
  getRowId,
  empty = 'Nothing to show.',
}: DataTableProps<T>) {
  const [ownSorting, setOwnSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data,
    columns,
    state: { sorting: sorting ?? ownSorting },
    onSortingChange: onSortingChange ?? setOwnSorting,
    enableSorting: sortable,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId,
  });
  const captionId = useId();

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId} className={hideCaption ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = header.isPlaceholder
                  ? null
                  : renderTemplate(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      sorted
                        ? SORT_LABEL[sorted]
                        : sortable && header.column.getCanSort()
                          ? 'none'
                          : undefined
                    }
                  >
                    {sortable && header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="sort-button"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {label}
                        <span aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                {empty}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{renderTemplate(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
