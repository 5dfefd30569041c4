import { type FeatureMapping } from '@leadscore/contracts';
import { fieldAt } from '@leadscore/scoring';
import { beforeConversion } from './leakage.js';
import { type LeadTable } from './lead-table.js';

/** A contact as the archive knows it: its profile and its events with their times (epoch ms). */
export interface ArchivedLead {
  readonly contact: string;
  readonly profile: Readonly<Record<string, unknown>>;
  readonly events: readonly { readonly type: string; readonly time: number }[];
}

const CONVERTED = new Set(['outcome.won', 'outcome.converted']);
const LOST = new Set(['outcome.lost']);
/** The outcome column of the table built from contacts (no export column can be named so). */
const OUTCOME_COLUMN = '\u0000outcome';

/**
 * Contacts with an outcome recorded through the api, as a lead table the same pass learns from: the
 * first won/converted (or, never converted, the first lost) outcome labels the contact; a category is
 * read from the profile field the mapping names (a dot path, as the live scorer reads it); a count is the number of the mapped event's events
 * strictly before that outcome (events after it never count). Contacts without an outcome are left out
 * (nothing to learn from yet), as are counts whose event is not mapped.
 */
export function leadsFromContacts(
  contacts: readonly ArchivedLead[],
  mapping: FeatureMapping,
): { readonly table: LeadTable; readonly mapping: FeatureMapping; readonly unlabelled: number } {
  const sources = mapping.features.filter(
    (f): f is Exclude<FeatureMapping['features'][number], { kind: 'ignore' }> =>
      f.kind === 'category' || (f.kind === 'count' && f.event !== null),
  );
  const rows: Record<string, string>[] = [];
  let unlabelled = 0;
  for (const lead of contacts) {
    const outcomes = [...lead.events].sort((a, b) => a.time - b.time);
    const converted = outcomes.find((e) => CONVERTED.has(e.type));
    const outcome = converted ?? outcomes.find((e) => LOST.has(e.type));
    if (!outcome) {
      unlabelled += 1;
      continue;
    }
    const before = beforeConversion(lead.events, outcome.time);
    const row: Record<string, string> = { [OUTCOME_COLUMN]: converted ? '1' : '0' };
    for (const source of sources) {
      if (source.kind === 'category') {
        const value = fieldAt(lead.profile, source.field);
        row[source.column] =
          typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : '';
      } else row[source.column] = String(before.filter((e) => e.type === source.event).length);
    }
    rows.push(row);
  }
  const columns = [OUTCOME_COLUMN, ...sources.map((s) => s.column)];
  return {
    table: { columns, rows, lines: rows.map((_, i) => i + 2) },
    mapping: { outcome: { column: OUTCOME_COLUMN, converted: ['1'], lost: ['0'] }, features: sources },
    unlabelled,
  };
}
