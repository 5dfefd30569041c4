import { useEffect, useId, useRef, type ReactNode } from 'react';
import { CopyButton } from './CopyButton';

/**
 * A modal dialog: focus moves into it and returns to where it was on close; Escape closes.
 * (A div with role=dialog rather than <dialog>.showModal(), which jsdom lacks.)
 */
export function Dialog({
  title,
  children,
  onClose,
}: {
  title: string;
  children: ReactNode;
  onClose: () => void;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.focus();
    return () => previous?.focus();
  }, []);

  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}

/** A secret shown this once, with a copy button. */
export function SecretDialog({
  title,
  label,
  secret,
  note,
  onClose,
}: {
  title: string;
  label: string;
  secret: string;
  note: string;
  onClose: () => void;
}) {
  const id = useId();
  return (
    <Dialog title={title} onClose={onClose}>
      <p>{note}</p>
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} readOnly value={secret} className="mono" onFocus={(event) => event.target.select()} />
        <CopyButton text={secret} />
      </div>
    </Dialog>
  );
}
