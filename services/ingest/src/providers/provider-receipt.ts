import type { EventResult } from '../batch/event-batch.js';
import type { IgnoredEvent, Provider, ProviderMapping } from './provider-mapping.js';

/** The result of a provider event ingest ignored on purpose: where it was, what it was and why. */
export interface IgnoredResult {
  readonly index: number;
  readonly id?: string;
  readonly status: 'ignored';
  /** The provider's own name of the event kind. */
  readonly kind: string;
  readonly reason: string;
}

/** What ingestion needs to answer a provider delivery in the sender's terms. */
export interface ProviderDelivery {
  readonly provider: Provider;
  /** `positions[i]`: the position in the delivery the i-th candidate came from. */
  readonly positions: readonly number[];
  readonly ignored: readonly IgnoredEvent[];
}

export function deliveryOf(provider: Provider, mapping: ProviderMapping): ProviderDelivery {
  return { provider, positions: mapping.positions, ignored: mapping.ignored };
}

/**
 * The results of a provider delivery as its sender numbers them: each result's `index` (and a
 * duplicate's `duplicateOf`) is the position in the delivery its event came from — not its place
 * among the events kept — and every ignored event has its own result, in position order (a position
 * that became two events, a Zoom registration and its profile, has two results).
 */
export function senderResults(
  results: readonly EventResult[],
  delivery: ProviderDelivery,
): (EventResult | IgnoredResult)[] {
  const at = (candidate: number): number => delivery.positions[candidate] ?? candidate;
  const produced = results.map((result): EventResult =>
    result.status === 'duplicate'
      ? { ...result, index: at(result.index), duplicateOf: at(result.duplicateOf) }
      : { ...result, index: at(result.index) },
  );
  const ignored = delivery.ignored.map((event): IgnoredResult => ({
    index: event.index,
    ...(event.id === undefined ? {} : { id: event.id }),
    status: 'ignored',
    kind: event.kind,
    reason: event.reason,
  }));
  // Array.prototype.sort is stable: results of one position keep their order.
  return [...produced, ...ignored].sort((a, b) => a.index - b.index);
}
