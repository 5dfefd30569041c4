/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/dead-letter-summary.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * A workspace's rejected input received in [from, to), by reason and by where it was rejected: `ingest`, the scorer's events topic, or the archive itself (`archive`).
 */
export interface DeadLetterSummary {
  from: string;
  to: string;
  reasons: {
    /**
     * e.g. invalid, too_large, not JSON, archive.
     */
    reason: string;
    rejectedBy: string;
    records: number;
    latest: string;
    /**
     * The latest one's detail: the field and what it expects.
     */
    example: string;
  }[];
}
