import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A provider's webhook secret of a workspace, sealed with AES-256-GCM (see the migration). */
@Entity({ name: 'provider_secrets' })
export class ProviderSecretEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'text' })
  provider!: 'sendgrid' | 'twilio' | 'zoom' | 'mailgun';

  @Column({ name: 'key_id', type: 'text' })
  keyId!: string;

  @Column({ type: 'bytea' })
  nonce!: Buffer;

  /** Ciphertext followed by the GCM tag. */
  @Column({ type: 'bytea' })
  ciphertext!: Buffer;

  @Column({ type: 'text' })
  hint!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;
}
