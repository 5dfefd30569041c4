import { generateApiKey, type KeyKind, type KeyScope, type WorkspaceId } from '@leadscore/access';
import type { KeyCreated } from '@leadscore/contracts';
import { apiKeyRepository, auditLogRepository, type ApiKeyRow, type SqlRunner } from '@leadscore/persistence';
import { apiKeyView } from './api-key.view.js';

export interface KeyToIssue {
  readonly workspaceId: WorkspaceId;
  readonly kind: KeyKind;
  readonly scopes: readonly KeyScope[];
  readonly name: string | null;
  /** A key id, or `operator`. */
  readonly actor: string;
  readonly at: Date;
}

/** Stores a new key and its `key.created` audit row, in the caller's transaction; the key is in the result only. */
export async function issueKey(sql: SqlRunner, request: KeyToIssue): Promise<KeyCreated> {
  const generated = generateApiKey(request.kind);
  const row: ApiKeyRow = {
    id: generated.id,
    workspaceId: request.workspaceId,
    kind: request.kind,
    name: request.name,
    scopes: [...request.scopes],
    keyHash: generated.hash,
    prefix: generated.prefix,
    createdAt: request.at,
    createdBy: request.actor,
    revokedAt: null,
    lastUsedAt: null,
  };
  await apiKeyRepository.insert(sql, row);
  await auditLogRepository.append(sql, [
    {
      workspaceId: request.workspaceId,
      actor: request.actor,
      action: 'key.created',
      target: row.id,
      details: { kind: row.kind, scopes: row.scopes, name: row.name, prefix: row.prefix },
      at: request.at,
    },
  ]);
  return { key: generated.key, apiKey: apiKeyView(row) };
}
