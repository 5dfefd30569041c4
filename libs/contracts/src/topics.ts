/**
 * Every Kafka topic of the platform, declared once. `libs/kafka` creates them from this list; services
 * import the names from here.
 */
export const Topics = {
  events: 'leads.events.v1',
  eventsDeadLetter: 'leads.events.dlq.v1',
  models: 'leads.models.v1',
  scoreChanged: 'leads.score-changed.v1',
  lifecycle: 'leads.lifecycle.v1',
  accountScoreChanged: 'leads.account-score-changed.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export interface TopicDeclaration {
  readonly name: TopicName;
  readonly partitions: number;
  /** Kafka topic-level configuration (cleanup.policy, retention.ms, ...). */
  readonly config: Readonly<Record<string, string>>;
  readonly purpose: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The declarative topic list; partition counts are the local-stack defaults (production overrides them). */
export const TOPIC_DECLARATIONS: readonly TopicDeclaration[] = [
  {
    name: Topics.events,
    partitions: 6,
    config: { 'cleanup.policy': 'delete', 'retention.ms': String(7 * DAY_MS) },
    purpose: 'validated, normalized engagement and profile events (CloudEvents), keyed workspace:contact',
  },
  {
    name: Topics.eventsDeadLetter,
    partitions: 1,
    config: { 'cleanup.policy': 'delete', 'retention.ms': String(30 * DAY_MS) },
    purpose: 'events that failed validation or scoring, with the reason in headers',
  },
  {
    name: Topics.models,
    partitions: 1,
    config: { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '0' },
    purpose: 'scoring model versions, keyed workspace:model; compacted so the latest version is kept',
  },
  {
    name: Topics.scoreChanged,
    partitions: 6,
    config: { 'cleanup.policy': 'delete', 'retention.ms': String(30 * DAY_MS) },
    purpose: 'one event per score change with its explanation, keyed workspace:contact',
  },
  {
    name: Topics.lifecycle,
    partitions: 6,
    config: { 'cleanup.policy': 'delete', 'retention.ms': String(30 * DAY_MS) },
    purpose:
      "tier and lifecycle-stage transitions (MQL, SQL), keyed workspace:contact; accounts' (MQA) keyed workspace:account:<id>",
  },
  {
    name: Topics.accountScoreChanged,
    partitions: 6,
    config: { 'cleanup.policy': 'delete', 'retention.ms': String(30 * DAY_MS) },
    purpose: 'one event per account score change with its explanation, keyed workspace:account:<id>',
  },
];

/** The message key that gives per-contact ordering: `workspace:contact`. */
export function contactKey(workspace: string, contact: string): string {
  return `${workspace}:${contact}`;
}

/** The message key of an account's changes: `workspace:account:<id>`. */
export function accountKey(workspace: string, account: string): string {
  return `${workspace}:${accountSubject(account)}`;
}

/** An account's subject in its events: `account:<id>`. */
export function accountSubject(account: string): string {
  return `account:${account}`;
}

/** Header names carried on Kafka messages. */
export const Headers = {
  contentType: 'content-type',
  eventType: 'ce_type',
  eventId: 'ce_id',
  deadLetterReason: 'leadscore-dlq-reason',
  deadLetterSourceTopic: 'leadscore-dlq-source-topic',
  deadLetterSourceOffset: 'leadscore-dlq-source-offset',
} as const;
