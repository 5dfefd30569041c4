import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the OS temp dir, readable by the `postgres` user that runs PostgreSQL. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `leadscore-${prefix}-`));
  chmodSync(dir, 0o755);
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
