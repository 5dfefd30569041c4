import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Console passwords, hashed with scrypt (node:crypto, i.e. OpenSSL's — a well-kept implementation; Node 20
 * has no argon2id built in and the npm bindings need a native build). Parameters are OWASP's minimum
 * for scrypt (N = 2^17, r = 8, p = 1: 128 MiB and ~0.4 s per hash on this machine kind), stored with the
 * hash in PHC string format, so that hashes made with other parameters keep verifying after a change.
 */
export interface PasswordHashCost {
  /** log2 of scrypt's N. */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_PASSWORD_COST: PasswordHashCost = { logN: 17, r: 8, p: 1 };
export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing a huge body costs nothing extra. */
export const MAX_PASSWORD_LENGTH = 1024;

const SALT_BYTES = 16;
const HASH_BYTES = 32;
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function scryptAsync(
  password: string,
  salt: Buffer,
  cost: PasswordHashCost,
  length: number,
): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** cost.logN,
    r: cost.r,
    p: cost.p,
    // OpenSSL refuses above maxmem (32 MiB by default): allow twice what the parameters need.
    maxmem: 2 * 128 * cost.r * 2 ** cost.logN * cost.p + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

const unpadded = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');

/** `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64 without padding, as PHC strings write it). */
export async function hashPassword(
  password: string,
  cost: PasswordHashCost = DEFAULT_PASSWORD_COST,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(password, salt, cost, HASH_BYTES);
  return `$scrypt$ln=${cost.logN},r=${cost.r},p=${cost.p}$${unpadded(salt)}$${unpadded(hash)}`;
}

/** Whether `password` is the one `stored` was made from; false (never an error) for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PHC.exec(stored);
  if (!match) return false;
  const [, logN, r, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(
    password,
    Buffer.from(salt, 'base64'),
    { logN: Number(logN), r: Number(r), p: Number(p) },
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordRefusal(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `A password needs at least ${MIN_PASSWORD_LENGTH} characters (a passphrase of a few words is easiest to remember).`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `A password has at most ${MAX_PASSWORD_LENGTH} characters.`;
  return undefined;
}
