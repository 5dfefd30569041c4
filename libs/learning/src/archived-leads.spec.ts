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
    const empty = { 'Time On Site': '', 'Prospect ID': '' };
    expect(table.rows).toEqual([
      { '\u0000outcome': '1', 'Lead Source': 'Referral', TotalVisits: '2', ...empty },
      { '\u0000outcome': '0', 'Lead Source': '', TotalVisits: '1', ...empty },
    ]);
    // An unmapped count is no feature of contacts: ignored, with why, as the mapping's ignored columns.
    expect(mapping.features.map((f) => [f.column, f.kind])).toEqual([
      ['Lead Source', 'category'],
      ['TotalVisits', 'count'],
      ['Time On Site', 'ignore'],
      ['Prospect ID', 'ignore'],
    ]);
  });

  it('reads the profile as it stood before the outcome: traits set afterwards never count', () => {
    const { table } = leadsFromContacts(
      [
        {
          contact: 'email:dee@example.com',
          events: [
            { type: 'contact.identified', time: 1 * DAY, traits: { leadSource: 'Webinar' } },
            { type: 'outcome.won', time: 2 * DAY },
            // Sales corrects the source after the sale: that would leak the outcome into the profile.
            { type: 'contact.updated', time: 3 * DAY, traits: { leadSource: 'Referral' } },
          ],
        },
        {
          contact: 'email:eve@example.com',
          profile: { lead: { source: 'Ad' } },
          events: [{ type: 'outcome.lost', time: 2 * DAY }],
        },
      ],
      { ...MAPPING, features: [{ column: 'Lead Source', kind: 'category', field: 'leadSource' }] },
    );
    expect(table.rows.map((r) => r['Lead Source'])).toEqual(['Webinar', '']);
    const nested = leadsFromContacts(
      [
        {
          contact: 'email:eve@example.com',
          profile: { lead: { source: 'Ad' } },
          events: [{ type: 'outcome.lost', time: DAY }],
        },
      ],
      { ...MAPPING, features: [{ column: 'Source', kind: 'category', field: 'lead.source' }] },
    );
    expect(nested.table.rows[0]?.['Source']).toBe('Ad');
  });

  it('reports the ignored and unmapped columns as left out when learning', () => {
    const random = seededRandom(9);
    const leads: ArchivedLead[] = Array.from({ length: 200 }, (_, i) => ({
      contact: `email:l${i}@example.com`,
      profile: { leadSource: random() < 0.5 ? 'Ad' : 'Referral' },
      events: [{ type: random() < 0.3 ? 'outcome.won' : 'outcome.lost', time: DAY }],
    }));
    const { table, mapping } = leadsFromContacts(leads, MAPPING);
    expect(learnFromLeads(table, mapping).leftOut.map((l) => l.column)).toEqual(
      expect.arrayContaining(['Time On Site', 'Prospect ID']),
    );
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
