import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { workspaceId } from '@leadscore/access';
import type {
  AuditPage,
  ModelApplied,
  ModelDiff,
  ModelIssueDetail,
  ModelList,
  ModelValidation,
  ModelVersionDetail,
  ModelVersionList,
  ScoringModel,
} from '@leadscore/contracts';
import { parseModel } from '@leadscore/contracts';
import { scoringModelRepository } from '@leadscore/persistence';
import { HOSTILE_JSON_CASES, HOSTILE_SLOT, embedHostileMember, readTopic } from '@leadscore/testing';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ApiContext } from '../src/app/api.context.js';
import { API_CONTEXT } from '../src/app/api.tokens.js';
import {
  bearer,
  createKey as createKeyIn,
  createWorkspace as createWorkspaceIn,
  expectProblem,
  json,
  startTestApi,
  type TestApi,
} from './api-test-app.js';

let api: TestApi;
/** Admin, read-only and events-only keys of the workspace `acme`; an admin key of `globex`. */
let admin: string;
let reader: string;
let writer: string;
let otherAdmin: string;

const examples = fileURLToPath(new URL('../../../examples/models/', import.meta.url));
/** An example model as its file is written, for the workspace `acme` (the examples name it). */
const example = (file: string) => readFileSync(`${examples}${file}`, 'utf8');

const YAML = { 'content-type': 'application/yaml' };
const JSON_BODY = { 'content-type': 'application/json' };

const createWorkspace = async (id: string) => (await createWorkspaceIn(api, id)).adminKey.key;
const createKey = async (scopes: string[]) => (await createKeyIn(api, admin, { kind: 'secret', scopes })).key;

const post = (path: string, key: string, payload: string, headers: Record<string, string> = YAML) =>
  api.http.inject({
    method: 'POST',
    url: `/v1/models${path}`,
    headers: { ...bearer(key), ...headers },
    payload,
  });
const get = (path: string, key: string) =>
  api.http.inject({ method: 'GET', url: `/v1/models${path}`, headers: bearer(key) });

async function applied(key: string, payload: string, headers: Record<string, string> = YAML) {
  const response = await post('', key, payload, headers);
  expect({ status: response.statusCode, body: response.body.slice(0, 600) }).toMatchObject({ status: 201 });
  return json(response) as unknown as ModelApplied;
}

beforeAll(async () => {
  api = await startTestApi('api_models');
  admin = await createWorkspace('acme');
  otherAdmin = await createWorkspace('globex');
  reader = await createKey(['read']);
  writer = await createKey(['events:write']);
});

afterAll(async () => {
  await api?.close();
});

const BROKEN = `id: broken
version: 1
name: Broken
engagement:
  - id: click
    event: email.clicked
    points: ten
  - id: view
    event: web.page_view
    points: 3
tiers:
  warm: 50
  hot: 20
`;

describe('POST /v1/models/validate', () => {
  it('answers a valid YAML model with its identity and the workspace filled in', async () => {
    const response = await post('/validate', reader, 'id: small\nversion: 1\nname: Small\n');
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({
      valid: true,
      model: { id: 'small', version: 1, workspace: 'acme', name: 'Small' },
      issues: [],
    });
  });

  it('lists every problem of a broken YAML model with its path, line and column', async () => {
    const response = await post('/validate', admin, BROKEN);
    expect(response.statusCode).toBe(200);
    const body = json(response) as unknown as ModelValidation;
    expect(body.valid).toBe(false);
    expect(body.model).toBeNull();
    expect(body.issues.map((i: ModelIssueDetail) => [i.path, i.line, i.column])).toEqual([
      ['engagement[0].points', 7, 13],
      ['engagement[1].event', 9, 12],
    ]);
    expect(body.issues[0]?.message).toMatch(/number/);
    expect(body.issues[1]?.message).toMatch(/web\.page_viewed/);
  });

  it('reports YAML and JSON syntax errors, and another workspace, at their line', async () => {
    const yaml = json(
      await post('/validate', admin, 'id: x\nversion: 1\nname: [unclosed\n'),
    ) as unknown as ModelValidation;
    expect(yaml.issues[0]).toMatchObject({ check: 'syntax', line: expect.any(Number) });
    const jsonText = '{\n  "id": "x",\n  "version": 1,\n  "name": "X",\n}';
    const fromJson = json(await post('/validate', admin, jsonText, JSON_BODY)) as unknown as ModelValidation;
    expect(fromJson.issues).toEqual([expect.objectContaining({ check: 'syntax', line: 5, column: 1 })]);
    const foreign = json(
      await post('/validate', admin, 'id: x\nversion: 1\nworkspace: globex\nname: X\n'),
    ) as unknown as ModelValidation;
    expect(foreign.issues).toEqual([
      expect.objectContaining({ path: 'workspace', line: 3, check: 'semantic:workspace' }),
    ]);
  });

  it('refuses an events-only key, YAML on other routes and non-UTF-8 bodies', async () => {
    expectProblem(await post('/validate', writer, 'id: x\n'), 403, /"admin" or "read"/);
    expectProblem(
      await api.http.inject({
        method: 'POST',
        url: '/v1/keys',
        headers: { ...bearer(admin), ...YAML },
        payload: 'kind: secret\n',
      }),
      415,
      /application\/json/,
    );
    expectProblem(
      await post('/validate', admin, 'id: x\n', { 'content-type': 'text/plain' }),
      415,
      /application\/yaml/,
    );
    expectProblem(
      await api.http.inject({
        method: 'POST',
        url: '/v1/models/validate',
        headers: { ...bearer(admin), ...YAML },
        payload: Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0x0a]),
      }),
      400,
      /not UTF-8/,
    );
    expectProblem(await post('/validate', admin, ''), 400, /empty; send the model as YAML/);
  });

  it('answers a YAML alias bomb (a billion laughs) as an invalid model', async () => {
    const levels = Array.from(
      { length: 9 },
      (_, i) => `  l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`,
    );
    const bomb = `id: bomb\nversion: 1\nname: Bomb\ncaps:\n  l0: &l0 [lol]\n${levels.join('\n')}\n`;
    const body = json(await post('/validate', admin, bomb)) as unknown as ModelValidation;
    expect(body.valid).toBe(false);
    expect(body.issues[0]).toMatchObject({ check: 'syntax', message: expect.stringMatching(/alias/i) });
  });

  it('takes models above the 16 KB of other bodies, up to 256 KB', async () => {
    const padded = `${'# a comment line to make the model large\n'.repeat(800)}id: big\nversion: 1\nname: Big\n`;
    expect(padded.length).toBeGreaterThan(30_000);
    const response = await post('/validate', admin, padded);
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({ valid: true });
    expectProblem(
      await post('/validate', admin, `#${'x'.repeat(262_144)}\n`),
      413,
      /larger than 262144 bytes/,
    );
  });
});

describe('hostile JSON (libs/testing HOSTILE_JSON_CASES) as a model', () => {
  const host = { id: 'hostile', version: 1, name: 'Hostile', [HOSTILE_SLOT]: 0 };
  for (const testCase of HOSTILE_JSON_CASES) {
    it(`validate and apply answer ${testCase.name} as an invalid model or a bad request, never a 5xx`, async () => {
      const payload = embedHostileMember(host, testCase.member);
      const sent = await api.http.inject({
        method: 'POST',
        url: '/v1/models',
        headers: { ...bearer(admin), ...JSON_BODY },
        payload,
      });
      const refused = await api.http.inject({
        method: 'POST',
        url: '/v1/models/validate',
        headers: { ...bearer(admin), ...JSON_BODY },
        payload,
      });
      if (refused.statusCode === 200) {
        const body = json(refused) as unknown as ModelValidation;
        expect(body.valid).toBe(false);
        expect(body.issues.length).toBeGreaterThan(0);
        expectProblem(sent, 422, /problem/);
      } else {
        expect([400, 413]).toContain(refused.statusCode);
        expectProblem(sent, refused.statusCode, /./);
      }
    });
  }

  it('applied none of them', async () => {
    expect(
      await scoringModelRepository.live(api.dataSource.manager, workspaceId('acme'), 'hostile'),
    ).toBeUndefined();
  });
});

describe('POST /v1/models/diff and POST /v1/models', () => {
  it('diffs a model that is not live yet as all added, and answers an invalid one with 422 issues', async () => {
    const diff = json(await post('/diff', reader, example('webinar.yaml'))) as unknown as ModelDiff;
    expect(diff).toMatchObject({ modelId: 'webinar', fromVersion: null, toVersion: 1, unchanged: false });
    expect(diff.rules.added.map((r) => r.id)).toEqual([
      'webinar-registered',
      'webinar-attended',
      'webinar-no-show',
    ]);
    const problem = expectProblem(
      await post('/diff', reader, BROKEN),
      422,
      /2 problems, the first: engagement\[0\]\.points/,
    );
    expect(problem['issues']).toEqual([
      expect.objectContaining({ path: 'engagement[0].points', line: 7, column: 13 }),
      expect.objectContaining({ path: 'engagement[1].event', line: 9 }),
    ]);
    expect(problem['errors']).toEqual([
      { field: 'engagement[0].points', expected: expect.stringContaining('(line 7, column 13)') },
      { field: 'engagement[1].event', expected: expect.stringContaining('(line 9, column 12)') },
    ]);
  });

  it('applies a model: records it with its source, publishes it keyed workspace:id once acknowledged, audits it', async () => {
    const source = example('ontraport.yaml');
    const result = await applied(admin, source);
    expect(result.version).toEqual({
      id: 'ontraport',
      version: 1,
      name: 'ONTRAPORT-style explicit + behavioral score',
      live: true,
      appliedAt: '2026-04-01T09:00:00.000Z',
      appliedBy: expect.stringMatching(/^[0-9a-f]{16}$/),
      sourceFormat: 'yaml',
    });
    expect(result.diff.fromVersion).toBeNull();
    expect(result.diff.rules.added).toHaveLength(6);

    const records = await readTopic(api.kafka, api.topics.models);
    expect(records).toHaveLength(1);
    expect(records[0]?.key?.toString()).toBe('acme:ontraport');
    const published = JSON.parse(records[0]?.value?.toString() ?? '') as ScoringModel;
    // The scorer reads the record with the same validator (services/scorer models.consumer.ts).
    expect(parseModel(records[0]?.value?.toString() ?? '', 'json', 'leads.models.v1')).toEqual(published);
    expect(published).toMatchObject({ id: 'ontraport', version: 1, workspace: 'acme' });
    expect(published.engagement?.map((r) => r.id)).toEqual([
      'email-click',
      'pricing-page-view',
      'membership-login',
    ]);

    const stored = await scoringModelRepository.find(api.dataSource.manager, 'acme', 'ontraport', 1);
    expect(stored).toMatchObject({ source, sourceFormat: 'yaml', appliedBy: result.version.appliedBy });
    expect(stored?.document).toEqual(published);

    const audit = json(
      await api.http.inject({ method: 'GET', url: '/v1/audit', headers: bearer(admin) }),
    ) as unknown as AuditPage;
    expect(audit.entries[0]).toMatchObject({
      actor: result.version.appliedBy,
      action: 'model.applied',
      target: 'ontraport',
      details: { version: 1, previousVersion: null, format: 'yaml', rulesAdded: 6 },
    });
  });

  it('refuses the live version again with 409 naming the live version', async () => {
    expectProblem(
      await post('', admin, example('ontraport.yaml')),
      409,
      /Version 1 of the model "ontraport" is live.*version: 2/,
    );
    const records = await readTopic(api.kafka, api.topics.models);
    expect(records).toHaveLength(1);
  });

  it('diffs the next version against the live one, then applies it from JSON', async () => {
    const live = (json(await get('/ontraport/versions/1', reader)) as unknown as ModelVersionDetail).document;
    const next: ScoringModel = {
      ...live,
      version: 2,
      fit: live.fit?.filter((rule) => rule.id !== 'state-colorado'),
      engagement: live.engagement?.map((rule) => (rule.id === 'email-click' ? { ...rule, points: 7 } : rule)),
      tiers: { warm: 30, hot: 70 },
    };
    const text = JSON.stringify(next, null, 2);
    const diff = json(await post('/diff', reader, text, JSON_BODY)) as unknown as ModelDiff;
    expect(diff).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      rules: {
        added: [],
        removed: [expect.objectContaining({ section: 'fit', id: 'state-colorado' })],
        changed: [
          { section: 'engagement', id: 'email-click', changes: [{ path: 'points', from: 5, to: 7 }] },
        ],
      },
      sections: [{ section: 'tiers', changes: [{ path: 'tiers.hot', from: 60, to: 70 }] }],
    });
    api.advance(60);
    const result = await applied(admin, text, JSON_BODY);
    expect(result.diff).toEqual(diff);
    expect(result.version).toMatchObject({
      version: 2,
      sourceFormat: 'json',
      appliedAt: '2026-04-01T09:01:00.000Z',
    });
    expectProblem(
      await post('', admin, example('ontraport.yaml')),
      409,
      /Version 2 of the model "ontraport" is live.*version: 3/,
    );
    const records = await readTopic(api.kafka, api.topics.models);
    expect(
      records.map((r) => [
        r.key?.toString(),
        (JSON.parse(r.value?.toString() ?? '') as ScoringModel).version,
      ]),
    ).toEqual([
      ['acme:ontraport', 1],
      ['acme:ontraport', 2],
    ]);
  });

  it('applies one of two concurrent applies of the same version and refuses the other with 409', async () => {
    const webinar = example('webinar.yaml');
    const answers = await Promise.all([post('', admin, webinar), post('', admin, webinar)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const records = await readTopic(api.kafka, api.topics.models);
    expect(records.filter((r) => r.key?.toString() === 'acme:webinar')).toHaveLength(1);
  });

  it('refuses an invalid model (422) and keys without admin (403), publishing nothing', async () => {
    expectProblem(await post('', admin, BROKEN), 422, /2 problems/);
    expectProblem(await post('', reader, example('webinar.yaml')), 403, /"admin"/);
    expectProblem(
      await post('', otherAdmin, example('webinar.yaml')),
      422,
      /workspace "acme", but it is given to "globex"/,
    );
    expect(await readTopic(api.kafka, api.topics.models)).toHaveLength(3);
  });
});

describe('GET /v1/models, versions and one version', () => {
  it('lists the models with their live version, and every version newest first', async () => {
    // A version published on the topic without the api, recorded by the scorer: no source, no actor.
    await scoringModelRepository.record(api.dataSource.manager, {
      workspaceId: 'acme',
      modelId: 'ontraport',
      version: 3,
      document: { ...JSON.parse(JSON.stringify(await storedDocument('ontraport', 2))), version: 3 },
      appliedAt: new Date('2026-04-02T09:00:00Z'),
    });
    const list = json(await get('', reader)) as unknown as ModelList;
    expect(list.models.map((m) => [m.id, m.version, m.live, m.appliedBy === null])).toEqual([
      ['ontraport', 3, true, true],
      ['webinar', 1, true, false],
    ]);
    const versions = json(await get('/ontraport/versions', reader)) as unknown as ModelVersionList;
    expect(versions.liveVersion).toBe(3);
    expect(versions.versions.map((v) => [v.version, v.live, v.sourceFormat])).toEqual([
      [3, true, null],
      [2, false, 'json'],
      [1, false, 'yaml'],
    ]);
  });

  it('gets one version with its document and source, or the live one', async () => {
    const first = json(await get('/ontraport/versions/1', reader)) as unknown as ModelVersionDetail;
    expect(first.version).toMatchObject({ id: 'ontraport', version: 1, live: false, sourceFormat: 'yaml' });
    expect(first.source).toBe(example('ontraport.yaml'));
    expect(first.document).toMatchObject({ id: 'ontraport', version: 1, workspace: 'acme' });
    const live = json(await get('/ontraport/versions/live', admin)) as unknown as ModelVersionDetail;
    expect(live.version).toMatchObject({ version: 3, live: true, appliedBy: null });
    expect(live.source).toBeNull();
    expectProblem(await get('/ontraport/versions/9', reader), 404, /no version 9/);
    expectProblem(await get('/ontraport/versions/one', reader), 400, /not a version number/);
    expectProblem(await get('/nothing/versions', reader), 404, /No model "nothing"/);
    expectProblem(await get('/ontraport/versions', writer), 403, /"admin" or "read"/);
  });

  it("answers another workspace's model exactly like one that does not exist", async () => {
    expect(json(await get('', otherAdmin))).toEqual({ models: [] });
    const missing = (response: Awaited<ReturnType<typeof get>>) =>
      expectProblem(response, 404, /No model "ontraport" in this workspace/);
    missing(await get('/ontraport/versions', otherAdmin));
    missing(await get('/ontraport/versions/1', otherAdmin));
    missing(await get('/ontraport/versions/live', otherAdmin));
    const diff = json(
      await post('/diff', otherAdmin, example('ontraport.yaml').replace('workspace: acme\n', '')),
    ) as unknown as ModelDiff;
    expect(diff.fromVersion).toBeNull();
    // globex applies its own "ontraport" (workspace left out: globex's is filled in), version 1.
    const result = await applied(otherAdmin, example('ontraport.yaml').replace('workspace: acme\n', ''));
    expect(result.version.version).toBe(1);
    const records = await readTopic(api.kafka, api.topics.models);
    expect(records.at(-1)?.key?.toString()).toBe('globex:ontraport');
    expect((json(await get('/ontraport/versions', admin)) as unknown as ModelVersionList).liveVersion).toBe(
      3,
    );
  });
});

describe('when Kafka does not acknowledge', () => {
  it('answers 503 and records and audits nothing', async () => {
    // The last test of the file: the app's producer is closed, so no send can be acknowledged.
    await api.app.get<symbol, ApiContext>(API_CONTEXT).producer.disconnect();
    const model = 'id: unsent\nversion: 1\nname: Unsent\n';
    const unavailable = await post('', admin, model);
    expectProblem(unavailable, 503, /Kafka did not acknowledge .*nothing was recorded/);
    expect(unavailable.headers['retry-after']).toBe('5');
    expect(
      await scoringModelRepository.live(api.dataSource.manager, workspaceId('acme'), 'unsent'),
    ).toBeUndefined();
    const audit = json(
      await api.http.inject({ method: 'GET', url: '/v1/audit', headers: bearer(admin) }),
    ) as unknown as AuditPage;
    expect(audit.entries.filter((e) => e.target === 'unsent')).toEqual([]);
  });
});

async function storedDocument(modelId: string, version: number): Promise<unknown> {
  return (await scoringModelRepository.find(api.dataSource.manager, workspaceId('acme'), modelId, version))
    ?.document;
}
