// One-shot initialisation against existing servers (docker compose `init` job, production): creates the
// database named in DATABASE_URL and the topics declared in libs/contracts, then exits.
import { TOPIC_DECLARATIONS } from '@leadscore/contracts';
import { ensureDatabase, splitDatabaseUrl } from './stack-database.js';
import { createStackTopics } from './stack-topics.js';

const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/leadscore';
const { adminUrl, database } = splitDatabaseUrl(databaseUrl);
await ensureDatabase(adminUrl, database);
await createStackTopics(brokers, TOPIC_DECLARATIONS);
process.stdout.write(`created database ${database} and ${TOPIC_DECLARATIONS.length} topics\n`);
