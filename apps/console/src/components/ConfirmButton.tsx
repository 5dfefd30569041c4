import { useEffect, useRef, useState } from 'react';

/**
 * A destructive button that asks once more, inline, before it acts. Asking moves focus to Cancel (the
 * harmless choice); answering brings it back to the button, since the buttons focus was on are gone.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  /** Handles its own errors (e.g. with useSubmit): a rejection is not caught here. */
  onConfirm: () => void | Promise<unknown>;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const answered = useRef(false);

  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (answered.current) {
      answered.current = false;
      trigger.current?.focus();
    }
  }, [asking]);

  const close = () => {
    answered.current = true;
    setAsking(false);
  };

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      close();
    }
  };

  if (!asking)
    return (
      <button
        ref={trigger}
        type="button"
        className="danger"
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>{' '}
      <button
        type="button"
        className="danger"
        aria-disabled={busy || undefined}
        onClick={() => {
          if (!busy) void confirm();
        }}
      >
        {confirmLabel}
      </button>{' '}
      <button ref={cancel} type="button" onClick={close}>
        Cancel
      </button>
    </span>
  );
}
