import type { Logger } from '@leadscore/observability';
import { trackedFormFieldNames } from '../tracking/tracked-form-fields.js';
import type { WorkspaceDirectory, WorkspaceSettings } from './workspace-directory.js';
import type { WorkspaceKey } from './workspace-key.js';
import { PeriodicReload } from '../app/periodic-reload.js';
import type { StoredKey, StoredWorkspace, WorkspaceSnapshot } from './workspace-snapshot.js';

export interface DatabaseKeyDirectoryOptions {
  /** Keys and settings from configuration (INGEST_WORKSPACES, or the local workspace): the bootstrap. */
  readonly bootstrap: WorkspaceDirectory;
  /** Everything of the api's tables ingest needs (`loadWorkspaceSnapshot`). */
  readonly load: () => Promise<WorkspaceSnapshot>;
  /** How often the snapshot is reloaded: the longest a revoked key or a replaced secret keeps working. */
  readonly refreshMs: number;
  readonly logger: Logger;
}

/**
 * A workspace's settings: the bootstrap's, overridden by what was set through the api. A provider
 * whose stored secret is unreadable is refused, not given the bootstrap's (which may be the very one
 * that was rotated away).
 */
function withStored(bootstrap: WorkspaceSettings | undefined, stored: StoredWorkspace): WorkspaceSettings {
  const defaultCountry = stored.defaultCountry ?? bootstrap?.identity.defaultCountry;
  const trackingFormFields =
    stored.trackingFormFields === null
      ? bootstrap?.trackingFormFields
      : trackedFormFieldNames(stored.trackingFormFields);
  return {
    workspace: stored.workspace,
    identity: { ...bootstrap?.identity, ...(defaultCountry !== undefined ? { defaultCountry } : {}) },
    providers: { ...bootstrap?.providers, ...stored.providers },
    ...(trackingFormFields ? { trackingFormFields } : {}),
  };
}

/**
 * Keys, workspace settings and provider secrets from PostgreSQL (the api's tables), as one snapshot
 * reloaded every `refreshMs`, in front of the configured bootstrap. A snapshot rather than a per-key
 * cache: a lookup stays a map read on ingest's hot path, and unknown keys (typos, guessing) never reach
 * the database. A key revoked through the api is refused from the next reload on, also when the
 * bootstrap lists it (the local stack's dev keys); a secret set through the api replaces the
 * bootstrap's from the next reload on, and once removed the bootstrap's (or none) applies again. While
 * the database cannot be read, the last snapshot (at first: the bootstrap alone) stays in use and the
 * failure is logged.
 */
export class DatabaseKeyDirectory implements WorkspaceDirectory {
  private keys = new Map<string, StoredKey>();
  private workspaces = new Map<string, WorkspaceSettings>();
  private readonly reloads: PeriodicReload;
  private failing = false;
  private unreadableReported = '';

  constructor(private readonly options: DatabaseKeyDirectoryOptions) {
    this.reloads = new PeriodicReload(() => this.load(), options.refreshMs);
  }

  /**
   * Loads the first snapshot and keeps reloading it. Waits for that first load at most
   * `firstLoadWaitMs` (default 5 s): an unreachable database must not hold ingest's start (a failure is
   * logged, not thrown; the bootstrap keys work meanwhile).
   */
  start(firstLoadWaitMs = 5_000): Promise<void> {
    return this.reloads.start(firstLoadWaitMs);
  }

  stop(): Promise<void> {
    return this.reloads.stop();
  }

  findKeyByHash(keyHash: string): WorkspaceKey | undefined {
    const stored = this.keys.get(keyHash);
    if (stored) return stored.revoked ? undefined : stored;
    return this.options.bootstrap.findKeyByHash(keyHash);
  }

  settings(workspace: string): WorkspaceSettings | undefined {
    return this.workspaces.get(workspace) ?? this.options.bootstrap.settings(workspace);
  }

  /** Reloads the snapshot now (one load at a time). */
  refresh(): Promise<void> {
    return this.reloads.reload();
  }

  private async load(): Promise<void> {
    const { logger, bootstrap } = this.options;
    try {
      const snapshot = await this.options.load();
      this.keys = new Map(snapshot.keys.map((key) => [key.keyHash, key]));
      this.workspaces = new Map(
        snapshot.workspaces.map((stored) => [
          stored.workspace,
          withStored(bootstrap.settings(stored.workspace), stored),
        ]),
      );
      this.reportUnreadable(snapshot);
      if (this.failing)
        logger.info(
          { keys: snapshot.keys.length, workspaces: snapshot.workspaces.length },
          'workspace keys and settings loaded from PostgreSQL again',
        );
      this.failing = false;
    } catch (error) {
      if (!this.failing)
        logger.error(
          { err: error },
          'cannot load workspace keys and settings from PostgreSQL: keeping the last ones loaded (and the configured ones)',
        );
      this.failing = true;
    }
  }

  /** Logs unreadable secrets when they change (not at every reload): each names its fix. */
  private reportUnreadable(snapshot: WorkspaceSnapshot): void {
    const report = JSON.stringify(snapshot.unreadable);
    if (report === this.unreadableReported) return;
    this.unreadableReported = report;
    for (const secret of snapshot.unreadable)
      this.options.logger.error(
        { workspace: secret.workspace, provider: secret.provider },
        `provider secret refused: ${secret.reason}`,
      );
  }
}
