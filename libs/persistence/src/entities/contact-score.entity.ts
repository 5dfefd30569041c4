import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One contact's score under one model. `state` is the pure engine's state (libs/scoring), stored whole;
 * the score columns beside it are copies for queries. No index beyond the primary key, so that score
 * writes stay HOT updates (migration ContactScoresHotUpdates1764200000000).
 */
@Entity({ name: 'contact_scores' })
export class ContactScoreEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @PrimaryColumn({ name: 'model_id', type: 'text' })
  modelId!: string;

  @PrimaryColumn({ name: 'contact_id', type: 'text' })
  contactId!: string;

  @Column({ name: 'model_version', type: 'integer' })
  modelVersion!: number;

  /** Gapless per (workspace, model, contact): the sequence of the last score-changed event. */
  @Column({ type: 'bigint' })
  sequence!: string;

  @Column({ type: 'double precision' })
  fit!: number;

  @Column({ type: 'double precision' })
  engagement!: number;

  @Column({ type: 'double precision' })
  total!: number;

  /** null when the model defines no tiers. */
  @Column({ type: 'text', nullable: true })
  tier!: string | null;

  /** null when no grade band holds the fit score. */
  @Column({ type: 'text', nullable: true })
  grade!: string | null;

  @Column({ type: 'jsonb' })
  state!: unknown;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
