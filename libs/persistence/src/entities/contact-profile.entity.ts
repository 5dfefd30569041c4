import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A contact's merged profile traits (from contact.identified/updated events): what fit rules match on. */
@Entity({ name: 'contact_profiles' })
export class ContactProfileEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @PrimaryColumn({ name: 'contact_id', type: 'text' })
  contactId!: string;

  @Column({ type: 'jsonb' })
  traits!: Record<string, unknown>;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
