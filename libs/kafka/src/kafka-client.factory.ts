import kafkajs, {
  type Kafka,
  type LogEntry,
  type Producer,
  type ProducerConfig,
  type RetryOptions,
} from 'kafkajs';
import { KafkaInstrumentation } from './kafka.instrumentation.js';
import { Murmur2Partitioner } from './murmur2.partitioner.js';
import { stderrLogger, type KafkaLogger, type KafkaLogLevel } from './kafka.logger.js';

const { Kafka: KafkaJs, logLevel: KafkaJsLogLevel } = kafkajs;

/** How kafkajs retries one request before giving up (exponential backoff with jitter). */
export interface KafkaRetryOptions {
  readonly retries?: number;
  readonly initialRetryTime?: number;
  readonly maxRetryTime?: number;
  readonly factor?: number;
  readonly multiplier?: number;
}

export interface KafkaClientOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Minimum level of kafkajs's own logs passed to `logger` (default `warn`). */
  readonly logLevel?: KafkaLogLevel;
  readonly retry?: KafkaRetryOptions;
  /** Where this library and kafkajs log; default: warnings and errors as JSON on stderr. */
  readonly logger?: KafkaLogger;
  /** Milliseconds to wait for a TCP connection to a broker (kafkajs default 1000). */
  readonly connectionTimeoutMs?: number;
  /** Milliseconds to wait for a broker to answer a request (kafkajs default 30000). */
  readonly requestTimeoutMs?: number;
}

/**
 * A configured connection factory for one cluster. Producers, consumers and admin helpers of this
 * library are created from it; it holds no connection itself. Services never see kafkajs types.
 */
export interface KafkaClient {
  readonly clientId: string;
  readonly brokers: readonly string[];
  readonly logger: KafkaLogger;
  /** Subscribe here to the instrumentation events of everything created from this client. */
  readonly instrumentation: KafkaInstrumentation;
}

const kafkajsClients = new WeakMap<KafkaClient, Kafka>();

const LEVELS: Record<KafkaLogLevel, number> = {
  nothing: KafkaJsLogLevel.NOTHING,
  error: KafkaJsLogLevel.ERROR,
  warn: KafkaJsLogLevel.WARN,
  info: KafkaJsLogLevel.INFO,
  debug: KafkaJsLogLevel.DEBUG,
};

function routeLogsTo(logger: KafkaLogger) {
  return () =>
    ({ namespace, level, log }: LogEntry): void => {
      const { message, timestamp: _timestamp, ...extra } = log;
      const fields = { component: 'kafkajs', namespace, ...(extra as Record<string, unknown>) };
      const text = String(message);
      if (level === KafkaJsLogLevel.ERROR) logger.error(text, fields);
      else if (level === KafkaJsLogLevel.WARN) logger.warn(text, fields);
      else if (level === KafkaJsLogLevel.INFO) logger.info(text, fields);
      else logger.debug(text, fields);
    };
}

export function createKafkaClient(options: KafkaClientOptions): KafkaClient {
  if (options.brokers.length === 0)
    throw new Error('createKafkaClient: `brokers` must name at least one host:port');
  const logger = options.logger ?? stderrLogger;
  const retry: RetryOptions | undefined = options.retry ? { ...options.retry } : undefined;
  const kafka = new KafkaJs({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: LEVELS[options.logLevel ?? 'warn'],
    logCreator: routeLogsTo(logger),
    ...(retry ? { retry } : {}),
    ...(options.connectionTimeoutMs !== undefined ? { connectionTimeout: options.connectionTimeoutMs } : {}),
    ...(options.requestTimeoutMs !== undefined ? { requestTimeout: options.requestTimeoutMs } : {}),
  });
  const client: KafkaClient = {
    clientId: options.clientId,
    brokers: [...options.brokers],
    logger,
    instrumentation: new KafkaInstrumentation(logger),
  };
  kafkajsClients.set(client, kafka);
  return client;
}

/** The kafkajs instance behind a client; for this library's own modules only (not exported from index). */
export function kafkajsOf(client: KafkaClient): Kafka {
  const kafka = kafkajsClients.get(client);
  if (!kafka) throw new Error('not a KafkaClient made by createKafkaClient()');
  return kafka;
}

/**
 * A kafkajs producer that uses the Java-compatible murmur2 partitioner, so keys land on the same
 * partitions as with kcat or the Java client; naming it explicitly also silences kafkajs's v2
 * "default partitioner changed" warning. It is kafkajs's DefaultPartitioner with an allocation-free
 * murmur2 (murmur2.partitioner.ts).
 */
export function newKafkajsProducer(
  client: KafkaClient,
  config: Omit<ProducerConfig, 'createPartitioner'>,
): Producer {
  return kafkajsOf(client).producer({ ...config, createPartitioner: Murmur2Partitioner });
}
