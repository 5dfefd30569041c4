import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The local stack's OPERATOR_TOKEN (operational endpoints such as POST /v1/decay/run): the one in the
 * environment, else one made at the first start and kept in `<dataDir>/operator-token` (mode 0600).
 */
export function localOperatorToken(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['OPERATOR_TOKEN'];
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'operator-token');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 24) return kept;
  }
  const token = `op_${randomBytes(24).toString('hex')}`;
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

/**
 * The local console admin's password: made at the first start and kept in `<dataDir>/console-password`
 * (mode 0600), like the operator token; `npm start` prints where it is.
 */
export function localConsolePassword(dataDir: string): string {
  const file = join(dataDir, 'console-password');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 12) return kept;
  }
  const password = randomBytes(12).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}
