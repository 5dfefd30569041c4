import { type KafkaLogger } from './kafka.logger.js';

export interface PartitionAssignment {
  readonly topic: string;
  readonly partitions: readonly number[];
}

/**
 * Returns, for the assigned partitions of one topic, the offset to resume each from (the next offset
 * to read, as stored with the handler's results). Partitions missing from the map resume from Kafka's
 * committed offset, or from the beginning when there is none.
 */
export type StoredOffsetsLookup = (
  assignment: PartitionAssignment,
) => Promise<ReadonlyMap<number, string | bigint>>;

export interface PartitionSeekGateDeps {
  readonly lookup: StoredOffsetsLookup | undefined;
  readonly pause: (assignment: readonly PartitionAssignment[]) => void;
  readonly resume: (assignment: readonly PartitionAssignment[]) => void;
  readonly seek: (topic: string, partition: number, offset: string) => void;
  readonly onSought: (topic: string, partition: number, offset: string) => void;
  /** The lookup kept failing: the consumer cannot know where to resume and must stop. */
  readonly onFailure: (error: unknown) => void;
  readonly logger: KafkaLogger;
  /** Attempts of the lookup before giving up (default 5), with exponential backoff from 200 ms. */
  readonly lookupAttempts?: number;
}

const key = (topic: string, partition: number): string => `${topic}|${partition}`;

/**
 * Seek-on-join. kafkajs emits GROUP_JOIN synchronously at the end of join+sync, before the fetchers
 * restart, so pausing there keeps every newly assigned partition from being fetched until the stored
 * offsets are looked up (asynchronously, e.g. in PostgreSQL) and sought; only then are they resumed.
 * `isPositioned` is the second line of defence, checked for every batch before the handler sees it.
 * A join that happens while an older lookup is pending makes that lookup's result void.
 */
export class PartitionSeekGate {
  private generation = 0;
  private readonly positioned = new Set<string>();

  constructor(private readonly deps: PartitionSeekGateDeps) {}

  /** Call synchronously from the GROUP_JOIN listener. */
  onGroupJoin(memberAssignment: Readonly<Record<string, readonly number[]>>): void {
    this.generation += 1;
    const generation = this.generation;
    this.positioned.clear();
    const assignment = Object.entries(memberAssignment)
      .filter(([, partitions]) => partitions.length > 0)
      .map(([topic, partitions]): PartitionAssignment => ({ topic, partitions: [...partitions] }));
    if (!this.deps.lookup) {
      this.markPositioned(assignment);
      return;
    }
    if (assignment.length === 0) return;
    this.deps.pause(assignment);
    void this.position(generation, assignment, this.deps.lookup);
  }

  isPositioned(topic: string, partition: number): boolean {
    return this.positioned.has(key(topic, partition));
  }

  /** Makes any pending lookup void (the consumer is stopping). */
  invalidate(): void {
    this.generation += 1;
    this.positioned.clear();
  }

  private markPositioned(assignment: readonly PartitionAssignment[]): void {
    for (const { topic, partitions } of assignment)
      for (const partition of partitions) this.positioned.add(key(topic, partition));
  }

  private async position(
    generation: number,
    assignment: readonly PartitionAssignment[],
    lookup: StoredOffsetsLookup,
  ): Promise<void> {
    const attempts = this.deps.lookupAttempts ?? 5;
    let offsets: ReadonlyMap<number, string | bigint>[] | undefined;
    for (let attempt = 1; offsets === undefined; attempt += 1) {
      try {
        offsets = await Promise.all(assignment.map((topicAssignment) => lookup(topicAssignment)));
      } catch (error) {
        if (generation !== this.generation) return;
        if (attempt >= attempts) {
          this.deps.onFailure(error);
          return;
        }
        this.deps.logger.warn('stored offsets lookup failed, retrying', { attempt, error: String(error) });
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** (attempt - 1)));
        if (generation !== this.generation) return;
      }
    }
    if (generation !== this.generation) return;
    try {
      assignment.forEach(({ topic, partitions }, index) => {
        const stored = offsets[index];
        for (const partition of partitions) {
          const offset = stored?.get(partition);
          if (offset === undefined) continue;
          const text = offset.toString();
          this.deps.seek(topic, partition, text);
          this.deps.onSought(topic, partition, text);
        }
      });
      this.markPositioned(assignment);
      this.deps.resume(assignment);
    } catch (error) {
      // The consumer stopped between join and lookup (kafkajs refuses seek/resume then).
      if (generation === this.generation) this.deps.onFailure(error);
    }
  }
}
