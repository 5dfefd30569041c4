import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A tenant: everything else in leadscore belongs to one workspace. */
@Entity({ name: 'workspaces' })
export class WorkspaceEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
