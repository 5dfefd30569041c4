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
export {
  SETTINGS_KEY_BYTES,
  SettingsCipher,
  SettingsDecryptionError,
  parseSettingsKey,
  settingsKeyId,
  type SealedSecret,
  type SecretContext,
} from './settings-cipher.js';
export { openWebhookSecret, sealWebhookSecret } from './webhook-secret-seal.js';
export { ianaTimeZone, isTimeZone } from './time-zone.js';
export {
  WEBHOOK_PROVIDERS,
  isWebhookProvider,
  providerSecretPurpose,
  type WebhookProvider,
} from './webhook-provider.js';
export {
  MAX_TRACKING_FORM_FIELDS,
  TRACKING_FORM_FIELD_PATTERN,
  trackingFormFieldRefusal,
} from './tracking-form-fields.js';
export { sendgridPublicKey } from './sendgrid-verification-key.js';
export { CONSOLE_ROLES, isConsoleRole, scopesOfRole, type ConsoleRole } from './console-role.js';
export {
  DEFAULT_PASSWORD_COST,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  hashPassword,
  passwordRefusal,
  verifyPassword,
  type PasswordHashCost,
} from './password-hash.js';
