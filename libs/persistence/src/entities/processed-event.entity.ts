import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Event ids already applied, under the CloudEvents key (workspace, source, id): a redelivered or re-sent
 * event is recognised and skipped. A row with source '' was recorded before sources were kept and stands
 * for its id from any source (migration ProcessedEventsSource1764300000000).
 */
@Entity({ name: 'processed_events' })
export class ProcessedEventEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @PrimaryColumn({ name: 'source', type: 'text' })
  source!: string;

  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'processed_at', type: 'timestamptz' })
  processedAt!: Date;
}
