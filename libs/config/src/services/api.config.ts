import { env } from '../env-kinds.js';
import { envSchema } from '../env-schema.js';
import { type Config } from '../load-config.js';
import {
  databaseEnv,
  httpEnv,
  kafkaEnv,
  operatorEnv,
  runtimeEnv,
  settingsEncryptionEnv,
  SERVICE_DEFAULT_PORTS,
  webhookTargetEnv,
} from '../shared.env.js';

export const apiConfigSchema = envSchema({
  ...runtimeEnv,
  ...httpEnv('api'),
  ...kafkaEnv,
  ...databaseEnv,
  ...operatorEnv,
  ...webhookTargetEnv,
  ...settingsEncryptionEnv,
  ANALYTICS_URL: env.url({
    description: 'Base URL of the analytics service, asked for history and trends',
    protocols: ['http:', 'https:'],
    example: 'http://analytics:3005',
    default: `http://127.0.0.1:${SERVICE_DEFAULT_PORTS.analytics}`,
  }),
  CONSOLE_DIR: env.optional(
    env.path({
      description:
        'The built web console (apps/console/dist) the api serves under /console; unset = the one beside the api in this checkout or image',
    }),
  ),
  PIPELINE_METRICS_URLS: env.namedUrlList({
    description:
      'The Prometheus /metrics endpoints of the pipeline services, by name, that GET /v1/pipeline/health scrapes (each at most 1.5 s; one that does not answer is shown down)',
    protocols: ['http:', 'https:'],
    example: 'ingest=http://ingest:3001/metrics,scorer=http://scorer:3002/metrics',
    default: (['ingest', 'scorer', 'decay', 'threshold', 'analytics'] as const)
      .map((service) => `${service}=http://127.0.0.1:${SERVICE_DEFAULT_PORTS[service]}/metrics`)
      .join(','),
  }),
  API_RATE_LIMIT_PER_SECOND: env.integer({
    description:
      'Requests per second one API key may make to this instance (a token bucket per key, in memory: each instance behind a load balancer holds its own) before 429',
    default: 20,
    min: 1,
    max: 1_000_000,
  }),
  API_TRUSTED_PROXIES: env.addressRangeList({
    description:
      'Proxies (addresses or CIDR ranges) whose X-Forwarded-For the api believes for the client address (the failed-authentication throttle, logs); empty (the default): the connecting address',
    default: '',
  }),
  API_SCORE_STATS_MAX_AGE_MS: env.integer({
    description:
      'How long a model’s median, percentiles and histogram (leaderboard relative scores, distributions) are reused before they are computed again; every answer gives their time',
    default: 5_000,
    min: 0,
    max: 3_600_000,
  }),
  API_BACKTEST_MAX_CONTACTS: env.integer({
    description:
      'Archived contacts one POST /v1/models/backtest replays at most (in contact-key order); a workspace with more gets `truncated: true` and the figures of the first ones',
    default: 20_000,
    min: 1,
    max: 1_000_000,
  }),
  API_RESCORE_TRANSITIONS_PER_SECOND: env.integer({
    description:
      'Tier and stage transitions per second a rescore started through POST /v1/models/{id}/rescores sends out at most when its request names no `transitionsPerSecond` (so a model edit cannot flood a CRM)',
    default: 50,
    min: 1,
    max: 10_000,
  }),
  API_RATE_LIMIT_BURST: env.integer({
    description: 'Requests one API key may make at once after being idle (the size of its token bucket)',
    default: 100,
    min: 1,
    max: 1_000_000,
  }),
});

export type ApiConfig = Config<typeof apiConfigSchema>;
