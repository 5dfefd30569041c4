import {
  LOCAL_DEV_KEYS,
  LOCAL_WORKSPACE_ID,
  hashApiKey,
  hashPassword,
  keyPrefix,
  workspaceId,
} from '@leadscore/access';
import {
  apiKeyRepository,
  consoleUserRepository,
  openDatabase,
  workspaceRepository,
} from '@leadscore/persistence';

export interface SeededWorkspace {
  readonly workspace: string;
  /** Keys inserted by this call (none when the workspace was seeded before). */
  readonly insertedKeys: readonly string[];
  /** Whether this call created the console's local admin user (LOCAL_CONSOLE_ADMIN). */
  readonly insertedConsoleAdmin: boolean;
}

/** The console user the local stack signs in with (its password: localConsolePassword). */
export const LOCAL_CONSOLE_ADMIN = 'admin@example.com';

/**
 * Seeds the local workspace, its development keys (pk_local_dev, sk_local_dev) and the console's admin
 * user (LOCAL_CONSOLE_ADMIN with `consolePassword`) into the database,
 * migrating it first; idempotent: what exists is left as it is (a dev key revoked through the api stays
 * revoked until .local/ is deleted).
 */
export async function seedLocalWorkspace(
  databaseUrl: string,
  consolePassword: string,
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
      const insertedConsoleAdmin = !(await consoleUserRepository.userByEmail(sql, id, LOCAL_CONSOLE_ADMIN));
      if (insertedConsoleAdmin)
        await consoleUserRepository.insertUser(sql, {
          id: 'usr_local_admin',
          workspaceId: id,
          email: LOCAL_CONSOLE_ADMIN,
          name: 'Local admin',
          role: 'admin',
          passwordHash: await hashPassword(consolePassword),
          createdAt: now,
          createdBy: 'local-stack',
        });
      return { workspace: id, insertedKeys, insertedConsoleAdmin };
    });
  } finally {
    await dataSource.destroy();
  }
}
