import { createHash } from 'node:crypto';
import type { RankKey } from '@leadscore/persistence';
import { fail } from '../http/problem-details.js';

/** What a cursor carries: where the walk is, which filters it is for, and when it began. */
export interface LeaderboardCursor {
  readonly after: RankKey;
  readonly filters: string;
  readonly walkStartedAt: string;
}

interface CursorDocument {
  v: 1;
  /** The unrounded total (JSON prints a float exactly: the shortest text that reads back the same). */
  t: number;
  c: string;
  f: string;
  w: string;
}

/** A short digest of the filters, so a cursor is not reused with other filters (its position would mean nothing). */
export const filtersDigest = (filters: unknown) =>
  createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 16);

export function encodeCursor(cursor: LeaderboardCursor): string {
  const document: CursorDocument = {
    v: 1,
    t: cursor.after.total,
    c: cursor.after.contactId,
    f: cursor.filters,
    w: cursor.walkStartedAt,
  };
  return Buffer.from(JSON.stringify(document)).toString('base64url');
}

const invalid = (why: string): never =>
  fail(
    'invalid-request',
    `?cursor ${why}: pass the nextCursor of the previous page unchanged, with the same filters, or leave it out to start from the top.`,
    [{ field: '?cursor', expected: 'the nextCursor of the previous page' }],
  );

export function decodeCursor(text: string, filters: string): LeaderboardCursor {
  let document: Partial<CursorDocument>;
  try {
    document = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<CursorDocument>;
  } catch {
    return invalid('is not a leaderboard cursor');
  }
  const { v, t, c, f, w } = document;
  if (
    v !== 1 ||
    typeof t !== 'number' ||
    typeof c !== 'string' ||
    typeof w !== 'string' ||
    Number.isNaN(Date.parse(w))
  )
    return invalid('is not a leaderboard cursor');
  if (f !== filters) return invalid('was made for other filters');
  return { after: { total: t, contactId: c }, filters: f, walkStartedAt: w };
}
