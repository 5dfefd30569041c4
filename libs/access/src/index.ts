export { WORKSPACE_ID_PATTERN, isWorkspaceId, workspaceId, type WorkspaceId } from './workspace-id.js';
export {
  KEY_KINDS,
  KEY_SCOPES,
  PUBLISHABLE_SCOPES,
  DEFAULT_SECRET_SCOPES,
  hasAnyScope,
  isKeyScope,
  scopesForNewKey,
  type KeyKind,
  type KeyScope,
  type ScopeDecision,
} from './key-scope.js';
export {
  KEY_ID_PATTERN,
  bearerKey,
  generateApiKey,
  hashApiKey,
  keyPrefix,
  type BearerKey,
  type NewApiKey,
  type RandomSource,
} from './api-key.js';
export { LOCAL_DEV_KEYS, LOCAL_WORKSPACE_ID } from './local-workspace.js';
