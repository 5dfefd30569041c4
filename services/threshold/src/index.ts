export {
  ThresholdRuntime,
  type ThresholdRuntimeOptions,
  type WebhookSettings,
} from './app/threshold.runtime.js';
export { ThresholdModule } from './app/threshold.module.js';
export {
  LifecycleBatchHandler,
  DEFAULT_THRESHOLD_TOPICS,
  outboxSourceOf,
  type LifecycleBatchOutcome,
  type ThresholdTopics,
} from './lifecycle/lifecycle-batch.handler.js';
export { LifecycleModels } from './lifecycle/lifecycle-models.js';
export { lifecycleEvent, lifecycleEventId } from './lifecycle/lifecycle-event.js';
export { WebhookDeliveryWorker, type WebhookWorkerOptions } from './webhooks/webhook-delivery.worker.js';
