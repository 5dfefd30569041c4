/**
 * Pure planning for the batching producer: which queued sends go into the next flush, and how a flush
 * is cut into requests that stay well below Kafka's `message.max.bytes` (1 MiB by default), which a
 * kafkajs request of ~1 MiB exceeds.
 */

export interface ProducedMessage {
  readonly key?: string | Buffer | null;
  readonly value: string | Buffer | null;
  readonly headers?: Readonly<Record<string, string | Buffer>>;
  /** Explicit partition; by default the key decides (murmur2, like the Java client and kcat). */
  readonly partition?: number;
  /** Milliseconds since the epoch, as a string (kafkajs convention); default: now. */
  readonly timestamp?: string;
}

export interface BatchLimits {
  /** At most this many messages in one `sendBatch` request. */
  readonly maxMessages: number;
  /** At most this many (estimated) bytes in one `sendBatch` request. */
  readonly maxBytes: number;
}

/** What the planner needs to know about one `send()` call. */
export interface PlannableSend {
  readonly topic: string;
  readonly messages: readonly ProducedMessage[];
  readonly bytes: number;
}

export interface PlannedRequest<S extends PlannableSend> {
  /** Messages per topic, in the order the sends were made. */
  readonly topicMessages: ReadonlyMap<string, ProducedMessage[]>;
  /** The sends that have at least one message in this request. */
  readonly sends: ReadonlySet<S>;
  readonly messageCount: number;
  readonly bytes: number;
}

/** Per-record framing overhead in a v2 record batch (attributes, varints, timestamps), rounded up. */
const RECORD_OVERHEAD_BYTES = 64;

function byteLength(value: string | Buffer | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}

/** A conservative estimate of a message's size on the wire. */
export function estimateMessageBytes(message: ProducedMessage): number {
  let bytes = RECORD_OVERHEAD_BYTES + byteLength(message.key) + byteLength(message.value);
  const headers = message.headers;
  if (headers) {
    // for…in rather than Object.entries: called twice per produced message, without an array per call.
    for (const name in headers) bytes += byteLength(name) + byteLength(headers[name]) + 8;
  }
  return bytes;
}

/**
 * Removes from the head of `queue` the sends for the next flush: whole sends while both limits hold,
 * and always at least the first one (a send bigger than the limits is split by planRequests).
 */
export function takeSendsForFlush<S extends PlannableSend>(queue: S[], limits: BatchLimits): S[] {
  let messages = 0;
  let bytes = 0;
  let count = 0;
  for (const send of queue) {
    const fits =
      messages + send.messages.length <= limits.maxMessages && bytes + send.bytes <= limits.maxBytes;
    if (count > 0 && !fits) break;
    messages += send.messages.length;
    bytes += send.bytes;
    count += 1;
  }
  return queue.splice(0, count);
}

/** Cuts the sends of one flush into requests within the limits, keeping every message's order. */
export function planRequests<S extends PlannableSend>(
  sends: readonly S[],
  limits: BatchLimits,
): PlannedRequest<S>[] {
  const requests: PlannedRequest<S>[] = [];
  let topicMessages = new Map<string, ProducedMessage[]>();
  let members = new Set<S>();
  let messageCount = 0;
  let bytes = 0;
  const close = (): void => {
    if (messageCount === 0) return;
    requests.push({ topicMessages, sends: members, messageCount, bytes });
    topicMessages = new Map();
    members = new Set();
    messageCount = 0;
    bytes = 0;
  };
  for (const send of sends) {
    for (const message of send.messages) {
      const size = estimateMessageBytes(message);
      if (messageCount > 0 && (messageCount + 1 > limits.maxMessages || bytes + size > limits.maxBytes))
        close();
      let list = topicMessages.get(send.topic);
      if (!list) {
        list = [];
        topicMessages.set(send.topic, list);
      }
      list.push(message);
      members.add(send);
      messageCount += 1;
      bytes += size;
    }
  }
  close();
  return requests;
}
