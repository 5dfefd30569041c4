import { useCallback, useEffect, useRef, useState } from 'react';

export type Loadable<T> =
  | { status: 'loading'; data?: T; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: T; error: unknown };

export interface UseApiOptions {
  /** Load again this many milliseconds after the last answer, while the tab is visible. */
  pollMs?: number;
  /** Skip loading while false. */
  enabled?: boolean;
  /**
   * While a new key loads, keep the data of the previous one (status 'loading' with data): for paging and
   * filters, so that the table and the buttons that asked for the new key stay where they are.
   */
  keepData?: boolean;
}

/** The last answer, with the key it answers. */
interface Stored<T> {
  key: string;
  loadable: Loadable<T>;
}

/**
 * Loads `load()` whenever `key` changes (and on `reload()`), keeping the last data while reloading and
 * dropping answers of superseded keys (their request is aborted).
 *
 * With `pollMs` it loads again `pollMs` after each answer, so polls never overlap; not while the document is
 * hidden, and at once when it is shown again. Unmounting aborts the request and stops polling.
 */
export function useApi<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  options: UseApiOptions = {},
): Loadable<T> & { reload: () => void } {
  const { pollMs, enabled = true, keepData = false } = options;
  const [state, setState] = useState<Stored<T>>({ key, loadable: { status: 'loading' } });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let timer: number | undefined;
    let settled = false;
    const poll = () => {
      timer = undefined;
      setTick((t) => t + 1);
    };
    const schedule = () => {
      if (pollMs && !document.hidden) timer = window.setTimeout(poll, pollMs);
    };
    const onVisibility = () => {
      if (document.hidden) {
        window.clearTimeout(timer);
        timer = undefined;
      } else if (settled && timer === undefined) {
        poll();
      }
    };

    loadRef
      .current(controller.signal)
      .then(
        (data) => {
          if (!controller.signal.aborted) setState({ key, loadable: { status: 'ok', data } });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState((previous) => ({
            key,
            loadable: {
              status: 'error',
              error,
              data: previous.key === key || keepData ? previous.loadable.data : undefined,
            },
          }));
        },
      )
      .finally(() => {
        settled = true;
        if (!controller.signal.aborted) schedule();
      });
    if (pollMs) document.addEventListener('visibilitychange', onVisibility);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [key, tick, enabled, pollMs, keepData]);

  const reload = useCallback(() => setTick((t) => t + 1), []);

  if (state.key === key) return { ...state.loadable, reload };
  // A new key whose answer has not come yet.
  const previous = state.loadable.data;
  return keepData && previous !== undefined
    ? { status: 'loading', data: previous, reload }
    : { status: 'loading', reload };
}
