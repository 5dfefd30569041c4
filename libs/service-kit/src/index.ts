export {
  connectServiceInfrastructure,
  connectKafkaInfrastructure,
  consumerReadiness,
  postgresReadiness,
  type KafkaInfrastructure,
  type KafkaInfrastructureOptions,
  type ServiceInfrastructure,
  type ServiceInfrastructureOptions,
} from './service-infrastructure.js';
export {
  OPERATOR_CHALLENGE,
  OPERATOR_TOKEN,
  OperatorTokenGuard,
  operatorTokenMatches,
} from './operator-token.guard.js';
export {
  DEFAULT_MAX_BUCKETS,
  TokenBucketLimiter,
  type TokenBucketDecision,
  type TokenBucketRate,
} from './token-bucket.js';
