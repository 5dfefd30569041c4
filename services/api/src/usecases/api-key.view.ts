import type { ApiKey } from '@leadscore/contracts';
import type { ApiKeyRow } from '@leadscore/persistence';

/** A stored key as the api shows it: never the key or its hash. */
export function apiKeyView(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
