import { describe, expect, it } from '@jest/globals';
import type { FeatureMapping, ReplayContacts } from '@leadscore/contracts';
import {
  learnFromLeads,
  leadsFromContacts,
  modelFromLearning,
  parseLeadCsv,
  proposeMapping,
  seededRandom,
} from '@leadscore/learning';
import type { ApiContext } from '../app/api.context.js';
import { backtestContactOf } from '../archive/archived-people.js';
import type { Caller } from '../auth/caller.js';
import { ProblemError } from '../http/problem-details.js';
import { LearnModel, archivedLeadOf, learnReportOf } from './learn-model.usecase.js';

const caller = { workspaceId: 'acme' } as unknown as Caller;
const T0 = Date.UTC(2026, 2, 1, 9);
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** 200 leads: webinar leads convert more often, and so do leads with more visits. */
function leadsCsv(): string {
  const random = seededRandom(11);
  const sources = ['Webinar', 'Ads', 'Referral', 'Select'];
  const lines = ['Email,Lead Source,Visits,Converted'];
  for (let i = 0; i < 200; i += 1) {
    const source = sources[i % sources.length] ?? 'Ads';
    const visits = Math.floor(random() * 8);
    const chance = 0.15 + (source === 'Webinar' ? 0.3 : 0) + visits * 0.04;
    lines.push(`lead${i}@example.com,${source},${visits},${random() < chance ? 1 : 0}`);
  }
  return `${lines.join('\n')}\n`;
}

const MAPPING: FeatureMapping = {
  outcome: { column: 'Converted', converted: ['1'], lost: ['0'] },
  features: [
    { column: 'Email', kind: 'ignore', reason: 'an identifier' },
    { column: 'Lead Source', kind: 'category', field: 'leadSource', placeholders: ['Select'] },
    { column: 'Visits', kind: 'count', event: 'web.page_viewed' },
  ],
};

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return (error as ProblemError).problem;
}

/** A context whose archive answers `pages` in turn and whose database knows no merges. */
function contextWith(pages: ReplayContacts[], maxContacts = 20_000) {
  const asked: (string | undefined)[] = [];
  const context = {
    dataSource: { manager: { query: () => Promise.resolve([]) } },
    archive: {
      replayContacts: (_workspace: string, after: string | undefined) => {
        asked.push(after);
        const page = pages[asked.length - 1];
        return page ? Promise.resolve(page) : Promise.reject(new Error('asked past the last page'));
      },
      replayEvents: () => Promise.resolve([]),
    },
    backtestMaxContacts: maxContacts,
    now: () => new Date(T0 + 1000 * HOUR),
  } as unknown as ApiContext;
  return { context, asked };
}

const event = (contact: string, i: number, type: string, at: number, data: Record<string, unknown> = {}) => ({
  id: `${contact}-${i}`,
  source: type.startsWith('outcome.') ? 'leadscore/api' : '/v1/events',
  type,
  time: iso(at),
  data,
  partition: 0,
  offset: String(i),
});

/**
 * 120 archived contacts: an identify with their industry (then a later update of it for some), page
 * views, and a won or lost outcome — every 6th none yet. SaaS contacts and those with more views win more.
 */
function archivedContacts(): ReplayContacts['contacts'] {
  const random = seededRandom(5);
  return Array.from({ length: 120 }, (_, n) => {
    const contact = `email:c${String(n).padStart(3, '0')}@example.com`;
    const industry = n % 3 === 0 ? 'saas' : n % 3 === 1 ? 'retail' : 'finance';
    const events = [
      event(contact, 0, 'contact.identified', T0, { traits: { industry: 'unknown', plan: 'x' } }),
    ];
    events.push(event(contact, 1, 'contact.updated', T0 + HOUR, { traits: { industry } }));
    const views = Math.floor(random() * 6);
    for (let v = 0; v < views; v += 1)
      events.push(event(contact, 2 + v, 'web.page_viewed', T0 + (2 + v) * HOUR));
    if (n % 6 !== 5) {
      const won = random() < 0.2 + (industry === 'saas' ? 0.3 : 0) + views * 0.05;
      events.push(event(contact, 10, won ? 'outcome.won' : 'outcome.lost', T0 + 10 * HOUR));
      // Views after the outcome never count.
      events.push(event(contact, 11, 'web.page_viewed', T0 + 11 * HOUR));
    }
    return { contact, events };
  });
}

const CONTACT_MAPPING: FeatureMapping = {
  outcome: { column: 'outcome', converted: ['won'], lost: ['lost'] },
  features: [
    { column: 'Industry', kind: 'category', field: 'industry' },
    { column: 'Page views', kind: 'count', event: 'web.page_viewed' },
  ],
};

const page = (contacts: ReplayContacts['contacts'], next: string | null): ReplayContacts => ({
  contacts,
  next,
  archivedFrom: iso(T0),
  archivedThrough: {},
  archivedContacts: contacts.length,
});

describe('LearnModel, source csv', () => {
  it('learns through the mapping: the report and its evaluation are what learnFromLeads gives', async () => {
    const { context } = contextWith([]);
    const csv = leadsCsv();
    const options = { C: 0.5, seed: 3, testShare: 0.25 };
    const answer = await new LearnModel(context).execute(caller, {
      source: 'csv',
      csv,
      mapping: MAPPING,
      options,
      model: { id: 'from-crm', name: 'From the CRM' },
    });
    const expected = learnFromLeads(parseLeadCsv(csv), MAPPING, options);
    expect(answer.status).toBe('learned');
    expect(answer.report?.evaluation).toEqual(expected.evaluation);
    expect(answer.report).toEqual(learnReportOf(expected));
    expect(answer.report).toMatchObject({ leads: 200, trainLeads: 150, testLeads: 50 });
    expect(answer.report?.leftOut).toEqual([{ column: 'Email', reason: 'an identifier' }]);
    expect(answer.report?.leakage.classBalance).toEqual(expected.leakage.classBalance);
    expect(answer.model).toBe(modelFromLearning(expected, { id: 'from-crm', name: 'From the CRM' }));
    expect(answer.mapping).toEqual(MAPPING);
    expect(answer.contacts).toBeNull();
  });

  it('answers the proposed mapping, and learns nothing, for a CSV without one', async () => {
    const { context } = contextWith([]);
    const csv = leadsCsv();
    const answer = await new LearnModel(context).execute(caller, { source: 'csv', csv });
    expect(answer).toMatchObject({ source: 'csv', status: 'mapping-proposed', report: null, model: null });
    expect(answer.mapping).toEqual(proposeMapping(parseLeadCsv(csv)));
    expect(answer.detail).toMatch(/review the proposed mapping/);
  });

  it('refuses a CSV with a broken row with its line (422)', async () => {
    const { context } = contextWith([]);
    const csv = 'Email,Lead Source,Visits,Converted\na@example.com,Ads,3,1\nb@example.com,Ads,1\n';
    const problem = await problemOf(new LearnModel(context).execute(caller, { source: 'csv', csv }));
    expect(problem.status).toBe(422);
    expect(problem.detail).toBe(
      'The CSV cannot be read: CSV line 3: 3 cells, but the header has 4 columns (a missing or extra comma, or an unquoted comma inside a cell)',
    );
    expect(problem.errors?.[0]?.field).toBe('csv: line 3');
  });

  it('refuses an outcome the mapping does not name with its line and column (422)', async () => {
    const { context } = contextWith([]);
    const csv = leadsCsv().replace(/,1\n/, ',maybe\n');
    const problem = await problemOf(
      new LearnModel(context).execute(caller, { source: 'csv', csv, mapping: MAPPING }),
    );
    expect(problem.status).toBe(422);
    expect(problem.detail).toMatch(
      /^The CSV cannot be learned from: CSV line \d+, column "Converted": "maybe"/,
    );
    expect(problem.errors?.[0]?.field).toMatch(/^csv: line \d+, column "Converted"$/);
  });

  it('refuses a count that is not a number with its line and column (422)', async () => {
    const { context } = contextWith([]);
    const csv = leadsCsv()
      .replace('lead4@example.com,Webinar,', 'lead4@example.com,Webinar,lots,')
      .replace(/lots,\d+,/, 'lots,');
    const problem = await problemOf(
      new LearnModel(context).execute(caller, { source: 'csv', csv, mapping: MAPPING }),
    );
    expect(problem.status).toBe(422);
    expect(problem.detail).toBe(
      'The CSV cannot be learned from: CSV line 6, column "Visits": "lots" is not a count (a number of 0 or more)',
    );
    expect(problem.errors?.[0]?.field).toBe('csv: line 6, column "Visits"');
  });

  it('refuses a mapping that maps a column twice with the library’s words (422)', async () => {
    const { context } = contextWith([]);
    const twice: FeatureMapping = {
      ...MAPPING,
      features: [...MAPPING.features, { column: 'Visits', kind: 'count', event: null }],
    };
    const problem = await problemOf(
      new LearnModel(context).execute(caller, { source: 'csv', csv: leadsCsv(), mapping: twice }),
    );
    expect(problem).toMatchObject({
      status: 422,
      detail: 'The mapping cannot be used: mapping: the column "Visits" is mapped twice',
    });
  });
});

describe('LearnModel, source contacts', () => {
  it('walks every page of the archive and learns from the contacts with an outcome, as leadsFromContacts reads them', async () => {
    const all = archivedContacts();
    const { context, asked } = contextWith([
      page(all.slice(0, 50), all[49]!.contact),
      page(all.slice(50), null),
    ]);
    const answer = await new LearnModel(context).execute(caller, {
      source: 'contacts',
      mapping: CONTACT_MAPPING,
    });
    expect(asked).toEqual([undefined, all[49]!.contact]);
    const leads = leadsFromContacts(all.map(backtestContactOf).map(archivedLeadOf), CONTACT_MAPPING);
    const expected = learnFromLeads(leads.table, leads.mapping);
    expect(answer.status).toBe('learned');
    expect(answer.contacts).toEqual({
      archived: 120,
      labelled: 100,
      unlabelled: 20,
      truncated: false,
      archivedFrom: iso(T0),
    });
    expect(answer.report).toEqual(learnReportOf(expected));
    expect(answer.report?.evaluation).toEqual(expected.evaluation);
    expect(answer.mapping).toEqual(CONTACT_MAPPING);
    expect(answer.model).toBe(
      modelFromLearning(expected, { id: 'learned', name: 'Learned from recorded outcomes' }),
    );
  });

  it('keeps the traits each identify or update set, for the profile as it stood before the outcome', () => {
    const [first] = archivedContacts();
    const lead = archivedLeadOf(backtestContactOf(first!));
    expect(lead.events.slice(0, 3)).toEqual([
      { type: 'contact.identified', time: T0, traits: { industry: 'unknown', plan: 'x' } },
      { type: 'contact.updated', time: T0 + HOUR, traits: { industry: 'saas' } },
      { type: 'web.page_viewed', time: T0 + 2 * HOUR },
    ]);
    const { table } = leadsFromContacts([lead], CONTACT_MAPPING);
    expect(table.rows[0]?.['Industry']).toBe('saas');
  });

  it('says so when no contact has an outcome yet (422)', async () => {
    const unlabelled = archivedContacts().filter((_, n) => n % 6 === 5);
    const { context } = contextWith([page(unlabelled, null)]);
    const problem = await problemOf(
      new LearnModel(context).execute(caller, { source: 'contacts', mapping: CONTACT_MAPPING }),
    );
    expect(problem.status).toBe(422);
    expect(problem.detail).toMatch(/^No archived contact of this workspace has an outcome yet \(20 read/);
  });

  it('needs a mapping (400)', async () => {
    const { context } = contextWith([]);
    const problem = await problemOf(new LearnModel(context).execute(caller, { source: 'contacts' }));
    expect(problem.status).toBe(400);
  });
});
