import { env } from '../env-kinds.js';
import { envSchema } from '../env-schema.js';
import { type Config } from '../load-config.js';
import { databaseEnv, httpEnv, kafkaEnv, operatorEnv, runtimeEnv } from '../shared.env.js';

export const decayConfigSchema = envSchema({
  ...runtimeEnv,
  ...httpEnv('decay'),
  ...kafkaEnv,
  ...databaseEnv,
  ...operatorEnv,
  DECAY_RANGE_SIZE: env.integer({
    description: 'Contacts per range of a decay pass: one locked read, one write, one transaction each',
    default: 2_000,
    min: 1,
    max: 100_000,
  }),
  DECAY_CHECK_INTERVAL_MS: env.integer({
    description:
      'How often the leader checks the models’ schedules for a pass that came due, and a standby replica tries to take over',
    default: 15_000,
    min: 100,
    max: 3_600_000,
  }),
  // Parsed and checked (every zone a known IANA name) by services/decay at start.
  DECAY_WORKSPACE_TIME_ZONES: env.optional(
    env.string({
      description:
        'Each workspace’s time zone as JSON, workspace id → IANA zone: the zone of a model whose schedule names none (and of the daily 00:00 default); unset or not listed = UTC',
      expected: 'a JSON object such as {"acme":"Europe/Berlin","globex":"America/New_York"}',
    }),
  ),
});

export type DecayConfig = Config<typeof decayConfigSchema>;
