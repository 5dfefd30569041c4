import type { ColumnDef } from '@tanstack/react-table';
import { dateTime } from '../format';

/**
 * A column of instants: sorted by the ISO text (which sorts in time order), shown for people in a
 * <time> element; — where there is none.
 */
export function dateColumn<T>(
  id: string,
  header: string,
  instant: (row: T) => string | null | undefined,
): ColumnDef<T> {
  return {
    id,
    header,
    accessorFn: (row) => instant(row) ?? '',
    cell: ({ row }) => {
      const iso = instant(row.original);
      return iso ? <time dateTime={iso}>{dateTime(iso)}</time> : dateTime(iso);
    },
  };
}
