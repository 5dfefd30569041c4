/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/contact-erased.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/** The JSON Schema of schemas/api/contact-erased.schema.json, for validators (no file I/O at runtime). */
export const contactErasedSchema: Readonly<Record<string, unknown>> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://schemas.leadscore.dev/api/contact-erased.schema.json",
  "title": "ContactErased",
  "description": "Answer of DELETE /v1/contacts/{contact}: the contact is erased from PostgreSQL, a tombstone keeps it erased, and the contact.erased event (its id the erasure's) tells every consumer; the archive deletes the contact's rows when the analytics service reaches that event.",
  "type": "object",
  "required": [
    "erasureId",
    "contact",
    "erasedAt",
    "erased",
    "archive"
  ],
  "additionalProperties": false,
  "properties": {
    "erasureId": {
      "type": "string",
      "description": "Names the erasure in the audit log and on the contact.erased event."
    },
    "contact": {
      "type": "string",
      "description": "The contact key erased, normalised."
    },
    "identities": {
      "type": "array",
      "items": {
        "type": "string"
      },
      "description": "The person's other keys, erased with it (each with its own contact.erased event and tombstone): the contact it was merged into, and every contact merged into that one. Absent when there are none."
    },
    "erasedAt": {
      "type": "string",
      "format": "date-time",
      "description": "The contact's events and changes dated at or before it are erased, even those still in flight; later activity of the same key (a new consent) starts a new contact."
    },
    "erased": {
      "type": "object",
      "description": "Rows removed from each PostgreSQL store (0 when there was nothing, as on a repeated erasure).",
      "required": [
        "scores",
        "ranks",
        "profiles",
        "lifecycleStates",
        "webhookDeliveries",
        "auditTargets",
        "aliases",
        "accountMemberships"
      ],
      "additionalProperties": false,
      "properties": {
        "scores": {
          "type": "integer",
          "minimum": 0
        },
        "ranks": {
          "type": "integer",
          "minimum": 0
        },
        "profiles": {
          "type": "integer",
          "minimum": 0
        },
        "lifecycleStates": {
          "type": "integer",
          "minimum": 0
        },
        "webhookDeliveries": {
          "type": "integer",
          "minimum": 0
        },
        "auditTargets": {
          "type": "integer",
          "minimum": 0,
          "description": "Audit rows that named the contact and now name the erasure's hash."
        },
        "aliases": {
          "type": "integer",
          "minimum": 0,
          "description": "Merges that named one of the person's keys (identity stitching), removed."
        },
        "accountMemberships": {
          "type": "integer",
          "minimum": 0,
          "description": "The contact's places in accounts' roll-ups (one per model), removed; their accounts' member count and engagement sum drop by the contact's share at once, their published scores at their next change."
        }
      }
    },
    "archive": {
      "type": "string",
      "enum": [
        "pending"
      ],
      "description": "The archive (ClickHouse) erases the contact when the analytics service consumes the contact.erased event."
    }
  }
};
