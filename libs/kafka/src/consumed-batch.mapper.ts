import { type Batch, type IHeaders } from 'kafkajs';

/** One record as the handler sees it: plain data, no kafkajs types. */
export interface ConsumedMessage {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** Header values decoded as UTF-8; for a repeated header the last value wins. */
  readonly headers: Readonly<Record<string, string>>;
  /** Kafka offset (int64, as a decimal string). */
  readonly offset: string;
  /** Record timestamp, milliseconds since the epoch. */
  readonly timestamp: number;
}

/** The records of one partition handed to the handler at once, in offset order. */
export interface ConsumedBatch {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly ConsumedMessage[];
  /**
   * The offset after the last message: the partition's position once this batch is handled. A
   * handler that stores offsets itself (PostgreSQL) stores this value, in the same transaction.
   */
  readonly nextOffset: string;
  /** The partition's high watermark when the batch was fetched. */
  readonly highWatermark: string;
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  if (!headers) return decoded;
  for (const [name, raw] of Object.entries(headers)) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value === undefined) continue;
    decoded[name] = typeof value === 'string' ? value : value.toString('utf8');
  }
  return decoded;
}

export function toConsumedBatch(
  batch: Pick<Batch, 'topic' | 'partition' | 'highWatermark' | 'messages'>,
): ConsumedBatch {
  const messages = batch.messages.map((message): ConsumedMessage => ({
    key: message.key,
    value: message.value,
    headers: decodeHeaders(message.headers),
    offset: message.offset,
    timestamp: Number(message.timestamp),
  }));
  const last = messages[messages.length - 1];
  if (!last)
    throw new Error(
      `toConsumedBatch: empty batch for ${batch.topic}/${batch.partition} (empty batches are never handed out)`,
    );
  return {
    topic: batch.topic,
    partition: batch.partition,
    messages,
    nextOffset: (BigInt(last.offset) + 1n).toString(),
    highWatermark: batch.highWatermark,
  };
}

/** Messages still to be read behind this batch: high watermark − next offset (never negative). */
export function lagAfter(batch: ConsumedBatch): number {
  const lag = BigInt(batch.highWatermark) - BigInt(batch.nextOffset);
  return lag > 0n ? Number(lag) : 0;
}
