/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/ingest/ingest-receipt.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/ingest/ingest-receipt.schema.json, for validators (no file I/O at runtime). */
export const ingestReceiptSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/ingest/ingest-receipt.schema.json",
  "title": "IngestReceipt",
  "description": "Ingest's 202 answer (POST /v1/events, /v1/batch, provider webhooks): counts, and one result per input in input order. Accepted events are on Kafka when it is sent.",
  "type": "object",
  "required": [
    "accepted",
    "duplicates",
    "rejected",
    "ignored",
    "results"
  ],
  "additionalProperties": false,
  "properties": {
    "accepted": {
      "type": "integer",
      "minimum": 0
    },
    "duplicates": {
      "type": "integer",
      "minimum": 0
    },
    "rejected": {
      "type": "integer",
      "minimum": 0
    },
    "ignored": {
      "type": "integer",
      "minimum": 0,
      "description": "Provider events that map to no lead event on purpose; 0 outside provider webhooks."
    },
    "results": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/ReceiptResult"
      }
    }
  },
  "definitions": {
    "ReceiptResult": {
      "oneOf": [
        {
          "$ref": "#/definitions/AcceptedResult"
        },
        {
          "$ref": "#/definitions/DuplicateResult"
        },
        {
          "$ref": "#/definitions/RejectedResult"
        },
        {
          "$ref": "#/definitions/IgnoredResult"
        }
      ]
    },
    "AcceptedResult": {
      "type": "object",
      "required": [
        "index",
        "id",
        "status"
      ],
      "additionalProperties": false,
      "properties": {
        "index": {
          "type": "integer",
          "minimum": 0
        },
        "id": {
          "type": "string"
        },
        "idDerived": {
          "const": true,
          "description": "Ingest derived the id (a Segment call without messageId)."
        },
        "status": {
          "const": "accepted"
        }
      }
    },
    "DuplicateResult": {
      "type": "object",
      "required": [
        "index",
        "id",
        "status",
        "duplicateOf"
      ],
      "additionalProperties": false,
      "properties": {
        "index": {
          "type": "integer",
          "minimum": 0
        },
        "id": {
          "type": "string"
        },
        "idDerived": {
          "const": true
        },
        "status": {
          "const": "duplicate"
        },
        "duplicateOf": {
          "type": "integer",
          "minimum": 0,
          "description": "The index of the input with the same source and id earlier in the request; produced once."
        }
      }
    },
    "RejectedResult": {
      "type": "object",
      "required": [
        "index",
        "status",
        "reason",
        "errors"
      ],
      "additionalProperties": false,
      "properties": {
        "index": {
          "type": "integer",
          "minimum": 0
        },
        "id": {
          "type": "string"
        },
        "idDerived": {
          "const": true
        },
        "status": {
          "const": "rejected"
        },
        "reason": {
          "enum": [
            "invalid",
            "too_large",
            "forbidden"
          ]
        },
        "errors": {
          "type": "array",
          "description": "Each offending field of the event and what it expects.",
          "items": {
            "$ref": "../api/problem.schema.json#/properties/errors/items"
          }
        }
      }
    },
    "IgnoredResult": {
      "type": "object",
      "required": [
        "index",
        "status",
        "kind",
        "reason"
      ],
      "additionalProperties": false,
      "properties": {
        "index": {
          "type": "integer",
          "minimum": 0
        },
        "id": {
          "type": "string"
        },
        "status": {
          "const": "ignored"
        },
        "kind": {
          "type": "string",
          "description": "The provider's own name of the event kind."
        },
        "reason": {
          "type": "string"
        }
      }
    }
  }
};
