import { useState } from 'react';

export interface CursorWalk {
  /** The cursor of the page shown (null: the first page). */
  cursor: string | null;
  /** 1-based number of the page shown. */
  page: number;
  back: () => void;
  forward: (nextCursor: string) => void;
}

/**
 * Cursor paging: the cursors of the pages walked so far, back to the first page whenever `view` (the
 * filters the cursors belong to) changes. Polling the page shown keeps the walk.
 */
export function useCursorWalk(view: string): CursorWalk {
  const [walk, setWalk] = useState<{ view: string; cursors: (string | null)[] }>({
    view,
    cursors: [null],
  });
  const cursors = walk.view === view ? walk.cursors : [null];
  return {
    cursor: cursors[cursors.length - 1] ?? null,
    page: cursors.length,
    back: () => setWalk({ view, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
    forward: (nextCursor) => setWalk({ view, cursors: [...cursors, nextCursor] }),
  };
}

/**
 * Previous and Next for a cursor walk; the page number is announced as it changes. At either end a button
 * is aria-disabled rather than disabled: it keeps the focus of whoever just pressed it.
 */
export function Pager({ walk, nextCursor }: { walk: CursorWalk; nextCursor: string | null | undefined }) {
  const first = walk.page <= 1;
  return (
    <div className="pager">
      <button
        type="button"
        aria-disabled={first || undefined}
        onClick={() => {
          if (!first) walk.back();
        }}
      >
        Previous page
      </button>
      <span className="hint" aria-live="polite" aria-atomic="true">
        Page {walk.page}
      </span>
      <button
        type="button"
        aria-disabled={!nextCursor || undefined}
        onClick={() => {
          if (nextCursor) walk.forward(nextCursor);
        }}
      >
        Next page
      </button>
    </div>
  );
}

/**
 * Offset paging: the offset of the page shown, back to 0 whenever `view` (the filters the offsets belong
 * to) changes. Polling the page shown keeps it.
 */
export function useOffset(view: string): [number, (offset: number) => void] {
  const [state, setState] = useState<{ view: string; offset: number }>({ view, offset: 0 });
  const offset = state.view === view ? state.offset : 0;
  return [offset, (next: number) => setState({ view, offset: Math.max(0, next) })];
}

/**
 * Previous and Next over an offset-paged answer (`total` rows, `limit` a page), with the page number
 * and the rows shown announced as they change; at either end a button is aria-disabled (it keeps the focus).
 */
export function OffsetPager({
  offset,
  limit,
  total,
  shown,
  onChange,
  label = 'rows',
}: {
  offset: number;
  limit: number;
  total: number;
  /** Rows on the page shown. */
  shown: number;
  onChange: (offset: number) => void;
  /** What the rows are, e.g. "accounts". */
  label?: string;
}) {
  const first = offset <= 0;
  const last = offset + shown >= total;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <div className="pager">
      <button
        type="button"
        aria-disabled={first || undefined}
        onClick={() => {
          if (!first) onChange(Math.max(0, offset - limit));
        }}
      >
        Previous page
      </button>
      <span className="hint" aria-live="polite" aria-atomic="true">
        Page {page} of {pages}
        {shown > 0 ? ` (${label} ${offset + 1}–${offset + shown} of ${total})` : ''}
      </span>
      <button
        type="button"
        aria-disabled={last || undefined}
        onClick={() => {
          if (!last) onChange(offset + limit);
        }}
      >
        Next page
      </button>
    </div>
  );
}
