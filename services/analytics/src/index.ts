export { AnalyticsRuntime, DEFAULT_ANALYTICS_TOPICS, type AnalyticsTopics } from './app/analytics.runtime.js';
export { AnalyticsModule } from './app/analytics.module.js';
