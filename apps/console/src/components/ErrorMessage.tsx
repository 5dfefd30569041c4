import { ApiError, errorText } from '../api/client';

/** An api problem's `detail`, announced; 403 says the role is not enough. */
export function ErrorMessage({ error, prefix }: { error: unknown; prefix?: string }) {
  if (error === null || error === undefined) return null;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <div className="error" role="alert">
      {prefix ? <strong>{prefix} </strong> : null}
      {forbidden ? <strong>Not allowed: </strong> : null}
      {errorText(error)}
    </div>
  );
}
