import type { Logger } from '@leadscore/observability';
import type { WorkspaceDirectory, WorkspaceSettings } from './workspace-directory.js';
import type { WorkspaceKey } from './workspace-key.js';

/** A key of the api's table, as loaded: `revoked` keys are refused even when the bootstrap has them. */
export interface StoredKey extends WorkspaceKey {
  readonly revoked: boolean;
}

export interface DatabaseKeyDirectoryOptions {
  /** Keys and settings from configuration (INGEST_WORKSPACES, or the local workspace): the bootstrap. */
  readonly bootstrap: WorkspaceDirectory;
  /** Every key of the api's table (libs/persistence `apiKeyRepository.directory`). */
  readonly load: () => Promise<readonly StoredKey[]>;
  /** How often the snapshot is reloaded: the longest a revoked key keeps working. */
  readonly refreshMs: number;
  readonly logger: Logger;
}

/**
 * Keys from PostgreSQL (the api's `api_keys`), as a snapshot reloaded every `refreshMs`, in front of
 * the configured bootstrap keys. A snapshot rather than a per-key cache: a lookup stays a map read on
 * ingest's hot path, and unknown keys (typos, guessing) never reach the database. A key revoked
 * through the api is refused from the next reload on, also when the bootstrap lists it (the local
 * stack's dev keys). While the database cannot be read, the last snapshot (at first: the bootstrap
 * alone) stays in use and the failure is logged.
 */
export class DatabaseKeyDirectory implements WorkspaceDirectory {
  private keys = new Map<string, StoredKey>();
  private timer: NodeJS.Timeout | undefined;
  private loading: Promise<void> | undefined;
  private failing = false;

  constructor(private readonly options: DatabaseKeyDirectoryOptions) {}

  /**
   * Loads the first snapshot and keeps reloading it. Waits for that first load at most
   * `firstLoadWaitMs` (default 5 s): an unreachable database must not hold ingest's start (a failure is
   * logged, not thrown; the bootstrap keys work meanwhile).
   */
  async start(firstLoadWaitMs = 5_000): Promise<void> {
    let waited: NodeJS.Timeout | undefined;
    await Promise.race([
      this.refresh(),
      new Promise<void>((resolve) => {
        waited = setTimeout(resolve, firstLoadWaitMs);
      }),
    ]);
    clearTimeout(waited);
    this.timer = setInterval(() => void this.refresh(), this.options.refreshMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.loading;
  }

  findKeyByHash(keyHash: string): WorkspaceKey | undefined {
    const stored = this.keys.get(keyHash);
    if (stored) return stored.revoked ? undefined : stored;
    return this.options.bootstrap.findKeyByHash(keyHash);
  }

  settings(workspace: string): WorkspaceSettings | undefined {
    return this.options.bootstrap.settings(workspace);
  }

  /** Reloads the snapshot now (one load at a time). */
  refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    try {
      const keys = await this.options.load();
      this.keys = new Map(keys.map((key) => [key.keyHash, key]));
      if (this.failing)
        this.options.logger.info({ keys: keys.length }, 'workspace keys loaded from PostgreSQL again');
      this.failing = false;
    } catch (error) {
      if (!this.failing)
        this.options.logger.error(
          { err: error },
          'cannot load workspace keys from PostgreSQL: keeping the last ones loaded (and the configured ones)',
        );
      this.failing = true;
    }
  }
}
