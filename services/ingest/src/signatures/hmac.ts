import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmac(algorithm: 'sha1' | 'sha256', key: string | Buffer, message: string | Buffer): Buffer {
  return createHmac(algorithm, key).update(message).digest();
}

/** Constant-time comparison of an expected digest with the one a caller sent (any length). */
export function digestsEqual(expected: Buffer, received: Buffer): boolean {
  return expected.length === received.length && timingSafeEqual(expected, received);
}
