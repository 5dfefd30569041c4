import {
  outboxRepository,
  processedEventRepository,
  withAdvisoryLock,
  type DataSource,
} from '@leadscore/persistence';

const HOUR_MS = 3_600_000;
const CHUNK = 10_000;

export interface RetentionSettings {
  /** Applied event ids older than this are forgotten; must exceed the events topic's retention. */
  readonly processedEventRetentionHours: number;
  /** Published outbox rows older than this are deleted. */
  readonly publishedOutboxRetentionHours: number;
}

export interface PruneResult {
  readonly processedEvents: number;
  readonly outbox: number;
}

async function deleteInChunks(deleteChunk: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteChunk();
    total += deleted;
    if (deleted < CHUNK) return total;
  }
}

/**
 * Keeps the dedupe and outbox tables from growing forever. Replicas take turns under one advisory lock;
 * each delete is a bounded chunk in its own transaction, so the scorer's batches are never held up long.
 */
export async function pruneExpiredRows(
  dataSource: DataSource,
  retention: RetentionSettings,
  now: Date = new Date(),
): Promise<PruneResult> {
  const processedBefore = new Date(now.getTime() - retention.processedEventRetentionHours * HOUR_MS);
  const publishedBefore = new Date(now.getTime() - retention.publishedOutboxRetentionHours * HOUR_MS);
  return withAdvisoryLock(dataSource, 'leadscore-scorer:housekeeping', async () => ({
    processedEvents: await deleteInChunks(() =>
      processedEventRepository.pruneBefore(dataSource.manager, processedBefore, CHUNK),
    ),
    outbox: await deleteInChunks(() =>
      outboxRepository.prunePublished(dataSource.manager, publishedBefore, CHUNK),
    ),
  }));
}
