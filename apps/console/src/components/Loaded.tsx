import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import type { Loadable } from '../hooks/useApi';
import { ErrorMessage } from './ErrorMessage';

/**
 * What a `useApi` load shows: a polite status while it loads, the api's problem if it fails (or `missing`,
 * calmly, if it answered 404), and `children(data)` once there is data (still shown after a failed
 * refresh, under the problem).
 */
export function Loaded<T>({
  state,
  loading = 'Loading…',
  missing,
  children,
}: {
  state: Loadable<T>;
  loading?: string;
  /** Shown instead of an error when the api answers 404 (e.g. nothing archived yet). */
  missing?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'error' && missing !== undefined && state.error instanceof ApiError) {
    if (state.error.status === 404) return <p className="calm">{missing}</p>;
  }
  return (
    <>
      {state.status === 'loading' ? (
        <p className="loading" role="status">
          {loading}
        </p>
      ) : null}
      <ErrorMessage error={state.error} />
      {state.data !== undefined ? children(state.data) : null}
    </>
  );
}
