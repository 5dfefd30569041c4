import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A Kafka message written in the state's transaction and published after commit (transactional outbox). */
@Entity({ name: 'outbox' })
@Index('outbox_unpublished', ['source', 'id'], { where: 'published_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** Deterministic event id; unique so that a re-run batch cannot enqueue the same event twice. */
  @Column({ name: 'event_id', type: 'text', unique: true })
  eventId!: string;

  /**
   * Who publishes it: `scorer:<events partition>` (the instance that owns that partition) or `decay`
   * (the leader). One publisher per source keeps per-key order and lets recovery check the topic's tail.
   */
  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  /**
   * The record value exactly as published (JSON text for events); for a batch row (`batchSize` set) a
   * JSON array of its messages (outboxRepository.enqueueBatch).
   */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  headers!: Record<string, string>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Set only on rows marked one by one before the per-source watermark (outbox_cursors) existed. */
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** Messages in a batch row; null for a row holding one message. */
  @Column({ name: 'batch_size', type: 'integer', nullable: true })
  batchSize!: number | null;
}
