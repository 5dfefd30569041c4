import { startBuiltService, type BuiltService } from './built-service.js';
import { freePort, waitForPort } from './free-port.js';
import { pollUntil } from './poll-until.js';
import { testKafkaBrokers } from './test-environment.js';

/** The topics a scorer reads and writes (its SCORER_*_TOPIC settings). */
export interface ScorerTopics {
  readonly events: string;
  readonly models: string;
  readonly scoreChanges: string;
  readonly deadLetters: string;
}

export interface TestScorerOptions {
  readonly topics: ScorerTopics;
  /** The database it keeps scores in (the api's, when a test reads them through the api). */
  readonly databaseUrl: string;
  readonly consumerGroup: string;
  /** Its port (default a free one), e.g. one a test names before the scorer starts. */
  readonly port?: number;
  /** The analytics service merges read both contacts' history from (SCORER_ANALYTICS_URL). */
  readonly analyticsUrl?: string;
  /** Further settings, e.g. LOG_LEVEL. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface TestScorer {
  readonly url: string;
  readonly service: BuiltService;
  /** Resolves once it has applied `count` models (counted from its start) read from the models topic. */
  readonly modelsApplied: (count?: number) => Promise<void>;
}

const MODEL_APPLIED = 'scoring model applied';

/** The built scorer (services/scorer/dist/main.js) on the run's Kafka, listening once this resolves. */
export async function startTestScorer(options: TestScorerOptions): Promise<TestScorer> {
  const port = options.port ?? (await freePort());
  const service = startBuiltService('scorer', {
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'development',
    // Info: the line saying a model was applied is what modelsApplied waits for.
    LOG_LEVEL: 'info',
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    DATABASE_URL: options.databaseUrl,
    SCORER_CONSUMER_GROUP: options.consumerGroup,
    SCORER_EVENTS_TOPIC: options.topics.events,
    SCORER_MODELS_TOPIC: options.topics.models,
    SCORER_SCORE_CHANGED_TOPIC: options.topics.scoreChanges,
    SCORER_DEAD_LETTER_TOPIC: options.topics.deadLetters,
    ...(options.analyticsUrl === undefined ? {} : { SCORER_ANALYTICS_URL: options.analyticsUrl }),
    ...options.env,
  });
  await waitForPort(port);
  const modelsApplied = async (count = 1) => {
    await pollUntil(
      () => Promise.resolve(service.output.join('').split(MODEL_APPLIED).length - 1),
      (applied) => applied >= count,
      { withinMs: 60_000, everyMs: 100, waitingFor: `the scorer to apply ${count} model(s)` },
    );
  };
  return { url: `http://127.0.0.1:${port}`, service, modelsApplied };
}
