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
