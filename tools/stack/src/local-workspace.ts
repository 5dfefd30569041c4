import { LOCAL_DEV_KEYS, LOCAL_WORKSPACE_ID, hashApiKey, keyPrefix, workspaceId } from '@leadscore/access';
import { apiKeyRepository, openDatabase, workspaceRepository } from '@leadscore/persistence';

export interface SeededWorkspace {
  readonly workspace: string;
  /** Keys inserted by this call (none when the workspace was seeded before). */
  readonly insertedKeys: readonly string[];
}

/**
 * Seeds the local workspace and its development keys (pk_local_dev, sk_local_dev) into the database,
 * migrating it first; idempotent: what exists is left as it is (a dev key revoked through the api stays
 * revoked until .local/ is deleted).
 */
export async function seedLocalWorkspace(
  databaseUrl: string,
  now: Date = new Date(),
): Promise<SeededWorkspace> {
  // Two connections: openDatabase holds one for its migration lock while migrating on another.
  const dataSource = await openDatabase({
    url: databaseUrl,
    poolSize: 2,
    applicationName: 'leadscore-stack',
  });
  try {
    const id = workspaceId(LOCAL_WORKSPACE_ID);
    return await dataSource.transaction(async (sql) => {
      await workspaceRepository.create(sql, { id, name: 'Local development', createdAt: now });
      const insertedKeys = await apiKeyRepository.insertMissing(
        sql,
        LOCAL_DEV_KEYS.map((key) => ({
          id: key.id,
          workspaceId: id,
          kind: key.kind,
          name: 'local development key',
          scopes: [...key.scopes],
          keyHash: hashApiKey(key.key),
          prefix: keyPrefix(key.key),
          createdAt: now,
          createdBy: 'local-stack',
        })),
      );
      return { workspace: id, insertedKeys };
    });
  } finally {
    await dataSource.destroy();
  }
}
