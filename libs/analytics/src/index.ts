export {
  ANALYTICS_SETTINGS,
  analyticsConnectionFromEnv,
  createAnalyticsClient,
  type AnalyticsClient,
  type AnalyticsConnection,
} from './analytics-client.js';
