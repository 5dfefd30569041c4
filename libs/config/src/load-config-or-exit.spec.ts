import { describe, expect, it } from '@jest/globals';
import { loadConfigOrExit, type ExitPort } from './load-config-or-exit.js';
import { scorerConfigSchema } from './services/scorer.config.js';

class Exited extends Error {
  constructor(readonly code: number) {
    super(`exit(${code})`);
  }
}

function fakeProcess(): ExitPort & { stderr: string } {
  const fake = {
    stderr: '',
    writeStderr(text: string) {
      fake.stderr += text;
    },
    exit(code: number): never {
      throw new Exited(code);
    },
  };
  return fake;
}

describe('loadConfigOrExit', () => {
  it('returns the configuration when it is valid', () => {
    const io = fakeProcess();
    expect(loadConfigOrExit(scorerConfigSchema, { PORT: '4000' }, io).PORT).toBe(4000);
    expect(io.stderr).toBe('');
  });

  it('prints every problem to stderr and exits with code 1', () => {
    const io = fakeProcess();
    expect(() => loadConfigOrExit(scorerConfigSchema, { PORT: 'x', KAFKA_BROKERS: 'localhost' }, io)).toThrow(
      new Exited(1),
    );
    expect(io.stderr).toBe(
      [
        'Invalid configuration (2 problems):',
        '  - PORT: expected a TCP port (1-65535), got "x"',
        '  - KAFKA_BROKERS: expected host:port[,host:port...], got "localhost"',
        '',
      ].join('\n'),
    );
  });
});
