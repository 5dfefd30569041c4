import { type Logger } from './logger.js';

type LogFields = Record<string, unknown>;

/** The logger shape libs/kafka takes (message first, then fields), backed by a pino logger. */
export interface MessageFirstLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Routes libs/kafka's (and kafkajs's) logs into a service's pino logger under `component: kafka`. */
export function kafkaLogAdapter(logger: Logger): MessageFirstLogger {
  const child = logger.child({ component: 'kafka' });
  return {
    debug: (message, fields) => child.debug(fields ?? {}, message),
    info: (message, fields) => child.info(fields ?? {}, message),
    warn: (message, fields) => child.warn(fields ?? {}, message),
    error: (message, fields) => child.error(fields ?? {}, message),
  };
}
