import { describe, expect, it } from '@jest/globals';
import { type FeatureMapping } from '@leadscore/contracts';
import { leadsFromContacts, type ArchivedLead } from './archived-leads.js';
import { seededRandom } from './evaluation.js';
import { learnFromLeads } from './learn.js';

const MAPPING: FeatureMapping = {
  outcome: { column: 'Converted', converted: ['1'], lost: ['0'] },
  features: [
    { column: 'Lead Source', kind: 'category', field: 'leadSource' },
    { column: 'TotalVisits', kind: 'count', event: 'web.page_viewed' },
    { column: 'Time On Site', kind: 'count', event: null },
    { column: 'Prospect ID', kind: 'ignore', reason: 'an identifier' },
  ],
};

const DAY = 86_400_000;

describe('contacts with outcomes recorded through the api, as leads', () => {
  it('labels each by its outcome and counts only the events before it', () => {
    const leads: ArchivedLead[] = [
      {
        contact: 'email:ann@example.com',
        profile: { leadSource: 'Referral' },
        events: [
          { type: 'web.page_viewed', time: 1 * DAY },
          { type: 'web.page_viewed', time: 2 * DAY },
          { type: 'outcome.won', time: 3 * DAY },
          // After the sale: a customer's visits would flatter any model.
          { type: 'web.page_viewed', time: 4 * DAY },
        ],
      },
      {
        contact: 'email:bob@example.com',
        profile: {},
        events: [
          { type: 'web.page_viewed', time: 1 * DAY },
          { type: 'outcome.lost', time: 2 * DAY },
        ],
      },
      {
        contact: 'email:cy@example.com',
        profile: { leadSource: 'Ad' },
        events: [{ type: 'web.page_viewed', time: DAY }],
      },
    ];
    const { table, mapping, unlabelled } = leadsFromContacts(leads, MAPPING);
    expect(unlabelled).toBe(1);
    expect(table.rows).toEqual([
      { '\u0000outcome': '1', 'Lead Source': 'Referral', TotalVisits: '2' },
      { '\u0000outcome': '0', 'Lead Source': '', TotalVisits: '1' },
    ]);
    // An unmapped count and ignored columns are not features of contacts.
    expect(mapping.features.map((f) => f.column)).toEqual(['Lead Source', 'TotalVisits']);
  });

  it('gets the same treatment as an export: the same pass learns from them', () => {
    const random = seededRandom(5);
    const leads: ArchivedLead[] = Array.from({ length: 1500 }, (_, i) => {
      const source = (['Referral', 'Ad', 'Google'] as const)[Math.floor(random() * 3)]!;
      const visits = Math.floor(random() * 6);
      const z = -2 + (source === 'Referral' ? 2 : 0) + 0.3 * visits;
      const won = random() < 1 / (1 + Math.exp(-z));
      return {
        contact: `email:c${i}@example.com`,
        profile: { leadSource: source },
        events: [
          ...Array.from({ length: visits }, (_, v) => ({ type: 'web.page_viewed', time: v * DAY })),
          { type: won ? 'outcome.won' : 'outcome.lost', time: 10 * DAY },
        ],
      };
    });
    const { table, mapping } = leadsFromContacts(leads, MAPPING);
    const report = learnFromLeads(table, mapping);
    const best = report.regression.points[0]?.column;
    expect(best).toMatchObject({ kind: 'category', value: 'Referral' });
    expect(report.evaluation.rocAuc).toBeGreaterThan(0.65);
  });
});
