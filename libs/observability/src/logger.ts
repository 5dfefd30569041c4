import pino from 'pino';

export type Logger = pino.Logger;
export type LogLevel = pino.LevelWithSilent;

export const REDACTED = '[redacted]';

/**
 * Paths pino replaces by `[redacted]`: credentials in HTTP headers (as Fastify and our own code log
 * them) and secret-looking fields at the top level or one level down.
 */
export const DEFAULT_REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-api-key"]',
  ...['authorization', 'password', 'secret', 'token', 'apiKey', 'signingSecret'].flatMap((key) => [
    key,
    `*.${key}`,
  ]),
];

export interface LoggerOptions {
  readonly service: string;
  /** From the service configuration (LOG_LEVEL); default `info`. */
  readonly level?: LogLevel;
  /** More pino redact paths, e.g. a service's own secret fields. */
  readonly redact?: readonly string[];
  /** Where lines go; default stdout. Tests pass a collecting stream. */
  readonly destination?: pino.DestinationStream;
}

/** A JSON logger: one line per entry with `time` (ISO), `level` (name), `service` and `msg`. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...DEFAULT_REDACT_PATHS, ...(options.redact ?? [])], censor: REDACTED },
    },
    options.destination,
  );
}

/**
 * The ids that let an SRE follow one event through the pipeline. Use these field names everywhere, so
 * one query finds an event in every service's logs.
 */
export interface LogIds {
  readonly workspace?: string;
  readonly contact?: string;
  readonly eventId?: string;
  readonly topic?: string;
  readonly partition?: number;
  /** Kafka offsets are 64-bit: strings, as kafkajs gives them. */
  readonly offset?: string;
}

/** A child logger whose every line carries `ids`. */
export function withIds(logger: Logger, ids: LogIds): Logger {
  return logger.child(ids);
}
