import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { CopyButton } from './CopyButton';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Where focus goes back to on close: the element that had it, else the page's main region. */
function restoreFocus(previous: HTMLElement | null): void {
  if (previous && previous !== document.body && previous.isConnected) {
    previous.focus();
    if (document.activeElement === previous) return;
  }
  document.getElementById('main')?.focus();
}

/** Tab and Shift+Tab stay among the dialog's controls (aria-modal: the page behind is out of reach). */
function trapTab(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === event.currentTarget)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * A modal dialog: focus moves into it, stays in it while it is open and returns to where it was on close;
 * Escape closes. (A div with role=dialog rather than <dialog>.showModal(), which jsdom lacks.)
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
    return () => restoreFocus(previous);
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
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          } else trapTab(event);
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

/**
 * A secret shown this once, with a copy button. The page holds the secret only while this is open: its
 * `onClose` must drop it (set the state that holds it back to null).
 */
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
        <input
          id={id}
          readOnly
          value={secret}
          className="mono"
          autoComplete="off"
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
        <CopyButton text={secret} />
      </div>
    </Dialog>
  );
}
