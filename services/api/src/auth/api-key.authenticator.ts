import { bearerKey, hashApiKey } from '@leadscore/access';
import { apiKeyRepository, type DataSource } from '@leadscore/persistence';
import { fail } from '../http/problem-details.js';
import type { Caller } from './caller.js';

/** Last-used times are coarse: at most one write per key and minute (also across replicas, in SQL). */
export const LAST_USED_INTERVAL_SECONDS = 60;

/**
 * Turns `Authorization: Bearer <key>` into the Caller, reading PostgreSQL on every request: a revoked
 * key is refused from the next request on. Records the key's use at most once a minute per process.
 */
export class ApiKeyAuthenticator {
  private readonly lastRecorded = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Caller> {
    const bearer = bearerKey(authorization);
    if (!bearer.found) return fail('unauthenticated', bearer.reason);
    const key = await apiKeyRepository.findByHash(this.dataSource.manager, hashApiKey(bearer.key));
    if (!key)
      return fail(
        'unauthenticated',
        'This key belongs to no workspace: check that it was copied whole, or ask an admin of your workspace for a key (POST /v1/keys).',
      );
    if (key.revokedAt)
      return fail(
        'unauthenticated',
        `The key ${key.prefix} was revoked at ${key.revokedAt.toISOString()}; ask an admin of your workspace for a new key (POST /v1/keys).`,
      );
    await this.recordUse(key.id);
    return { workspaceId: key.workspaceId, actor: key.id, kind: key.kind, scopes: key.scopes };
  }

  private async recordUse(keyId: string): Promise<void> {
    const at = this.now();
    const last = this.lastRecorded.get(keyId);
    if (last !== undefined && at.getTime() - last < LAST_USED_INTERVAL_SECONDS * 1000) return;
    this.lastRecorded.set(keyId, at.getTime());
    await apiKeyRepository.recordUse(
      this.dataSource.manager,
      [{ id: keyId, at }],
      LAST_USED_INTERVAL_SECONDS,
    );
  }
}
