import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePolling } from './useApi';

function Poller({ onTick }: { onTick: () => void }) {
  usePolling(onTick, 5000);
  return <p>polling</p>;
}

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('usePolling', () => {
  afterEach(() => setHidden(false));

  it('polls every 5 s, pauses while the tab is hidden and catches up when it is shown', () => {
    vi.useFakeTimers();
    const onTick = vi.fn();
    render(<Poller onTick={onTick} />);
    expect(screen.getByText('polling')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(onTick).toHaveBeenCalledTimes(2);
    act(() => {
      setHidden(true);
    });
    act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(onTick).toHaveBeenCalledTimes(2);
    act(() => {
      setHidden(false);
    });
    expect(onTick).toHaveBeenCalledTimes(3);
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(onTick).toHaveBeenCalledTimes(4);
  });
});
