import { useCallback, useEffect, useRef, useState } from 'react';

export type Loadable<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: T; error: unknown };

export interface UseApiOptions {
  /** Re-run every this many milliseconds while the tab is visible. */
  pollMs?: number;
  /** Skip loading while false. */
  enabled?: boolean;
}

/**
 * Loads `load()` whenever `key` changes (and on `reload()`), keeping the last data while reloading and
 * dropping answers of superseded keys. With `pollMs`, polls while the document is visible.
 */
export function useApi<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  options: UseApiOptions = {},
): Loadable<T> & { reload: () => void } {
  const { pollMs, enabled = true } = options;
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastKey = useRef(key);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    if (lastKey.current !== key) {
      lastKey.current = key;
      setState({ status: 'loading' });
    }
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({ status: 'error', error, data: previous.data }));
      },
    );
    return () => controller.abort();
  }, [key, tick, enabled]);

  usePolling(() => setTick((t) => t + 1), enabled ? pollMs : undefined);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/** Calls `callback` every `ms` while the tab is visible; when it becomes visible again, at once. */
export function usePolling(callback: () => void, ms: number | undefined): void {
  const callbackRef = useRef(callback);
  callbackRef.current = callback;

  useEffect(() => {
    if (!ms) return;
    let timer: number | undefined;
    const start = () => {
      if (timer === undefined) timer = window.setInterval(() => callbackRef.current(), ms);
    };
    const stop = () => {
      if (timer !== undefined) window.clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.hidden) stop();
      else {
        callbackRef.current();
        start();
      }
    };
    if (!document.hidden) start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [ms]);
}
