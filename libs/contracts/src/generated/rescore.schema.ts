/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/rescore.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/rescore.schema.json, for validators (no file I/O at runtime). */
export const rescoreSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/rescore.schema.json",
  "title": "Rescore",
  "description": "A rescore of a model version: every archived contact of the workspace replayed under it into shadow state while live traffic flows, each contact switched atomically (the archive's Kafka positions say which events the shadow holds), score changes (cause `rescore`) only for contacts whose scores, tier or stage moved, their transitions paced. A dry run counts and switches nothing.",
  "type": "object",
  "required": [
    "id",
    "workspace",
    "model",
    "dryRun",
    "reason",
    "status",
    "transitionsPerSecond",
    "progress",
    "counts",
    "history",
    "error",
    "createdAt",
    "startedAt",
    "updatedAt",
    "finishedAt"
  ],
  "additionalProperties": false,
  "properties": {
    "id": {
      "type": "string",
      "format": "uuid"
    },
    "workspace": {
      "type": "string"
    },
    "model": {
      "type": "object",
      "required": [
        "id",
        "version"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "type": "string"
        },
        "version": {
          "type": "integer",
          "minimum": 1,
          "description": "The version the contacts are rescored under."
        }
      }
    },
    "dryRun": {
      "type": "boolean",
      "description": "Only count what the rescore would change, publish and send; no state is switched."
    },
    "reason": {
      "type": "string",
      "enum": [
        "requested",
        "first-apply"
      ],
      "description": "Asked for through the api or CLI, or started by the scorer when a model is applied for the first time (its engagement history replayed)."
    },
    "status": {
      "type": "string",
      "enum": [
        "queued",
        "running",
        "cancelled",
        "done",
        "failed",
        "superseded"
      ],
      "description": "queued: waiting for a scorer; running; cancelled (resume continues where it stopped); done; failed (`error` says why; resume retries); superseded: a newer version of the model was applied before it finished (rescore that one)."
    },
    "transitionsPerSecond": {
      "type": "number",
      "exclusiveMinimum": 0,
      "description": "At most this many tier and stage transitions per second go out (a burst of one switch at most), so a model edit cannot flood a CRM."
    },
    "progress": {
      "type": "object",
      "required": [
        "contacts",
        "total",
        "ratio",
        "cursor"
      ],
      "additionalProperties": false,
      "properties": {
        "contacts": {
          "type": "integer",
          "minimum": 0,
          "description": "Contacts rescored (or counted) so far."
        },
        "total": {
          "type": [
            "integer",
            "null"
          ],
          "minimum": 0,
          "description": "Contacts the archive held when the rescore started (null until it started)."
        },
        "ratio": {
          "type": "number",
          "minimum": 0,
          "maximum": 1,
          "description": "contacts / total (1 when done)."
        },
        "cursor": {
          "type": [
            "string",
            "null"
          ],
          "description": "The last contact key done: a resumed rescore goes on after it."
        }
      }
    },
    "counts": {
      "type": "object",
      "required": [
        "replayedEvents",
        "changedContacts",
        "unchangedContacts",
        "skippedContacts",
        "scoreChanges",
        "tierTransitions",
        "stageTransitions",
        "webhooks"
      ],
      "additionalProperties": false,
      "properties": {
        "replayedEvents": {
          "type": "integer",
          "minimum": 0
        },
        "changedContacts": {
          "type": "integer",
          "minimum": 0,
          "description": "Contacts whose scores, tier or grade moved (each publishes one change, cause `rescore`)."
        },
        "unchangedContacts": {
          "type": "integer",
          "minimum": 0
        },
        "skippedContacts": {
          "type": "integer",
          "minimum": 0,
          "description": "Erased contacts and contacts merged into another (their events count under the survivor)."
        },
        "scoreChanges": {
          "type": "integer",
          "minimum": 0,
          "description": "Score-changed events with cause `rescore`."
        },
        "tierTransitions": {
          "type": "integer",
          "minimum": 0
        },
        "stageTransitions": {
          "type": "integer",
          "minimum": 0,
          "description": "Lifecycle stage transitions (MQL, SQL, recycled) the changes cause, judged from each contact's current lifecycle."
        },
        "webhooks": {
          "type": "integer",
          "minimum": 0,
          "description": "Webhook deliveries those transitions and score changes cause under the workspace's enabled subscriptions."
        }
      }
    },
    "history": {
      "type": "object",
      "required": [
        "from",
        "until"
      ],
      "additionalProperties": false,
      "description": "The period of history replayed: the archive's oldest event (its retention bounds a rescore) to the last replay.",
      "properties": {
        "from": {
          "type": [
            "string",
            "null"
          ],
          "format": "date-time"
        },
        "until": {
          "type": [
            "string",
            "null"
          ],
          "format": "date-time"
        }
      }
    },
    "error": {
      "type": [
        "string",
        "null"
      ]
    },
    "createdAt": {
      "type": "string",
      "format": "date-time"
    },
    "startedAt": {
      "type": [
        "string",
        "null"
      ],
      "format": "date-time"
    },
    "updatedAt": {
      "type": "string",
      "format": "date-time"
    },
    "finishedAt": {
      "type": [
        "string",
        "null"
      ],
      "format": "date-time"
    }
  }
};
