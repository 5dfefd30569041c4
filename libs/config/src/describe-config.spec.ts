import { describe, expect, it } from '@jest/globals';
import { configMarkdownTable, describeConfig } from './describe-config.js';
import { loadConfig } from './load-config.js';
import { redactConfig, REDACTED } from './redact-config.js';
import { SERVICE_CONFIG_SCHEMAS, SERVICE_CONFIG_VARIABLES } from './service-configs.js';
import { ingestConfigSchema } from './services/ingest.config.js';
import { SERVICE_DEFAULT_PORTS, SERVICE_NAMES } from './shared.env.js';

describe('describeConfig', () => {
  it('lists every variable with its default, description and secrecy', () => {
    const variables = describeConfig(ingestConfigSchema);
    expect(variables.map((v) => v.name)).toEqual([
      'NODE_ENV',
      'LOG_LEVEL',
      'HOST',
      'PORT',
      'KAFKA_BROKERS',
      'DATABASE_URL',
      'SETTINGS_ENCRYPTION_KEY',
      'SETTINGS_ENCRYPTION_PREVIOUS_KEYS',
      'INGEST_KEYS_REFRESH_MS',
      'INGEST_PIXEL_SECRET',
      'INGEST_BODY_LIMIT_BYTES',
      'INGEST_MAX_BATCH_EVENTS',
      'INGEST_MAX_EVENT_BYTES',
      'INGEST_WORKSPACES',
      'INGEST_PUBLIC_URL',
      'INGEST_RATE_LIMIT_EVENTS_PER_SECOND',
      'INGEST_RATE_LIMIT_BURST',
      'INGEST_PRODUCE_LINGER_MS',
      'INGEST_PRODUCE_TIMEOUT_MS',
      'INGEST_SIGNATURE_TOLERANCE_SECONDS',
    ]);
    expect(variables.find((v) => v.name === 'KAFKA_BROKERS')).toEqual({
      name: 'KAFKA_BROKERS',
      description: 'Kafka bootstrap brokers',
      expected: 'host:port[,host:port...]',
      default: '127.0.0.1:9092',
      secret: false,
      required: 'never',
    });
    const secret = variables.find((v) => v.name === 'INGEST_PIXEL_SECRET');
    expect(secret).toMatchObject({ secret: true, default: undefined, required: 'production' });
    for (const v of variables) expect(v.description).not.toBe('');
  });

  it('never shows the development value of a secret', () => {
    const text = JSON.stringify(describeConfig(ingestConfigSchema)) + configMarkdownTable(ingestConfigSchema);
    expect(text).not.toContain(loadConfig(ingestConfigSchema, {}).INGEST_PIXEL_SECRET);
  });

  it('renders a Markdown table for READMEs', () => {
    const table = configMarkdownTable(ingestConfigSchema).split('\n');
    expect(table[0]).toBe('| variable | default | description | expected |');
    expect(table).toContain(
      '| `KAFKA_BROKERS` | `127.0.0.1:9092` | Kafka bootstrap brokers | host:port[,host:port...] |',
    );
    expect(table.find((row) => row.startsWith('| `INGEST_PIXEL_SECRET`'))).toContain(
      'required in production',
    );
  });
});

describe('service schemas', () => {
  it('exist for every service, with the local-stack port as default', () => {
    expect(Object.keys(SERVICE_CONFIG_SCHEMAS).sort()).toEqual([...SERVICE_NAMES].sort());
    for (const service of SERVICE_NAMES) {
      expect(loadConfig(SERVICE_CONFIG_SCHEMAS[service], {}).PORT).toBe(SERVICE_DEFAULT_PORTS[service]);
    }
    expect(SERVICE_DEFAULT_PORTS).toEqual({
      api: 3000,
      ingest: 3001,
      scorer: 3002,
      decay: 3003,
      threshold: 3004,
      analytics: 3005,
    });
  });

  it('export the variable names each service reads', () => {
    expect(SERVICE_CONFIG_VARIABLES.analytics).toEqual(
      expect.arrayContaining([
        'KAFKA_BROKERS',
        'CLICKHOUSE_URL',
        'CLICKHOUSE_DATA_PATH',
        'PORT',
        'HOST',
        'LOG_LEVEL',
      ]),
    );
    expect(SERVICE_CONFIG_VARIABLES.analytics).not.toContain('DATABASE_URL');
    // Ingest reads the api's keys from PostgreSQL (issue #20).
    for (const service of ['ingest', 'scorer', 'decay', 'threshold', 'api'] as const) {
      expect(SERVICE_CONFIG_VARIABLES[service]).toContain('DATABASE_URL');
    }
    // The api seals workspace secrets; ingest (provider secrets) and threshold (CRM webhook secrets) open them.
    expect(
      SERVICE_NAMES.filter((service) =>
        SERVICE_CONFIG_VARIABLES[service].includes('SETTINGS_ENCRYPTION_KEY'),
      ),
    ).toEqual(['api', 'ingest', 'threshold']);
  });
});

describe('redactConfig', () => {
  it('replaces secret values so the loaded configuration can be logged', () => {
    const config = loadConfig(ingestConfigSchema, { INGEST_PIXEL_SECRET: 's'.repeat(40) });
    const printable = redactConfig(ingestConfigSchema, config);
    expect(printable['INGEST_PIXEL_SECRET']).toBe(REDACTED);
    expect(printable['KAFKA_BROKERS']).toEqual(['127.0.0.1:9092']);
    expect(JSON.stringify(printable)).not.toContain('s'.repeat(40));
  });
});
