import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Keys may carry the `models:write` scope the api has offered since models could be applied through it
 * (schemas/api/create-key-request): the table's check allowed only the first three scopes, so such a
 * key could not be created (a 500 instead of the key).
 */
export class ApiKeyModelsWriteScope1765400000001 implements MigrationInterface {
  name = 'ApiKeyModelsWriteScope1765400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check');
    await queryRunner.query(
      `ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check CHECK (
         cardinality(scopes) > 0 AND scopes <@ ARRAY['events:write', 'read', 'models:write', 'admin']::text[]
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check');
    await queryRunner.query(
      `ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check CHECK (
         cardinality(scopes) > 0 AND scopes <@ ARRAY['events:write', 'read', 'admin']::text[]
       )`,
    );
  }
}
