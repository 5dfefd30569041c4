import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Identity: a contact merged into another (an anonymous visitor who identified, a CRM's duplicate) is
 * an alias of its survivor. `through` is where the scorer's positions stood when the alias took effect
 * (partition → next offset of the events topic): the merged-away contact's events before them were
 * scored under its own key and are replayed into the survivor; those after them are forwarded to it.
 * `completed_at` is set when the survivor's state was re-derived (until then the merge resumes).
 */
export class ContactAliases1765200000000 implements MigrationInterface {
  name = 'ContactAliases1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE contact_aliases (
        workspace_id text NOT NULL,
        alias text NOT NULL,
        survivor text NOT NULL CHECK (survivor <> alias),
        through jsonb NOT NULL,
        merge_event_source text NOT NULL,
        merge_event_id text NOT NULL,
        requested_at timestamptz NOT NULL,
        completed_at timestamptz,
        PRIMARY KEY (workspace_id, alias)
      )`);
    await queryRunner.query(
      'CREATE INDEX contact_aliases_survivor ON contact_aliases (workspace_id, survivor)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE contact_aliases');
  }
}
