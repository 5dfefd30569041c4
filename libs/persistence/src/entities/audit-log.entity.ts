import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One admin action in a workspace: who (a key id or `operator`) did what to which target. */
@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  /** bigserial: returned as a string (it may exceed 2^53). */
  @PrimaryColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  target!: string | null;

  @Column({ type: 'jsonb' })
  details!: unknown;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
