import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// uPlot draws on a canvas and reads matchMedia, which jsdom lacks: a stand-in records what it was given.
vi.mock('uplot', async () => (await import('./uplot-mock')).uplotModule);

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof globalThis.ResizeObserver === 'undefined') {
  vi.stubGlobal('ResizeObserver', NoResizeObserver);
}

// Two cores run the files side by side: allow slower renders than the 1 s default.
configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
