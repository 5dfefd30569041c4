import { useCallback, useRef, useState, type FormEvent } from 'react';

export interface Submit {
  /** True while an action runs. */
  busy: boolean;
  /** What the last action threw (an ApiError carries the api's problem detail), until the next one starts. */
  error: unknown;
  /**
   * Runs `action`: clears the error, is busy meanwhile, keeps what it throws. Never rejects; resolves true
   * when the action succeeded. (Actions on different rows may overlap: busy lasts until the last ends.)
   */
  run: (action: () => Promise<void>) => Promise<boolean>;
  /** A form's onSubmit: no page load, then `run(action)`, unless an action is still out (no double submit). */
  onSubmit: (action: () => Promise<void>) => (event: FormEvent) => void;
}

/** The busy and error state of what people start: a form sent, a button pressed. */
export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Counted synchronously: a second Enter before React re-renders with busy=true submits nothing.
  const pending = useRef(0);

  const run = useCallback(async (action: () => Promise<void>) => {
    pending.current += 1;
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      pending.current -= 1;
      if (pending.current === 0) setBusy(false);
    }
  }, []);

  const onSubmit = useCallback(
    (action: () => Promise<void>) => (event: FormEvent) => {
      event.preventDefault();
      if (pending.current === 0) void run(action);
    },
    [run],
  );

  return { busy, error, run, onSubmit };
}
