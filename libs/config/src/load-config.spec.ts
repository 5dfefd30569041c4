import { describe, expect, it } from '@jest/globals';
import { ConfigError } from './config.error.js';
import { env } from './env-kinds.js';
import { envSchema } from './env-schema.js';
import { loadConfig } from './load-config.js';
import { analyticsConfigSchema } from './services/analytics.config.js';
import { apiConfigSchema } from './services/api.config.js';
import { ingestConfigSchema } from './services/ingest.config.js';
import { scorerConfigSchema } from './services/scorer.config.js';

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError)
      return error.message
        .split('\n')
        .slice(1)
        .map((line) => line.replace(/^ {2}- /, ''));
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives every service a working local-stack configuration from an empty environment', () => {
    const scorer = loadConfig(scorerConfigSchema, {});
    expect(scorer).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: 3002,
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:5432/leadscore',
      SCORER_CONSUMER_GROUP: 'leadscore-scorer',
      SCORER_EVENTS_TOPIC: 'leads.events.v1',
      SCORER_MODELS_TOPIC: 'leads.models.v1',
      SCORER_SCORE_CHANGED_TOPIC: 'leads.score-changed.v1',
      SCORER_DEAD_LETTER_TOPIC: 'leads.events.dlq.v1',
      SCORER_ANALYTICS_URL: 'http://127.0.0.1:3005',
      SCORER_PARTITIONS_CONCURRENTLY: 3,
      SCORER_SESSION_TIMEOUT_MS: 30_000,
      SCORER_PROCESSED_EVENT_RETENTION_HOURS: 192,
      SCORER_PUBLISHED_OUTBOX_RETENTION_HOURS: 24,
      SCORER_RESCORE_ON_FIRST_APPLY: 'on',
      SCORER_RESCORE_TRANSITIONS_PER_SECOND: 50,
      SCORER_RESCORE_LEASE_MS: 30_000,
      SCORER_RESCORE_SWITCH_CONTACTS: 100,
    });
    expect(loadConfig(apiConfigSchema, {}).PORT).toBe(3000);
    expect(loadConfig(ingestConfigSchema, {}).PORT).toBe(3001);
    const analytics = loadConfig(analyticsConfigSchema, {});
    expect(analytics.PORT).toBe(3005);
    expect(analytics.CLICKHOUSE_URL).toBeUndefined();
    expect(analytics.CLICKHOUSE_DATA_PATH).toBe('.local/clickhouse');
    expect(analytics.CLICKHOUSE_CLUSTER).toBeUndefined();
    expect(analytics.ANALYTICS_EVENTS_TTL_DAYS).toBe(0);
  });

  it('parses set variables into typed values and treats empty as unset', () => {
    const config = loadConfig(ingestConfigSchema, {
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:19092,[::1]:9092',
      PORT: '8080',
      HOST: '',
      LOG_LEVEL: 'debug',
      INGEST_MAX_BATCH_EVENTS: '100',
    });
    expect(config.KAFKA_BROKERS).toEqual(['kafka-1:9092', 'kafka-2:19092', '[::1]:9092']);
    expect(config.PORT).toBe(8080);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.LOG_LEVEL).toBe('debug');
    expect(config.INGEST_MAX_BATCH_EVENTS).toBe(100);
  });

  it('returns an object frozen all the way down', () => {
    const config = loadConfig(scorerConfigSchema, {});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.KAFKA_BROKERS)).toBe(true);
  });

  it.each([
    ['KAFKA_BROKERS', 'localhost', 'KAFKA_BROKERS: expected host:port[,host:port...], got "localhost"'],
    [
      'KAFKA_BROKERS',
      'a:9092,,b:9092',
      'KAFKA_BROKERS: expected host:port[,host:port...], got "a:9092,,b:9092"',
    ],
    ['KAFKA_BROKERS', 'kafka:99999', 'KAFKA_BROKERS: expected host:port[,host:port...], got "kafka:99999"'],
    ['PORT', 'http', 'PORT: expected a TCP port (1-65535), got "http"'],
    ['PORT', '0', 'PORT: expected a TCP port (1-65535), got "0"'],
    ['PORT', '3001.5', 'PORT: expected a TCP port (1-65535), got "3001.5"'],
    [
      'HOST',
      'not a host',
      'HOST: expected a host name or IP address (0.0.0.0 listens on every interface), got "not a host"',
    ],
    [
      'LOG_LEVEL',
      'verbose',
      'LOG_LEVEL: expected one of fatal|error|warn|info|debug|trace|silent, got "verbose"',
    ],
    ['NODE_ENV', 'prod', 'NODE_ENV: expected one of development|test|production, got "prod"'],
    [
      'INGEST_MAX_BATCH_EVENTS',
      '1e3',
      'INGEST_MAX_BATCH_EVENTS: expected an integer from 1 to 10000, got "1e3"',
    ],
    ['INGEST_MAX_BATCH_EVENTS', '0', 'INGEST_MAX_BATCH_EVENTS: expected an integer from 1 to 10000, got "0"'],
  ])('names %s and the expected form when it is %j', (name, value, message) => {
    expect(problemsOf(() => loadConfig(ingestConfigSchema, { [name]: value }))).toEqual([message]);
  });

  it('rejects a DATABASE_URL that is not a postgres URL without echoing it', () => {
    expect(
      problemsOf(() => loadConfig(scorerConfigSchema, { DATABASE_URL: 'mysql://root:hunter2@db/x' })),
    ).toEqual([
      'DATABASE_URL: expected a postgres:// or postgresql:// URL such as postgres://user:password@host:5432/leadscore, got a value that is not shown (secret)',
    ]);
  });

  it('rejects a CLICKHOUSE_URL that is not http(s)', () => {
    expect(
      problemsOf(() => loadConfig(analyticsConfigSchema, { CLICKHOUSE_URL: 'clickhouse:9000' })),
    ).toEqual([
      'CLICKHOUSE_URL: expected a http:// or https:// URL such as http://127.0.0.1:8123, got a value that is not shown (secret)',
    ]);
  });

  it('reports every problem together, in declaration order, in one ConfigError', () => {
    const error = (() => {
      try {
        loadConfig(ingestConfigSchema, {
          NODE_ENV: 'production',
          PORT: '70000',
          KAFKA_BROKERS: 'localhost',
          INGEST_BODY_LIMIT_BYTES: 'lots',
        });
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    expect(configError.problems.map((p) => p.variable)).toEqual([
      'PORT',
      'KAFKA_BROKERS',
      'SETTINGS_ENCRYPTION_KEY',
      'INGEST_PIXEL_SECRET',
      'INGEST_BODY_LIMIT_BYTES',
    ]);
    expect(configError.message).toBe(
      [
        'Invalid configuration (5 problems):',
        '  - PORT: expected a TCP port (1-65535), got "70000"',
        '  - KAFKA_BROKERS: expected host:port[,host:port...], got "localhost"',
        '  - SETTINGS_ENCRYPTION_KEY: expected 32 random bytes in base64 (make them with: openssl rand -base64 32), got nothing (not set; required when NODE_ENV=production)',
        '  - INGEST_PIXEL_SECRET: expected a random string of at least 32 characters, got nothing (not set; required when NODE_ENV=production)',
        '  - INGEST_BODY_LIMIT_BYTES: expected an integer from 1024 to 16777216, got "lots"',
      ].join('\n'),
    );
  });

  it('uses the development secret for the local stack but demands a real one in production', () => {
    expect(loadConfig(ingestConfigSchema, {}).INGEST_PIXEL_SECRET.length).toBeGreaterThanOrEqual(32);
    const secret = 'x'.repeat(40);
    expect(
      loadConfig(ingestConfigSchema, {
        NODE_ENV: 'production',
        INGEST_PIXEL_SECRET: secret,
        SETTINGS_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      }).INGEST_PIXEL_SECRET,
    ).toBe(secret);
  });

  it('never echoes a secret value, even a wrong one', () => {
    const leaked = 'short-but-secret-value';
    const error = (() => {
      try {
        loadConfig(ingestConfigSchema, { INGEST_PIXEL_SECRET: leaked, DATABASE_URL: leaked });
      } catch (thrown) {
        return thrown as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.message).toContain(
      'INGEST_PIXEL_SECRET: expected a random string of at least 32 characters',
    );
    expect(error.message).toContain('not shown (secret)');
    expect(error.message).not.toContain(leaked);
    expect(JSON.stringify(error.problems)).not.toContain(leaked);
  });

  it('reads a secret key as base64 of exactly its length, never echoing a wrong one', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(
      loadConfig(apiConfigSchema, { NODE_ENV: 'production', SETTINGS_ENCRYPTION_KEY: key })
        .SETTINGS_ENCRYPTION_KEY,
    ).toBe(key);
    // The local stack's key is valid, and the api and ingest get the same one.
    const local = loadConfig(apiConfigSchema, {}).SETTINGS_ENCRYPTION_KEY;
    expect(Buffer.from(local, 'base64')).toHaveLength(32);
    expect(loadConfig(ingestConfigSchema, {}).SETTINGS_ENCRYPTION_KEY).toBe(local);
    for (const wrong of [Buffer.alloc(16, 7).toString('base64'), `${key}AAAA`, 'not base64 at all!!'])
      expect(problemsOf(() => loadConfig(apiConfigSchema, { SETTINGS_ENCRYPTION_KEY: wrong }))).toEqual([
        'SETTINGS_ENCRYPTION_KEY: expected 32 random bytes in base64 (make them with: openssl rand -base64 32), got a value that is not shown (secret)',
      ]);
  });

  it('reads the keys a rotation replaced as a list, none when unset, never echoing a wrong one', () => {
    const [a, b] = [Buffer.alloc(32, 1).toString('base64'), Buffer.alloc(32, 2).toString('base64')];
    expect(loadConfig(ingestConfigSchema, {}).SETTINGS_ENCRYPTION_PREVIOUS_KEYS).toEqual([]);
    expect(
      loadConfig(apiConfigSchema, { SETTINGS_ENCRYPTION_PREVIOUS_KEYS: ` ${a}, ${b} ` })
        .SETTINGS_ENCRYPTION_PREVIOUS_KEYS,
    ).toEqual([a, b]);
    expect(
      problemsOf(() => loadConfig(apiConfigSchema, { SETTINGS_ENCRYPTION_PREVIOUS_KEYS: `${a},short` })),
    ).toEqual([
      'SETTINGS_ENCRYPTION_PREVIOUS_KEYS: expected 32 random bytes in base64 each, separated by commas, got a value that is not shown (secret)',
    ]);
  });

  it('reports a required variable without a default as not set', () => {
    const schema = envSchema({ WEBHOOK_KEY: env.secret({ description: 'key', minLength: 8 }) });
    expect(problemsOf(() => loadConfig(schema, {}))).toEqual([
      'WEBHOOK_KEY: expected a random string of at least 8 characters, got nothing (not set)',
    ]);
  });

  it('shortens long values in messages', () => {
    const [line] = problemsOf(() => loadConfig(scorerConfigSchema, { KAFKA_BROKERS: 'x'.repeat(500) }));
    expect(line?.length).toBeLessThan(160);
  });

  it('reports a rule across variables with its own message', () => {
    const schema = envSchema({
      MIN_BATCH: env.integer({ description: 'min', default: 1, min: 1, max: 100 }),
      MAX_BATCH: env.integer({ description: 'max', default: 10, min: 1, max: 100 }),
    }).refine((c) => c.MIN_BATCH <= c.MAX_BATCH, { message: 'MIN_BATCH <= MAX_BATCH' });
    expect(() => loadConfig(schema, { MIN_BATCH: '50' })).toThrow(
      'configuration: expected MIN_BATCH <= MAX_BATCH',
    );
  });
});

describe('envSchema', () => {
  it('refuses a variable declared without env.*, so docs and redaction cannot miss it', async () => {
    const { z } = await import('zod');
    expect(() => envSchema({ RAW: z.string() })).toThrow('RAW: declare it with env.*');
  });

  it('refuses names that are not UPPER_SNAKE_CASE', () => {
    expect(() => envSchema({ kafkaBrokers: env.string({ description: 'x' }) })).toThrow('UPPER_SNAKE_CASE');
  });
});

describe('API_TRUSTED_PROXIES (addressRangeList)', () => {
  it('is empty by default and reads addresses and CIDR ranges of both families', () => {
    expect(loadConfig(apiConfigSchema, {}).API_TRUSTED_PROXIES).toEqual([]);
    expect(
      loadConfig(apiConfigSchema, { API_TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1,fd00::/8' })
        .API_TRUSTED_PROXIES,
    ).toEqual(['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
  });

  it('refuses what is not an address or a range, saying what it expects', () => {
    for (const value of ['10.0.0.0/33', 'proxy.internal', '10.0.0.0/8/1', '::1/129'])
      expect(() => loadConfig(apiConfigSchema, { API_TRUSTED_PROXIES: value })).toThrow(
        /API_TRUSTED_PROXIES.*IP addresses or CIDR ranges/s,
      );
  });
});

describe('PIPELINE_METRICS_URLS (namedUrlList)', () => {
  it('defaults to every pipeline service’s /metrics on its local-stack port and reads name=url pairs', () => {
    expect(loadConfig(apiConfigSchema, {}).PIPELINE_METRICS_URLS).toEqual([
      { name: 'ingest', url: 'http://127.0.0.1:3001/metrics' },
      { name: 'scorer', url: 'http://127.0.0.1:3002/metrics' },
      { name: 'decay', url: 'http://127.0.0.1:3003/metrics' },
      { name: 'threshold', url: 'http://127.0.0.1:3004/metrics' },
      { name: 'analytics', url: 'http://127.0.0.1:3005/metrics' },
    ]);
    expect(
      loadConfig(apiConfigSchema, {
        PIPELINE_METRICS_URLS: 'ingest = http://ingest:3001/metrics, scorer-2=https://10.0.0.7/metrics?x=1',
      }).PIPELINE_METRICS_URLS,
    ).toEqual([
      { name: 'ingest', url: 'http://ingest:3001/metrics' },
      { name: 'scorer-2', url: 'https://10.0.0.7/metrics?x=1' },
    ]);
  });

  it('refuses entries without a name, with another scheme or a repeated name, saying what it expects', () => {
    for (const value of [
      'http://ingest:3001/metrics',
      'ingest=ftp://ingest/metrics',
      'Ingest=http://ingest:3001/metrics',
      'ingest=http://a:1/metrics,ingest=http://b:1/metrics',
      'ingest=http://a:1/metrics,',
    ])
      expect(() => loadConfig(apiConfigSchema, { PIPELINE_METRICS_URLS: value })).toThrow(
        /PIPELINE_METRICS_URLS.*name=URL\[,name=URL\.\.\.\]/s,
      );
  });
});
