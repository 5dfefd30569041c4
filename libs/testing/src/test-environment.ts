import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Environment variables through which the jest global setup hands the shared instances to test files. */
export const TEST_ENV = {
  kafkaBrokers: 'LEADSCORE_TEST_KAFKA_BROKERS',
  databaseUrl: 'LEADSCORE_TEST_DATABASE_URL',
} as const;

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run tests through jest with the workspace config (\`npm test\`, or ` +
        '`npx jest -c jest.config.js`), whose global setup starts Kafka and PostgreSQL',
    );
  }
  return value;
}

/** Brokers of the Kafka started for this test run. */
export function testKafkaBrokers(): string[] {
  return required(TEST_ENV.kafkaBrokers).split(',');
}

/** A name no other test file or run uses: topics, groups, databases. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`.replace(
    /[^a-zA-Z0-9_.-]/g,
    '_',
  );
}

/** A unique database name (PostgreSQL or ClickHouse): lower case, digits and `_` only. */
export function uniqueDatabaseName(prefix: string): string {
  return uniqueName(prefix)
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
}

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** Creates a fresh database on the shared PostgreSQL; drop() removes it. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const adminUrl = required(TEST_ENV.databaseUrl);
  const name = uniqueDatabaseName(prefix);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
