import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSubmit, type Submit } from './useSubmit';

function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<void>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

function Form({ action, expose }: { action: () => Promise<void>; expose?: (submit: Submit) => void }) {
  const submit = useSubmit();
  expose?.(submit);
  return (
    <form aria-label="Form" onSubmit={submit.onSubmit(action)}>
      <input aria-label="Field" />
      <ErrorMessage error={submit.error} />
      <button type="submit" aria-disabled={submit.busy || undefined}>
        Send
      </button>
    </form>
  );
}

describe('useSubmit', () => {
  it('is busy while the action runs and submits once however often the form is sent meanwhile', async () => {
    const answer = deferred();
    let calls = 0;
    render(
      <Form
        action={() => {
          calls += 1;
          return answer.promise;
        }}
      />,
    );
    const user = userEvent.setup();
    const button = screen.getByRole('button', { name: 'Send' });
    await user.click(button);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    await user.type(screen.getByLabelText('Field'), '{Enter}');
    expect(calls).toBe(1);
    await act(async () => {
      answer.resolve();
      await Promise.resolve();
    });
    expect(button).not.toHaveAttribute('aria-disabled');
    await user.click(button);
    expect(calls).toBe(2);
  });

  it('shows the api problem’s detail, clears it when sent again, and is not busy after a failure', async () => {
    const first = deferred();
    const second = deferred();
    const answers = [first, second];
    render(<Form action={() => answers.shift()?.promise ?? Promise.resolve()} />);
    const user = userEvent.setup();
    const button = screen.getByRole('button', { name: 'Send' });
    await user.click(button);
    await act(async () => {
      first.reject(new ApiError(409, 'Conflict', 'A webhook with this URL exists already.', null));
      await Promise.resolve();
    });
    expect(screen.getByRole('alert')).toHaveTextContent('A webhook with this URL exists already.');
    expect(button).not.toHaveAttribute('aria-disabled');
    await user.click(button);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await act(async () => {
      second.resolve();
      await Promise.resolve();
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('runs actions of different rows side by side, busy until the last ends; run never rejects', async () => {
    let submit: Submit | undefined;
    render(<Form action={() => Promise.resolve()} expose={(value) => (submit = value)} />);
    const a = deferred();
    const b = deferred();
    let ranA: Promise<boolean> = Promise.resolve(false);
    let ranB: Promise<boolean> = Promise.resolve(false);
    act(() => {
      ranA = submit!.run(() => a.promise);
      ranB = submit!.run(() => b.promise);
    });
    expect(submit!.busy).toBe(true);
    await act(async () => {
      a.reject(new Error('row a failed'));
      await Promise.resolve();
    });
    await expect(ranA).resolves.toBe(false);
    expect(submit!.busy).toBe(true);
    await act(async () => {
      b.resolve();
      await Promise.resolve();
    });
    await expect(ranB).resolves.toBe(true);
    expect(submit!.busy).toBe(false);
  });
});
