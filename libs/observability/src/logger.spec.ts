import { describe, expect, it } from '@jest/globals';
import { createLogger, withIds, type LoggerOptions } from './logger.js';

function capturingLogger(options: Omit<LoggerOptions, 'destination' | 'service'> = {}) {
  const lines: string[] = [];
  const logger = createLogger({
    service: 'ingest',
    ...options,
    destination: { write: (line: string) => lines.push(line) },
  });
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, entries };
}

describe('createLogger', () => {
  it('writes one JSON object per line with time, level name, service and message', () => {
    const { logger, lines, entries } = capturingLogger();
    logger.info({ accepted: 3 }, 'batch accepted');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    const [entry] = entries();
    expect(entry).toMatchObject({ level: 'info', service: 'ingest', msg: 'batch accepted', accepted: 3 });
    expect(new Date(String(entry?.['time'])).toISOString()).toBe(entry?.['time']);
  });

  it('drops entries below the configured level', () => {
    const { logger, entries } = capturingLogger({ level: 'warn' });
    logger.info('quiet');
    logger.warn('loud');
    expect(entries().map((e) => e['msg'])).toEqual(['loud']);
  });

  it('redacts authorization, cookie and API-key headers and secret-looking fields', () => {
    const { logger, lines } = capturingLogger();
    logger.info(
      {
        req: {
          method: 'POST',
          headers: {
            authorization: 'Bearer abc.def',
            cookie: 'sid=xyz',
            'x-api-key': 'key-123',
            host: 'ingest',
          },
        },
        headers: { authorization: 'Basic Zm9vOmJhcg==' },
        webhook: {
          url: 'https://crm.example/hook',
          secret: 'whsec_123',
          headers: { authorization: 'Bearer crm' },
        },
        password: 'hunter2',
      },
      'request',
    );
    const text = lines.join('');
    for (const leaked of [
      'abc.def',
      'sid=xyz',
      'key-123',
      'Zm9vOmJhcg',
      'whsec_123',
      'Bearer crm',
      'hunter2',
    ]) {
      expect(text).not.toContain(leaked);
    }
    const entry = JSON.parse(text) as {
      req: { headers: Record<string, string> };
      webhook: Record<string, unknown>;
    };
    expect(entry.req.headers).toEqual({
      authorization: '[redacted]',
      cookie: '[redacted]',
      'x-api-key': '[redacted]',
      host: 'ingest',
    });
    expect(entry.webhook['url']).toBe('https://crm.example/hook');
  });

  it('redacts extra paths a service names', () => {
    const { logger, lines } = capturingLogger({ redact: ['config.INGEST_PIXEL_SECRET'] });
    logger.info({ config: { INGEST_PIXEL_SECRET: 'pixel-secret', PORT: 3001 } }, 'started');
    expect(lines.join('')).not.toContain('pixel-secret');
    expect(lines.join('')).toContain('"PORT":3001');
  });

  it('gives child loggers the ids that follow one event through the pipeline', () => {
    const { logger, entries } = capturingLogger();
    const eventLogger = withIds(logger, {
      workspace: 'ws-1',
      contact: 'c-9',
      eventId: 'evt-42',
      topic: 'leads.events.v1',
      partition: 3,
      offset: '1200',
    });
    eventLogger.warn('duplicate event');
    expect(entries()[0]).toMatchObject({
      service: 'ingest',
      workspace: 'ws-1',
      contact: 'c-9',
      eventId: 'evt-42',
      topic: 'leads.events.v1',
      partition: 3,
      offset: '1200',
      msg: 'duplicate event',
    });
  });
});
