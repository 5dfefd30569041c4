import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { FeatureMapping, ModelLearnReport } from '@leadscore/contracts';
import { createBatchingProducer, createKafkaClient, silentLogger } from '@leadscore/kafka';
import { learnFromLeads, leadsFromContacts, type ArchivedLead } from '@leadscore/learning';
import {
  createArchivedTopics,
  makeTempDir,
  pastLeads,
  removeDir,
  startTestAnalytics,
  testKafkaBrokers,
  uniqueDatabaseName,
  uniqueName,
  type PastLead,
  type TestAnalytics,
} from '@leadscore/testing';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCliTestApi, type CliTestApi } from './cli-api.js';
import { leadscore } from './cli-process.js';

// `leadscore model learn --from-contacts`, the built CLI against the built api and the built analytics
// service (an archive of its own): contacts identified with an industry, page views, won or lost outcomes
// (as the api publishes them), learned from on the api and printed as the local path prints a file.
jest.setTimeout(180_000);

const HOUR = 3_600_000;
const T0 = Date.now() - 72 * HOUR;
const OUTCOME_AT = T0 + 20 * HOUR;

const PEOPLE = pastLeads(66, 9, 'q');

const MAPPING: FeatureMapping = {
  outcome: { column: 'outcome', converted: ['won'], lost: ['lost'] },
  features: [
    { column: 'Industry', kind: 'category', field: 'industry' },
    { column: 'Page views', kind: 'count', event: 'web.page_viewed' },
  ],
};

const eventsOf = (person: PastLead) => [
  {
    id: `${person.contact}-identify`,
    type: 'contact.identified',
    at: T0,
    data: { traits: { industry: person.industry } },
  },
  ...Array.from({ length: person.views }, (_, i) => ({
    id: `${person.contact}-view-${i}`,
    type: 'web.page_viewed',
    at: T0 + (i + 1) * HOUR,
    data: { url: 'https://example.com/pricing', path: '/pricing' },
  })),
  ...(person.outcome
    ? [{ id: `${person.contact}-outcome`, type: `outcome.${person.outcome}`, at: OUTCOME_AT, data: {} }]
    : []),
];

let analytics: TestAnalytics;
let analyticsDir: string;
let api: CliTestApi;
let dir: string;

const run = (args: string[], key?: string) =>
  leadscore([...args, '--url', api.url, '--key', key ?? api.readKey]);

beforeAll(async () => {
  analyticsDir = makeTempDir('cli-learn-archive');
  const topics = await createArchivedTopics('cli-learn');
  analytics = await startTestAnalytics({
    topics,
    dataPath: analyticsDir,
    database: uniqueDatabaseName('cli_learn'),
    consumerGroup: uniqueName('cli-learn'),
  });
  api = await startCliTestApi('cli_learn', { ANALYTICS_URL: analytics.url });
  const kafka = createKafkaClient({
    brokers: testKafkaBrokers(),
    clientId: 'cli-learn',
    logger: silentLogger,
  });
  const producer = createBatchingProducer(kafka);
  await producer.connect();
  await producer.send(
    topics.events,
    PEOPLE.flatMap((person) =>
      eventsOf(person).map((event) => ({
        key: `${api.workspace}:${person.contact}`,
        value: JSON.stringify({
          specversion: '1.0',
          workspace: api.workspace,
          id: event.id,
          source: event.type.startsWith('outcome.') ? 'leadscore/api' : '/v1/events',
          type: event.type,
          time: new Date(event.at).toISOString(),
          subject: person.contact,
          data: event.data,
        }),
      })),
    ),
  );
  await producer.disconnect();
  await analytics.waitUntilArchived();
  dir = makeTempDir('cli-learn');
  writeFileSync(join(dir, 'contacts.mapping.json'), JSON.stringify(MAPPING));
});

afterAll(async () => {
  await api?.stop();
  await analytics?.service.stop();
  if (analyticsDir) removeDir(analyticsDir);
  if (dir) removeDir(dir);
});

describe('leadscore model learn --from-contacts, against the api and the archive', () => {
  it('learns on the api from the contacts with an outcome and prints the report, the rest counted as left out', async () => {
    const leads: ArchivedLead[] = [...PEOPLE]
      .sort((a, b) => (a.contact < b.contact ? -1 : 1))
      .map((person) => ({
        contact: person.contact,
        profile: { industry: person.industry },
        events: eventsOf(person).map(({ type, at }) => ({ type, time: at })),
      }));
    const table = leadsFromContacts(leads, MAPPING);
    const expected = learnFromLeads(table.table, table.mapping);
    const labelled = PEOPLE.filter((p) => p.outcome).length;

    const out = join(dir, 'learned.yaml');
    const human = await run([
      'model',
      'learn',
      '--from-contacts',
      '--mapping',
      join(dir, 'contacts.mapping.json'),
      '--out',
      out,
    ]);
    expect(human).toMatchObject({ status: 0, stderr: '' });
    expect(human.stdout.split('\n')[0]).toBe(
      `${PEOPLE.length} archived contacts read: ${labelled} with an outcome, ${PEOPLE.length - labelled} left out (no outcome yet)`,
    );
    expect(human.stdout).toContain(`${labelled} leads: ${expected.leakage.classBalance.positives} converted`);
    expect(human.stdout).toContain(`Held out (${expected.evaluation.count} leads): ROC AUC`);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Learned from/);

    const json = await run([
      'model',
      'learn',
      '--from-contacts',
      '--mapping',
      join(dir, 'contacts.mapping.json'),
      '--json',
    ]);
    expect(json.status).toBe(0);
    const answer = JSON.parse(json.stdout) as ModelLearnReport;
    expect(answer.contacts).toMatchObject({
      archived: PEOPLE.length,
      labelled,
      unlabelled: PEOPLE.length - labelled,
    });
    expect(answer.report?.evaluation).toEqual(JSON.parse(JSON.stringify(expected.evaluation)));
  });

  it('exits 2 without a mapping, and 4 without a key', async () => {
    expect((await run(['model', 'learn', '--from-contacts'])).status).toBe(2);
    const noKey = await leadscore(
      [
        'model',
        'learn',
        '--from-contacts',
        '--mapping',
        join(dir, 'contacts.mapping.json'),
        '--url',
        api.url,
      ],
      { LEADSCORE_CONFIG: join(dir, 'none.json') },
    );
    expect(noKey.status).toBe(4);
  });
});
