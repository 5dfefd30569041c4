import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { colour, outputTo, showsColour } from './output.js';

class Captured extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('showsColour', () => {
  it('colours a terminal, not a pipe, even when CI is set', () => {
    expect(showsColour(new Captured(true), {})).toBe(true);
    expect(showsColour(new Captured(false), {})).toBe(false);
    expect(showsColour(new Captured(false), { CI: 'true' })).toBe(false);
    expect(showsColour(new Captured(true), { TERM: 'dumb' })).toBe(false);
  });

  it('honours NO_COLOR over everything and FORCE_COLOR over the terminal check', () => {
    expect(showsColour(new Captured(true), { NO_COLOR: '1' })).toBe(false);
    expect(showsColour(new Captured(true), { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(showsColour(new Captured(false), { FORCE_COLOR: '1' })).toBe(true);
    expect(showsColour(new Captured(true), { FORCE_COLOR: '0' })).toBe(false);
    expect(showsColour(new Captured(true), { FORCE_COLOR: 'false' })).toBe(false);
  });
});

describe('outputTo', () => {
  it('keeps colour on the stream that shows it and strips it from the one that does not', () => {
    const terminal = new Captured(true);
    const pipe = new Captured(false);
    const output = outputTo(false, terminal, pipe, { CI: 'true' });
    output.out(`${colour.green('✓')} ok`);
    output.err(`${colour.red('✗')} failed`);
    expect(terminal.text).toBe('\u001b[32m✓\u001b[39m ok\n');
    expect(pipe.text).toBe('✗ failed\n');
  });
});
