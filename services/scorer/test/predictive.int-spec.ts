import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parseModel, type CanonicalEvent, type FeatureMapping } from '@leadscore/contracts';
import { type KafkaClient } from '@leadscore/kafka';
import {
  designOf,
  learnFromLeads,
  modelFromLearning,
  parseLeadCsv,
  predictProbability,
  seededRandom,
} from '@leadscore/learning';
import { openDatabase, type DataSource } from '@leadscore/persistence';
import { createTestDatabase, uniqueName, type TestDatabase } from '@leadscore/testing';
import { type ScorerTopics } from '../src/scoring/scoring-batch.handler.js';
import {
  createScorerTopics,
  publishModel,
  readScoreChanges,
  scoreEvents,
  testKafka,
} from './scorer-harness.js';

// #30: a model learned from a CRM export scores live contacts through the scorer with the probability
// the fit predicts for the same features (the model's `predictive` section, applied in real time).
jest.setTimeout(300_000);

let database: TestDatabase;
let dataSource: DataSource;
let kafka: KafkaClient;
let topics: ScorerTopics;
const workspace = uniqueName('ws');

/** Past leads whose true effects are known: industry and webinars raise conversion, page views too. */
function crmExport(leads: number): string {
  const random = seededRandom(30);
  const lines = ['Industry,Company Size,Page Views,Webinars,Won'];
  for (let i = 0; i < leads; i += 1) {
    const industry = (['SaaS', 'Retail', 'Finance', 'Select'] as const)[Math.floor(random() * 4)]!;
    const size = (['1-10', '11-200', '200+'] as const)[Math.floor(random() * 3)]!;
    const views = Math.floor(random() * 12);
    const webinars = Math.floor(random() * 3);
    const z =
      -2.5 + (industry === 'SaaS' ? 1.4 : 0) + (size === '200+' ? 0.6 : 0) + 0.15 * views + 0.7 * webinars;
    lines.push(
      `${industry},${size},${views},${webinars},${random() < 1 / (1 + Math.exp(-z)) ? 'won' : 'lost'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const MAPPING: FeatureMapping = {
  outcome: { column: 'Won', converted: ['won'], lost: ['lost'] },
  features: [
    { column: 'Industry', kind: 'category', field: 'industry', placeholders: ['Select'] },
    { column: 'Company Size', kind: 'category', field: 'company.size' },
    { column: 'Page Views', kind: 'count', event: 'web.page_viewed' },
    { column: 'Webinars', kind: 'count', event: 'webinar.attended' },
  ],
};

beforeAll(async () => {
  database = await createTestDatabase('scorer-predictive');
  dataSource = await openDatabase({ url: database.url });
  kafka = testKafka('scorer-predictive');
  topics = await createScorerTopics(kafka, 2);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('a model learned from past leads, live (real Kafka and PostgreSQL)', () => {
  it('gives a live contact the probability the fit predicts for the same features, with its contributions', async () => {
    const report = learnFromLeads(parseLeadCsv(crmExport(3000)), MAPPING);
    const model = parseModel(
      modelFromLearning(report, { id: 'learned', name: 'Learned' }),
      'yaml',
      'learned.yaml',
      { workspace },
    );
    expect(model.predictive?.features.length).toBeGreaterThan(3);
    await publishModel(kafka, topics.models, model);

    // Two contacts (traits flattened, as ingest's Segment mapping writes them): a large SaaS company's lead with 5 page views and 2 webinars, and one who never
    // answered the industry question and viewed 1 page.
    let serial = 0;
    const at = Date.UTC(2026, 10, 2, 9);
    const event = (subject: string, type: string, data: Record<string, unknown>): CanonicalEvent => {
      serial += 1;
      return {
        specversion: '1.0',
        id: `p-${serial}`,
        source: '/test',
        type,
        time: new Date(at + serial * 60_000).toISOString(),
        subject,
        workspace,
        data,
      } as CanonicalEvent;
    };
    const leads = [
      {
        subject: 'email:ada@example.com',
        traits: { industry: 'SaaS', 'company.size': '200+' },
        views: 5,
        webinars: 2,
      },
      {
        subject: 'email:bob@example.com',
        traits: { industry: 'Select', 'company.size': '1-10' },
        views: 1,
        webinars: 0,
      },
    ];
    const events = leads.flatMap((lead) => [
      event(lead.subject, 'contact.identified', { identities: {}, traits: lead.traits }),
      ...Array.from({ length: lead.views }, (_, i) =>
        event(lead.subject, 'web.page_viewed', { url: `https://x.io/p${i}`, path: `/p${i}` }),
      ),
      ...Array.from({ length: lead.webinars }, () =>
        event(lead.subject, 'webinar.attended', { webinar_id: 'w1' }),
      ),
    ]);

    await scoreEvents(kafka, dataSource, topics, events);
    const changes = await readScoreChanges(kafka, topics.scoreChanged, 2, 30_000);
    const columns = report.regression.points.map((p) => p.column);
    const fit = {
      intercept: report.regression.intercept,
      coefficients: report.regression.points.map((p) => p.coefficient),
    };
    for (const lead of leads) {
      const mine = changes.filter((c) => c.subject === lead.subject);
      const last = mine.reduce((a, b) => (b.data.sequence > a.data.sequence ? b : a));
      const [row] = designOf(
        [
          {
            Industry: lead.traits.industry,
            'Company Size': lead.traits['company.size'],
            'Page Views': String(lead.views),
            Webinars: String(lead.webinars),
          },
        ],
        columns,
      ).matrix;
      const expected = Math.round(100 * predictProbability(fit, row ?? []) * 100) / 100;
      expect(last.data.current.probability).toBe(expected);
      expect(last.data.predictiveContributions?.length).toBeGreaterThan(0);
    }
    const ada = changes.filter((c) => c.subject === leads[0]!.subject).pop()!;
    expect(ada.data.predictiveContributions?.find((c) => c.feature === 'industry-saas')).toMatchObject({
      input: 1,
    });
    expect(ada.data.predictiveContributions?.find((c) => c.feature === 'webinars')).toMatchObject({
      input: 2,
    });
  });
});
