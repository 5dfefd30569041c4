import { describe, expect, it } from '@jest/globals';
import { hashPassword, passwordRefusal, verifyPassword } from './password-hash.js';

const CHEAP = { logN: 10, r: 8, p: 1 };

describe('password hashing (scrypt, PHC strings)', () => {
  // RFC 7914 §12, second test vector: scrypt("password", "NaCl", N=1024, r=8, p=16, dkLen=64).
  const RFC_7914_VECTOR =
    'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640';
  const rfcHash = (vector: string) =>
    `$scrypt$ln=10,r=8,p=16$${Buffer.from('NaCl').toString('base64').replace(/=+$/, '')}$${Buffer.from(vector, 'hex').toString('base64').replace(/=+$/, '')}`;

  it('verifies the RFC 7914 test vector written as a PHC string, and refuses it for another password', async () => {
    await expect(verifyPassword('password', rfcHash(RFC_7914_VECTOR))).resolves.toBe(true);
    await expect(verifyPassword('passwordx', rfcHash(RFC_7914_VECTOR))).resolves.toBe(false);
    const flipped = RFC_7914_VECTOR.replace(/^fd/, 'fc');
    await expect(verifyPassword('password', rfcHash(flipped))).resolves.toBe(false);
  });

  it('hashes with a fresh salt each time, records its parameters, and verifies only the same password', async () => {
    const first = await hashPassword('correct horse battery staple', CHEAP);
    const second = await hashPassword('correct horse battery staple', CHEAP);
    expect(first).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(first).not.toBe(second);
    await expect(verifyPassword('correct horse battery staple', first)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapler', first)).resolves.toBe(false);
  });

  it('uses OWASP parameters by default (N = 2^17, r = 8, p = 1)', async () => {
    const hash = await hashPassword('a default-cost passphrase');
    expect(hash.startsWith('$scrypt$ln=17,r=8,p=1$')).toBe(true);
    await expect(verifyPassword('a default-cost passphrase', hash)).resolves.toBe(true);
  });

  it('reads the same password in either Unicode form (NFKC) as the same', async () => {
    const composed = 'caf\u00e9 au lait, bitte';
    const decomposed = 'cafe\u0301 au lait, bitte';
    const hash = await hashPassword(composed, CHEAP);
    await expect(verifyPassword(decomposed, hash)).resolves.toBe(true);
  });

  it('answers false, never throws, for a malformed stored hash', async () => {
    for (const stored of ['', 'plain', '$argon2id$v=19$m=65536,t=3,p=4$abc$def', '$scrypt$ln=10,r=8,p=1$$'])
      await expect(verifyPassword('whatever it is', stored)).resolves.toBe(false);
  });

  it('refuses short and huge passwords with the rule', () => {
    expect(passwordRefusal('short')).toMatch(/at least 12 characters/);
    expect(passwordRefusal('x'.repeat(1025))).toMatch(/at most 1024/);
    expect(passwordRefusal('twelve chars')).toBeUndefined();
  });
});
