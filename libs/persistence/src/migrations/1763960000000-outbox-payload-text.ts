import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The outbox keeps each message's record value as the exact text to publish. As jsonb it was parsed by
 * PostgreSQL on insert, turned back into objects on read and serialised again for Kafka: three copies
 * of work on the scorer's hot path for a value nobody queries.
 */
export class OutboxPayloadText1763960000000 implements MigrationInterface {
  name = 'OutboxPayloadText1763960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE outbox ALTER COLUMN payload TYPE text
      USING CASE WHEN jsonb_typeof(payload) = 'string' THEN payload #>> '{}' ELSE payload::text END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox ALTER COLUMN payload TYPE jsonb USING to_jsonb(payload)`);
  }
}
