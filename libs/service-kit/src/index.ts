export {
  connectServiceInfrastructure,
  consumerReadiness,
  postgresReadiness,
  type ServiceInfrastructure,
  type ServiceInfrastructureOptions,
} from './service-infrastructure.js';
