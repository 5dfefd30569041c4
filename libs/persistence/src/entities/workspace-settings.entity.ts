import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A workspace's plain settings; NULL = not set (see the migration). */
@Entity({ name: 'workspace_settings' })
export class WorkspaceSettingsEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ name: 'time_zone', type: 'text', nullable: true })
  timeZone!: string | null;

  @Column({ name: 'default_country', type: 'text', nullable: true })
  defaultCountry!: string | null;

  @Column({ name: 'tracking_form_fields', type: 'text', array: true, nullable: true })
  trackingFormFields!: string[] | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;
}
