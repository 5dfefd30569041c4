import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every version of every scoring model a workspace has applied; the document is the validated model. */
@Entity({ name: 'scoring_models' })
export class ScoringModelEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @PrimaryColumn({ name: 'model_id', type: 'text' })
  modelId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  document!: unknown;

  @Column({ name: 'applied_at', type: 'timestamptz' })
  appliedAt!: Date;

  /** The text the api was sent (NULL when recorded from the topic by the scorer). */
  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ name: 'source_format', type: 'text', nullable: true })
  sourceFormat!: 'yaml' | 'json' | null;

  /** The key id that applied it through the api. */
  @Column({ name: 'applied_by', type: 'text', nullable: true })
  appliedBy!: string | null;
}
