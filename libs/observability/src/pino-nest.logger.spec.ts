import { describe, expect, it } from '@jest/globals';
import { createLogger } from './logger.js';
import { PinoNestLogger } from './pino-nest.logger.js';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({
    service: 'api',
    level: 'trace',
    destination: { write: (line: string) => lines.push(line) },
  });
  return {
    nest: new PinoNestLogger(logger),
    entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('PinoNestLogger', () => {
  it("writes Nest's own lines as JSON with their context", () => {
    const { nest, entries } = capture();
    nest.log('Mapped {/metrics, GET} route', 'RouterExplorer');
    nest.verbose('details', 'InstanceLoader');
    expect(entries()).toMatchObject([
      { level: 'info', service: 'api', context: 'RouterExplorer', msg: 'Mapped {/metrics, GET} route' },
      { level: 'trace', context: 'InstanceLoader', msg: 'details' },
    ]);
  });

  it('keeps the stack of an error apart from its context', () => {
    const { nest, entries } = capture();
    nest.error('boom', 'Error: boom\n    at main.ts:1', 'ExceptionHandler');
    nest.error(new Error('kaput'), 'ExceptionsHandler');
    const [first, second] = entries();
    expect(first).toMatchObject({
      level: 'error',
      msg: 'boom',
      stack: 'Error: boom\n    at main.ts:1',
      context: 'ExceptionHandler',
    });
    expect(second).toMatchObject({
      level: 'error',
      msg: 'kaput',
      context: 'ExceptionsHandler',
      err: { message: 'kaput' },
    });
  });
});
