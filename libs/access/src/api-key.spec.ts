import { describe, expect, it } from '@jest/globals';
import { bearerKey, generateApiKey, hashApiKey, keyPrefix } from './api-key.js';

const counting = (): ((bytes: number) => Buffer) => {
  let next = 0;
  return (bytes) => Buffer.from(Array.from({ length: bytes }, () => next++ % 256));
};

describe('api keys', () => {
  it('are made of the kind, a hex id and 256 random bits, and stored as the SHA-256 of the whole key', () => {
    const key = generateApiKey('secret', counting());
    expect(key.id).toBe('0001020304050607');
    expect(key.key).toMatch(/^sk_0001020304050607_[A-Za-z0-9_-]{43}$/);
    expect(key.hash).toEqual(hashApiKey(key.key));
    expect(key.hash.toString('hex')).toHaveLength(64);
    expect(key.prefix).toBe(`sk_0001020304050607_${key.key.slice(20, 24)}…`);
    expect(generateApiKey('publishable').key).toMatch(/^pk_[0-9a-f]{16}_/);
  });

  it('never repeat', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateApiKey('secret').key));
    expect(keys.size).toBe(1000);
  });

  it('hash with SHA-256 and show short development keys whole', () => {
    expect(hashApiKey('abc').toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(keyPrefix('pk_local_dev')).toBe('pk_local_dev');
  });

  it('are read from a bearer Authorization header, with what to send when it is missing or malformed', () => {
    expect(bearerKey('Bearer sk_1_abc')).toEqual({ found: true, key: 'sk_1_abc' });
    expect(bearerKey('bearer  sk_1_abc ')).toEqual({ found: true, key: 'sk_1_abc' });
    expect(bearerKey(undefined)).toMatchObject({ found: false, reason: expect.stringContaining('Bearer') });
    expect(bearerKey('Basic abc')).toMatchObject({ found: false });
    expect(bearerKey('Bearer a b')).toMatchObject({ found: false });
  });
});
