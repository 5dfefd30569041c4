/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/pipeline-health.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/pipeline-health.schema.json, for validators (no file I/O at runtime). */
export const pipelineHealthSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/pipeline-health.schema.json",
  "title": "PipelineHealth",
  "description": "Answer of GET /v1/pipeline/health: the pipeline services' Prometheus metrics (PIPELINE_METRICS_URLS), scraped together by the api at `at`, for every workspace at once. Totals are summed over the services that answered, since each process started. Rates (per second, to four decimals) are counter deltas since the api's previous scrape, which it keeps in memory: null on its first scrape, when no service counting the quantity answered both times, or when a counter went down in between (a restart).",
  "type": "object",
  "required": [
    "at",
    "services",
    "eventsInPerSecond",
    "scoresChangedPerSecond",
    "consumerLag",
    "deadLetters",
    "webhooks",
    "decayRuns"
  ],
  "additionalProperties": false,
  "properties": {
    "at": {
      "type": "string",
      "format": "date-time",
      "description": "When the services were scraped."
    },
    "services": {
      "type": "array",
      "description": "Every scraped service, in the order PIPELINE_METRICS_URLS names them.",
      "items": {
        "title": "PipelineService",
        "type": "object",
        "required": [
          "name",
          "up"
        ],
        "additionalProperties": false,
        "properties": {
          "name": {
            "type": "string",
            "description": "Its name in PIPELINE_METRICS_URLS, e.g. ingest."
          },
          "up": {
            "type": "boolean",
            "description": "Its /metrics answered 200 within 1.5 s; when false, none of its numbers is counted."
          }
        }
      }
    },
    "eventsInPerSecond": {
      "type": [
        "number",
        "null"
      ],
      "minimum": 0,
      "description": "Events ingest accepted and Kafka acknowledged: leadscore_ingest_received_events_total{result=\"accepted\"}, every source."
    },
    "scoresChangedPerSecond": {
      "type": [
        "number",
        "null"
      ],
      "minimum": 0,
      "description": "Score-changed events the scorer emitted (written to its outbox, then published): leadscore_scorer_score_changed_events_total, every cause. Decay's own changes (leadscore_decay_score_changed_events_total) are not counted."
    },
    "consumerLag": {
      "type": "array",
      "description": "Per Kafka consumer group, the messages behind the end of its partitions after each partition's last handled batch (leadscore_kafka_consumer_lag_messages, the largest any service reports per topic and partition, summed over them), by group name. A group appears once it has handled a batch; a stalled consumer keeps its last value.",
      "items": {
        "title": "ConsumerGroupLag",
        "type": "object",
        "required": [
          "group",
          "lag"
        ],
        "additionalProperties": false,
        "properties": {
          "group": {
            "type": "string"
          },
          "lag": {
            "type": "integer",
            "minimum": 0
          }
        }
      }
    },
    "deadLetters": {
      "type": "object",
      "description": "Events the pipeline dead-lettered: ingest's and the scorer's copies on leads.events.dlq.v1 (leadscore_ingest_dead_lettered_events_total, leadscore_scorer_dead_lettered_events_total) and the invalid score-changed events threshold skipped (leadscore_threshold_consumed_events_total{result=\"dead_lettered\"}).",
      "required": [
        "total",
        "perSecond"
      ],
      "additionalProperties": false,
      "properties": {
        "total": {
          "type": "integer",
          "minimum": 0
        },
        "perSecond": {
          "type": [
            "number",
            "null"
          ],
          "minimum": 0
        }
      }
    },
    "webhooks": {
      "type": "object",
      "description": "CRM webhook delivery attempts by threshold (leadscore_threshold_webhook_deliveries_total): delivered, and failed (result retrying or dead_lettered).",
      "required": [
        "delivered",
        "failed",
        "successRatio"
      ],
      "additionalProperties": false,
      "properties": {
        "delivered": {
          "type": "integer",
          "minimum": 0
        },
        "failed": {
          "type": "integer",
          "minimum": 0
        },
        "successRatio": {
          "type": [
            "number",
            "null"
          ],
          "minimum": 0,
          "maximum": 1,
          "description": "delivered / (delivered + failed), to four decimals; null without any attempt."
        }
      }
    },
    "decayRuns": {
      "type": "object",
      "description": "Decay passes of one model each.",
      "required": [
        "total",
        "lastAt"
      ],
      "additionalProperties": false,
      "properties": {
        "total": {
          "type": "integer",
          "minimum": 0,
          "description": "Passes completed, scheduled or asked for (leadscore_decay_run_duration_seconds_count{result=\"completed\"})."
        },
        "lastAt": {
          "type": [
            "string",
            "null"
          ],
          "format": "date-time",
          "description": "When the decay leader last completed a check of every model, running the passes that were due (leadscore_decay_last_successful_run_timestamp_seconds); null before the first or when only standbys answered."
        }
      }
    }
  }
};
