import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * An account's scores under every model (the api's account page) by an index range: the primary key
 * leads with the model. Neither column changes on a roll-up write, so the writes stay heap-only.
 */
export class AccountScoresByAccount1765300000001 implements MigrationInterface {
  name = 'AccountScoresByAccount1765300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX account_scores_by_account ON account_scores (workspace_id, account_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX account_scores_by_account');
  }
}
