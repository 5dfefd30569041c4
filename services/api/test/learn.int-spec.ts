import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { FeatureMapping, ModelLearnReport } from '@leadscore/contracts';
import {
  learnFromLeads,
  leadsFromContacts,
  modelFromLearning,
  parseLeadCsv,
  proposeMapping,
  seededRandom,
  type ArchivedLead,
} from '@leadscore/learning';
import { pastLeads, pollUntil, type PastLead } from '@leadscore/testing';
import { LEARN_BODY_LIMIT_BYTES } from '../src/http/http-limits.js';
import { learnReportOf } from '../src/usecases/learn-model.usecase.js';
import {
  OPERATOR,
  bearer,
  createKey,
  createWorkspace,
  expectProblem,
  json,
  startTestApi,
  type TestApi,
} from './api-test-app.js';
import { startTestArchive, type TestArchive } from './test-archive.js';

// POST /v1/models/learn against the built analytics service (its own ClickHouse archive and topics),
// with the api publishing outcomes onto the topic that archive reads: contacts identified and viewing
// pages in the archive, their outcomes recorded through POST /v1/contacts/{contact}/outcomes, learned
// from as libs/learning learns from the same leads; and a CSV sent as text.
jest.setTimeout(240_000);

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 20, 9);
const iso = (ms: number) => new Date(ms).toISOString();

const PEOPLE = pastLeads(72, 21, 'p');
const OUTCOME_AT = T0 + 20 * HOUR;

const archivedEvents = (person: PastLead) => [
  {
    id: `${person.contact}-identify`,
    source: '/v1/identify',
    type: 'contact.identified',
    time: iso(T0),
    subject: person.contact,
    data: { traits: { industry: person.industry } },
  },
  ...Array.from({ length: person.views }, (_, i) => ({
    id: `${person.contact}-view-${i}`,
    source: '/v1/events',
    type: 'web.page_viewed',
    time: iso(T0 + (i + 1) * HOUR),
    subject: person.contact,
    data: { url: 'https://example.com/pricing', path: '/pricing' },
  })),
];

const CONTACT_MAPPING: FeatureMapping = {
  outcome: { column: 'outcome', converted: ['won'], lost: ['lost'] },
  features: [
    { column: 'Industry', kind: 'category', field: 'industry' },
    { column: 'Page views', kind: 'count', event: 'web.page_viewed' },
  ],
};

/** The same people as libs/learning reads them, in contact-key order (the archive's). */
const expectedLeads: ArchivedLead[] = [...PEOPLE]
  .sort((a, b) => (a.contact < b.contact ? -1 : 1))
  .map((person) => ({
    contact: person.contact,
    profile: { industry: person.industry },
    events: [
      ...archivedEvents(person).map((e) => ({ type: e.type, time: Date.parse(e.time) })),
      ...(person.outcome ? [{ type: `outcome.${person.outcome}`, time: OUTCOME_AT }] : []),
    ],
  }));

function leadsCsv(): string {
  const random = seededRandom(11);
  const lines = ['Email,Lead Source,Visits,Converted'];
  for (let i = 0; i < 200; i += 1) {
    const source = ['Webinar', 'Ads', 'Referral', 'Select'][i % 4] ?? 'Ads';
    const visits = Math.floor(random() * 8);
    const chance = 0.15 + (source === 'Webinar' ? 0.3 : 0) + visits * 0.04;
    lines.push(`lead${i}@example.com,${source},${visits},${random() < chance ? 1 : 0}`);
  }
  return `${lines.join('\n')}\n`;
}
const CSV_MAPPING: FeatureMapping = {
  outcome: { column: 'Converted', converted: ['1'], lost: ['0'] },
  features: [
    { column: 'Email', kind: 'ignore', reason: 'an identifier' },
    { column: 'Lead Source', kind: 'category', field: 'leadSource', placeholders: ['Select'] },
    { column: 'Visits', kind: 'count', event: 'web.page_viewed' },
  ],
};

let archive: TestArchive;
let api: TestApi;
let adminKey: string;
let readKey: string;
let eventsKey: string;

const learn = (body: unknown, key = readKey) =>
  api.http.inject({
    method: 'POST',
    url: '/v1/models/learn',
    headers: { ...bearer(key), 'content-type': 'application/json' },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  archive = await startTestArchive();
  api = await startTestApi('api_learn', OPERATOR, {
    analyticsUrl: archive.url,
    eventsTopic: archive.topics.events,
  });
  adminKey = (await createWorkspace(api, 'learner')).adminKey.key;
  readKey = (await createKey(api, adminKey, { kind: 'secret', scopes: ['read'] })).key;
  eventsKey = (await createKey(api, adminKey, { kind: 'secret', scopes: ['events:write'] })).key;
  await archive.archive('learner', { events: PEOPLE.flatMap(archivedEvents) });
  for (const person of PEOPLE)
    if (person.outcome) {
      const recorded = await api.http.inject({
        method: 'POST',
        url: `/v1/contacts/${encodeURIComponent(person.contact)}/outcomes`,
        headers: { ...bearer(eventsKey), 'content-type': 'application/json' },
        payload: { type: person.outcome, occurredAt: iso(OUTCOME_AT) },
      });
      expect({ status: recorded.statusCode, body: recorded.body }).toMatchObject({ status: 202 });
    }
});

afterAll(async () => {
  await api?.close();
  await archive?.stop();
});

describe('POST /v1/models/learn', () => {
  it('learns from the archived contacts whose outcomes were recorded through the api', async () => {
    const labelled = PEOPLE.filter((p) => p.outcome).length;
    // The outcomes reach the archive through Kafka: learn again until every one is there.
    const { value: response } = await pollUntil(
      () =>
        learn({ source: 'contacts', mapping: CONTACT_MAPPING, model: { id: 'outcomes', name: 'Outcomes' } }),
      (r) => r.statusCode === 200 && (json(r) as unknown as ModelLearnReport).contacts?.labelled === labelled,
      { withinMs: 60_000, everyMs: 250, waitingFor: `${labelled} contacts with an outcome in the archive` },
    );
    const answer = json(response) as unknown as ModelLearnReport;
    const leads = leadsFromContacts(expectedLeads, CONTACT_MAPPING);
    const expected = learnFromLeads(leads.table, leads.mapping);
    expect(answer).toMatchObject({
      source: 'contacts',
      status: 'learned',
      contacts: {
        archived: PEOPLE.length,
        labelled,
        unlabelled: PEOPLE.length - labelled,
        truncated: false,
        archivedFrom: iso(T0),
      },
    });
    expect(answer.report?.evaluation).toEqual(learnReportOf(expected).evaluation);
    expect(answer.report).toEqual(learnReportOf(expected));
    expect(answer.model).toBe(modelFromLearning(expected, { id: 'outcomes', name: 'Outcomes' }));
  });

  it('learns from a CSV through its mapping, as learnFromLeads does', async () => {
    const csv = leadsCsv();
    const response = await learn({ source: 'csv', csv, mapping: CSV_MAPPING, options: { seed: 3 } });
    expect({ status: response.statusCode, body: response.body.slice(0, 300) }).toMatchObject({ status: 200 });
    const answer = json(response) as unknown as ModelLearnReport;
    const expected = learnFromLeads(parseLeadCsv(csv), CSV_MAPPING, { seed: 3 });
    expect(answer.status).toBe('learned');
    expect(answer.report?.evaluation).toEqual(learnReportOf(expected).evaluation);
    expect(answer.report).toEqual(learnReportOf(expected));
    expect(answer.model).toBe(
      modelFromLearning(expected, { id: 'learned', name: 'Learned from a CRM export' }),
    );
  });

  it('answers a CSV without a mapping with the proposal to review (200, no report)', async () => {
    const csv = leadsCsv();
    const response = await learn({ source: 'csv', csv });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({
      status: 'mapping-proposed',
      mapping: proposeMapping(parseLeadCsv(csv)),
      report: null,
      model: null,
    });
  });

  it('refuses a broken CSV naming its line (422), and a body that breaks the schema (400)', async () => {
    const broken = await learn({ source: 'csv', csv: 'A,Converted\n1,1\n2\n' });
    const problem = expectProblem(
      broken,
      422,
      /^The CSV cannot be read: CSV line 3: 1 cells, but the header has 2/,
    );
    expect(problem['errors']).toEqual([
      { field: 'csv: line 3', expected: expect.stringMatching(/^1 cells/) },
    ]);
    expectProblem(await learn({ source: 'csv' }), 400, /^csv: expected a value/);
    expectProblem(await learn({ source: 'contacts' }), 400, /^mapping: expected a value/);
    expectProblem(
      await learn({ source: 'contacts', csv: 'A\n1\n', mapping: CONTACT_MAPPING }),
      400,
      /^csv: expected no CSV with source contacts/,
    );
    expectProblem(
      await learn({ source: 'csv', csv: 'A\n1\n', mapping: { outcome: { column: 'A' }, features: [] } }),
      400,
      /^mapping\.outcome/,
    );
  });

  it('needs the read scope, and bounds the body', async () => {
    expectProblem(await learn({ source: 'csv', csv: leadsCsv() }, eventsKey), 403, /scope/);
    const big = JSON.stringify({ source: 'csv', csv: 'x'.repeat(LEARN_BODY_LIMIT_BYTES) });
    expectProblem(await learn(big), 413, new RegExp(`larger than ${LEARN_BODY_LIMIT_BYTES} bytes`));
  });
});
