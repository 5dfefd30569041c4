import { type INestApplication } from '@nestjs/common';
import { ReadinessService } from './readiness.service.js';

export const DEFAULT_SHUTDOWN_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/** The part of `process` that delivers signals; tests pass an EventEmitter. */
export interface SignalSource {
  once(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  removeListener(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

/**
 * Flips readiness to 503 the moment a signal arrives, before any shutdown work; returns the function
 * that stops listening.
 */
export function drainOnSignals(
  readiness: Pick<ReadinessService, 'startDraining'>,
  signals: readonly NodeJS.Signals[] = DEFAULT_SHUTDOWN_SIGNALS,
  source: SignalSource = process,
): () => void {
  const onSignal = (signal: NodeJS.Signals) => readiness.startDraining(`received ${signal}`);
  for (const signal of signals) source.once(signal, onSignal);
  return () => {
    for (const signal of signals) source.removeListener(signal, onSignal);
  };
}

/**
 * Call in main.ts before `listen`. On SIGTERM/SIGINT: /readyz answers 503 at once; then Nest's
 * shutdown hooks run (`enableShutdownHooks`): every onModuleDestroy (consumers finish their batch,
 * commit and leave the group), the drain delay, the HTTP server closes, onApplicationShutdown.
 * Returns the function that removes the readiness listeners (tests; Nest removes its own on close).
 */
export function enableGracefulShutdown(
  app: INestApplication,
  signals: readonly NodeJS.Signals[] = DEFAULT_SHUTDOWN_SIGNALS,
): () => void {
  // Registered before Nest's own listeners, so readiness flips before any of them runs.
  const stopDraining = drainOnSignals(app.get(ReadinessService), signals);
  app.enableShutdownHooks([...signals]);
  return stopDraining;
}
