import { type FeatureMapping } from '@leadscore/contracts';
import { fieldAt, profileAfter, type ContactProfile } from '@leadscore/scoring';
import { beforeConversion } from './leakage.js';
import { type LeadTable } from './lead-table.js';

/**
 * A contact as the archive knows it: its events with their times (epoch ms) and, for profile changes
 * (identify/update), the traits they set — `profileChangeOf` of `@leadscore/scoring` — over `profile`,
 * what was known before them.
 */
export interface ArchivedLead {
  readonly contact: string;
  readonly profile?: ContactProfile;
  readonly events: readonly {
    readonly type: string;
    readonly time: number;
    readonly traits?: ContactProfile;
  }[];
}

const CONVERTED = new Set(['outcome.won', 'outcome.converted']);
const LOST = new Set(['outcome.lost']);
/** The outcome column of the table built from contacts (no export column can be named so). */
const OUTCOME_COLUMN = '\u0000outcome';

/**
 * Contacts with an outcome recorded through the api, as a lead table the same pass learns from: the
 * first won/converted (or, never converted, the first lost) outcome labels the contact; what happened
 * strictly before it is all that counts (a sale's aftermath would flatter any model): a category is read
 * from the profile as its traits stood then (the mapped field, a dot path as the live scorer reads it), a
 * count is the number of the mapped event's events then. Contacts without an outcome are left out
 * (nothing to learn from yet); ignored columns and counts whose event is not mapped stay in the mapping
 * as ignored, so the report says they were left out and why.
 */
export function leadsFromContacts(
  contacts: readonly ArchivedLead[],
  mapping: FeatureMapping,
): { readonly table: LeadTable; readonly mapping: FeatureMapping; readonly unlabelled: number } {
  const features = mapping.features.map((f) =>
    f.kind === 'count' && f.event === null
      ? {
          column: f.column,
          kind: 'ignore' as const,
          reason: 'a count whose event is not mapped: contacts have no such count (map it to an event type)',
        }
      : f,
  );
  const sources = features.filter((f) => f.kind !== 'ignore');
  const ignored = features.filter((f) => f.kind === 'ignore');
  const rows: Record<string, string>[] = [];
  let unlabelled = 0;
  for (const lead of contacts) {
    const inOrder = [...lead.events].sort((a, b) => a.time - b.time);
    const converted = inOrder.find((e) => CONVERTED.has(e.type));
    const outcome = converted ?? inOrder.find((e) => LOST.has(e.type));
    if (!outcome) {
      unlabelled += 1;
      continue;
    }
    const before = beforeConversion(inOrder, outcome.time);
    let profile: ContactProfile = lead.profile ?? {};
    for (const event of before) if (event.traits) profile = profileAfter(profile, event.traits);
    const row: Record<string, string> = { [OUTCOME_COLUMN]: converted ? '1' : '0' };
    for (const source of sources) {
      if (source.kind === 'category') {
        const value = fieldAt(profile, source.field);
        row[source.column] =
          typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : '';
      } else row[source.column] = String(before.filter((e) => e.type === source.event).length);
    }
    for (const column of ignored) row[column.column] = '';
    rows.push(row);
  }
  const columns = [OUTCOME_COLUMN, ...features.map((f) => f.column)];
  return {
    table: { columns, rows, lines: rows.map((_, i) => i + 2) },
    mapping: { outcome: { column: OUTCOME_COLUMN, converted: ['1'], lost: ['0'] }, features },
    unlabelled,
  };
}
