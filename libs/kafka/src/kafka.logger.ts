/** Structured fields attached to a log line: ids that let an SRE follow one batch through the pipeline. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * The logger this library writes to. Services pass their pino logger (or an adapter with these four
 * methods); kafkajs's own logs are routed here too, so nothing in this library prints to the console.
 */
export interface KafkaLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

/** Drops everything: for tests and benchmarks that assert on behaviour, not on log lines. */
export const silentLogger: KafkaLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * Used when the caller passes no logger: warnings and errors as JSON lines on stderr, so that a
 * misconfigured client is never silent about a broken broker.
 */
export const stderrLogger: KafkaLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (message, fields) => writeJsonLine('warn', message, fields),
  error: (message, fields) => writeJsonLine('error', message, fields),
};

function writeJsonLine(level: string, message: string, fields: LogFields | undefined): void {
  process.stderr.write(`${JSON.stringify({ level, time: Date.now(), msg: message, ...fields })}\n`);
}
