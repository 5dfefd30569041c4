import type { KeyScope } from './key-scope.js';

/**
 * The local stack's workspace and its development keys (README, "First event"): ingest accepts them
 * when it runs without INGEST_WORKSPACES outside production, and `npm start` seeds them into PostgreSQL
 * for the api. Never valid anywhere else: production never seeds them.
 */
export const LOCAL_WORKSPACE_ID = 'local';

export const LOCAL_DEV_KEYS = [
  { id: 'local-dev-publishable', kind: 'publishable', key: 'pk_local_dev', scopes: ['events:write'] },
  { id: 'local-dev-secret', kind: 'secret', key: 'sk_local_dev', scopes: ['events:write', 'read', 'admin'] },
] as const satisfies readonly {
  id: string;
  kind: 'publishable' | 'secret';
  key: string;
  scopes: readonly KeyScope[];
}[];
