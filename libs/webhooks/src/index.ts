export { classifyAddress, type AddressClass } from './address-class.js';
export {
  ALLOW_PRIVATE_NETWORKS_VARIABLE,
  webhookTargetPolicyOf,
  type WebhookTargetPolicy,
} from './webhook-target.policy.js';
export {
  MAX_WEBHOOK_URL_LENGTH,
  WebhookTargetGuard,
  parseWebhookUrl,
  systemResolver,
  type HostResolver,
  type ResolvedAddress,
  type TargetCheck,
} from './webhook-target.guard.js';
export { RESPONSE_EXCERPT_CHARS, sendWebhook, type SentAttempt } from './webhook.sender.js';
