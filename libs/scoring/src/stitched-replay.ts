import { type ArchivedReplayEvent } from '@leadscore/contracts';
import { type ReplayEvent } from './replay.js';

export interface StitchedHistory {
  readonly survivor: string;
  /**
   * Where the survivor's own history ends: its events on that partition from that offset on are left
   * out (a merge's own event: what follows it is applied live). Absent: every archived event counts.
   */
  readonly survivorEnd?: { readonly partition: number; readonly offset: string };
  /**
   * The contacts merged into the survivor, each with the positions its own history ends at: per
   * partition of the events topic, the first offset that no longer counts (decimal text).
   */
  readonly merged: readonly {
    readonly contact: string;
    readonly through: Readonly<Record<string, string>>;
  }[];
  /** The archive's events of the survivor and of the merged contacts, each contact's in the order the scorer saw them. */
  readonly archived: readonly ArchivedReplayEvent[];
}

const before = (offset: string, end: string | undefined): boolean =>
  end !== undefined && BigInt(offset) < BigInt(end);

/**
 * One person's events under all its identities, in replay order: the survivor's own (before
 * `survivorEnd` on its partition, when given) and each merged contact's before its `through` on their
 * partition (later ones were forwarded to the survivor and are among its own). Each contact's events
 * keep the order the scorer saw them in; different contacts' are interleaved by event time (the
 * survivor's first on a tie), and an event present under two identities counts once. Merges, rescores
 * and backtests all re-derive a survivor from it.
 */
export function stitchedReplayOrder(history: StitchedHistory): ReplayEvent[] {
  const through = new Map(history.merged.map((entry) => [entry.contact, entry.through]));
  const lists = new Map<string, ArchivedReplayEvent[]>([[history.survivor, []]]);
  for (const entry of history.merged) lists.set(entry.contact, []);
  const end = history.survivorEnd;
  for (const event of history.archived) {
    const list = lists.get(event.contact);
    if (!list) continue;
    const kept =
      event.contact === history.survivor
        ? end === undefined || event.partition !== end.partition || before(event.offset, end.offset)
        : before(event.offset, through.get(event.contact)?.[String(event.partition)]);
    if (kept) list.push(event);
  }
  // A k-way merge by time that never reorders one contact's own events.
  const queues = [...lists.values()];
  const heads = queues.map(() => 0);
  const seen = new Set<string>();
  const ordered: ReplayEvent[] = [];
  for (;;) {
    let pick = -1;
    let pickTime = Infinity;
    queues.forEach((queue, index) => {
      const head = queue[heads[index] ?? 0];
      if (head === undefined) return;
      const time = Date.parse(head.time);
      if (time < pickTime) {
        pick = index;
        pickTime = time;
      }
    });
    if (pick < 0) return ordered;
    const event = queues[pick]?.[heads[pick] ?? 0];
    heads[pick] = (heads[pick] ?? 0) + 1;
    if (!event) continue;
    const key = `${event.source}\u0000${event.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ordered.push({ id: event.id, source: event.source, type: event.type, data: event.data, time: pickTime });
  }
}
