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
}
