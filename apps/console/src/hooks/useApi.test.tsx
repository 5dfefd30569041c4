import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { useApi, type UseApiOptions } from './useApi';

type Load = (signal: AbortSignal) => Promise<string>;

function Probe({ id, load, options }: { id: string; load: Load; options?: UseApiOptions }) {
  const state = useApi(id, load, options);
  return (
    <p data-testid="probe">
      {state.status}: {state.data ?? '(none)'}
    </p>
  );
}

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Lets the fake clock run `ms`, answers and renders included. */
async function wait(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

function deferred() {
  let resolve: (value: string) => void = () => undefined;
  const promise = new Promise<string>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const shown = () => screen.getByTestId('probe').textContent;
const signalOf = (load: Mock<Load>, call: number) => load.mock.calls[call]?.[0];

describe('useApi polling', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => setHidden(false));

  it('polls every 5 s, pauses while the tab is hidden and catches up when it is shown', async () => {
    let answers = 0;
    const load = vi.fn<Load>(() => Promise.resolve(`answer ${++answers}`));
    render(<Probe id="a" load={load} options={{ pollMs: 5000 }} />);
    await wait(0);
    expect(load).toHaveBeenCalledTimes(1);
    expect(shown()).toBe('ok: answer 1');
    await wait(5000);
    await wait(5000);
    expect(load).toHaveBeenCalledTimes(3);
    act(() => setHidden(true));
    await wait(30_000);
    expect(load).toHaveBeenCalledTimes(3);
    act(() => setHidden(false));
    await wait(0);
    expect(load).toHaveBeenCalledTimes(4);
    await wait(5000);
    expect(load).toHaveBeenCalledTimes(5);
    expect(shown()).toBe('ok: answer 5');
  });

  it('never overlaps: the next poll waits for the answer, which is not aborted however slow', async () => {
    const slow = deferred();
    const load = vi.fn<Load>((): Promise<string> => Promise.resolve('fast'));
    render(<Probe id="a" load={load} options={{ pollMs: 5000 }} />);
    await wait(0);
    load.mockImplementationOnce(() => slow.promise);
    await wait(5000);
    expect(load).toHaveBeenCalledTimes(2);
    await wait(30_000);
    expect(load).toHaveBeenCalledTimes(2);
    // The last data stays while the poll is out.
    expect(shown()).toBe('ok: fast');
    expect(signalOf(load, 1)?.aborted).toBe(false);
    await act(async () => {
      slow.resolve('slow');
      await Promise.resolve();
    });
    expect(shown()).toBe('ok: slow');
    await wait(4999);
    expect(load).toHaveBeenCalledTimes(2);
    await wait(1);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('keeps polling after a failed poll, showing the last data with the error', async () => {
    const load = vi.fn<Load>(() => Promise.resolve('first'));
    render(<Probe id="a" load={load} options={{ pollMs: 5000 }} />);
    await wait(0);
    load.mockImplementationOnce(() => Promise.reject(new Error('down')));
    await wait(5000);
    expect(shown()).toBe('error: first');
    await wait(5000);
    expect(load).toHaveBeenCalledTimes(3);
    expect(shown()).toBe('ok: first');
  });

  it('stops on unmount: aborts the request out and polls no more', async () => {
    const load = vi.fn<Load>(() => new Promise<string>(() => undefined));
    const { unmount } = render(<Probe id="a" load={load} options={{ pollMs: 5000 }} />);
    await wait(0);
    unmount();
    expect(signalOf(load, 0)?.aborted).toBe(true);
    await wait(60_000);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('stops on unmount between polls too', async () => {
    const load = vi.fn<Load>(() => Promise.resolve('x'));
    const { unmount } = render(<Probe id="a" load={load} options={{ pollMs: 5000 }} />);
    await wait(0);
    unmount();
    await wait(60_000);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('useApi keys', () => {
  it('drops the data of another key, or keeps it while the new one loads with keepData', async () => {
    const next = deferred();
    const load = vi.fn<Load>(() => Promise.resolve('page 1'));
    const { rerender } = render(<Probe id="1" load={load} />);
    expect(await screen.findByText('ok: page 1')).toBeInTheDocument();

    load.mockImplementationOnce(() => next.promise);
    rerender(<Probe id="2" load={load} />);
    expect(shown()).toBe('loading: (none)');
    await act(async () => {
      next.resolve('page 2');
      await Promise.resolve();
    });
    expect(shown()).toBe('ok: page 2');

    const third = deferred();
    load.mockImplementationOnce(() => third.promise);
    rerender(<Probe id="3" load={load} options={{ keepData: true }} />);
    expect(shown()).toBe('loading: page 2');
    await act(async () => {
      third.resolve('page 3');
      await Promise.resolve();
    });
    expect(shown()).toBe('ok: page 3');
  });

  it('aborts the request of a superseded key and ignores its answer', async () => {
    const first = deferred();
    const load = vi.fn<Load>(() => first.promise);
    const { rerender } = render(<Probe id="1" load={load} />);
    load.mockImplementation(() => Promise.resolve('second'));
    rerender(<Probe id="2" load={load} />);
    expect(signalOf(load, 0)?.aborted).toBe(true);
    expect(await screen.findByText('ok: second')).toBeInTheDocument();
    await act(async () => {
      first.resolve('first, late');
      await Promise.resolve();
    });
    expect(shown()).toBe('ok: second');
  });
});
