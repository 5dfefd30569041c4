import type { Submit } from '../hooks/useSubmit';
import { ErrorMessage } from './ErrorMessage';

/**
 * The end of a form sent with useSubmit: the api's problem when sending failed, then the submit button.
 * While sending, the button is aria-disabled rather than disabled, so that it keeps the focus (a disabled
 * button drops it to the page, and a dialog opened by the answer could not give it back).
 */
export function SubmitRow({
  submit,
  label,
  disabled,
}: {
  submit: Pick<Submit, 'busy' | 'error'>;
  label: string;
  /** Not sendable as it is (e.g. nothing chosen yet). */
  disabled?: boolean;
}) {
  return (
    <>
      <ErrorMessage error={submit.error} />
      <div>
        <button
          type="submit"
          className="primary"
          disabled={disabled}
          aria-disabled={submit.busy || undefined}
        >
          {label}
        </button>
      </div>
    </>
  );
}
