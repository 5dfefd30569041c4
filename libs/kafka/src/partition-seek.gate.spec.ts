import { describe, expect, it } from '@jest/globals';
import { silentLogger } from './kafka.logger.js';
import {
  PartitionSeekGate,
  type PartitionAssignment,
  type StoredOffsetsLookup,
} from './partition-seek.gate.js';

/** Records what the gate asks of the consumer, in order. */
function harness(lookup: StoredOffsetsLookup | undefined, lookupAttempts = 5) {
  const calls: string[] = [];
  const failures: unknown[] = [];
  const list = (assignment: readonly PartitionAssignment[]) =>
    assignment.map((a) => `${a.topic}:${a.partitions.join(',')}`).join(' ');
  const gate = new PartitionSeekGate({
    lookup,
    lookupAttempts,
    logger: silentLogger,
    pause: (assignment) => calls.push(`pause ${list(assignment)}`),
    resume: (assignment) => calls.push(`resume ${list(assignment)}`),
    seek: (topic, partition, offset) => calls.push(`seek ${topic}:${partition}@${offset}`),
    onSought: () => undefined,
    onFailure: (error) => failures.push(error),
  });
  return { gate, calls, failures };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('partition seek gate', () => {
  it('pauses on join, seeks what the store knows, and only then resumes and lets batches through', async () => {
    let answer: (offsets: Map<number, bigint>) => void = () => undefined;
    const { gate, calls } = harness(() => new Promise((resolve) => (answer = resolve)));
    gate.onGroupJoin({ events: [0, 1] });
    expect(calls).toEqual(['pause events:0,1']);
    expect(gate.isPositioned('events', 0)).toBe(false);

    answer(new Map([[0, 42n]]));
    await settle();
    expect(calls).toEqual(['pause events:0,1', 'seek events:0@42', 'resume events:0,1']);
    expect(gate.isPositioned('events', 0)).toBe(true);
    expect(gate.isPositioned('events', 1)).toBe(true); // no stored offset: Kafka's position stands
  });

  it('ignores the answer of a lookup overtaken by a newer join', async () => {
    const answers: ((offsets: Map<number, bigint>) => void)[] = [];
    const { gate, calls } = harness(() => new Promise((resolve) => answers.push(resolve)));
    gate.onGroupJoin({ events: [0, 1] });
    gate.onGroupJoin({ events: [1] });
    answers[0]?.(
      new Map([
        [0, 1n],
        [1, 1n],
      ]),
    );
    await settle();
    expect(calls).toEqual(['pause events:0,1', 'pause events:1']);
    expect(gate.isPositioned('events', 1)).toBe(false);
    answers[1]?.(new Map([[1, 7n]]));
    await settle();
    expect(calls.slice(2)).toEqual(['seek events:1@7', 'resume events:1']);
    expect(gate.isPositioned('events', 0)).toBe(false);
  });

  it('retries a failing lookup and reports failure after the last attempt, leaving partitions paused', async () => {
    let attempts = 0;
    const { gate, calls, failures } = harness(() => {
      attempts += 1;
      return Promise.reject(new Error('database down'));
    }, 2);
    gate.onGroupJoin({ events: [0] });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(attempts).toBe(2);
    expect(failures).toHaveLength(1);
    expect(calls).toEqual(['pause events:0']);
    expect(gate.isPositioned('events', 0)).toBe(false);
  });

  it('lets everything through at once when no lookup is configured', () => {
    const { gate, calls } = harness(undefined);
    gate.onGroupJoin({ events: [0, 1] });
    expect(calls).toEqual([]);
    expect(gate.isPositioned('events', 1)).toBe(true);
  });
});
