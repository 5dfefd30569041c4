export { freePort, waitForPort, assertPortFree } from './free-port.js';
export { startKafkaServer, type KafkaServer, type KafkaServerOptions } from './kafka-server.js';
export { startPostgresServer, type PostgresServer, type PostgresServerOptions } from './postgres-server.js';
export {
  startKafkaAndPostgres,
  startTestInfrastructure,
  type KafkaAndPostgres,
  type TestInfrastructure,
  type TestInfrastructureOptions,
} from './test-infrastructure.js';
export {
  TEST_ENV,
  createTestDatabase,
  testKafkaBrokers,
  uniqueDatabaseName,
  uniqueName,
  type TestDatabase,
} from './test-environment.js';
export { startTestClickHouse, type TestClickHouse } from './clickhouse.js';
export { makeTempDir, removeDir } from './temp-dir.js';
export { processesMentioning, processesLeftMentioning } from './processes.js';
export { embeddedInstallDir } from './postgres-runtime.js';
export { workspaceRoot, kafkaLibDir } from './workspace-paths.js';
export {
  HOSTILE_JSON_CASES,
  HOSTILE_SLOT,
  embedHostileMember,
  type HostileJsonCase,
  type HostileJsonOutcome,
} from './hostile-json.js';
export { readTopic, waitUntilConsumed, type ReadTopicOptions, type TopicRecord } from './topic-reader.js';
export { WebhookReceiver, type ReceivedCall } from './webhook-receiver.js';
export { pollUntil } from './poll-until.js';
export { twilioSignature } from './twilio-signature.js';
export { startBuiltService, type BuiltService } from './built-service.js';
export {
  archivedRowsIn,
  createArchivedTopics,
  startTestAnalytics,
  type ArchivedTopics,
  type TestAnalytics,
  type TestAnalyticsOptions,
} from './analytics-service.js';
export {
  startTestScorer,
  type ScorerTopics,
  type TestScorer,
  type TestScorerOptions,
} from './scorer-service.js';
export { chromiumPath, launchChromium } from './chromium.js';
export { clicksModelSource } from './model-fixtures.js';
export { pastLeads, type PastLead } from './past-leads.js';
