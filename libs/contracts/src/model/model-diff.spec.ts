import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ScoringModel } from '../generated/model.js';
import { diffModels } from './model-diff.js';
import { parseModel } from './parse-model.js';

const examples = fileURLToPath(new URL('../../../../examples/models/', import.meta.url));
const example = (file: string): ScoringModel =>
  parseModel(readFileSync(`${examples}${file}`, 'utf8'), 'yaml', `examples/models/${file}`);
/** A deep copy to edit, as the next version of a model. */
const nextVersion = (model: ScoringModel): ScoringModel => ({
  ...structuredClone<ScoringModel>(model),
  version: model.version + 1,
});

describe('diffModels', () => {
  it('finds nothing but the version between two versions of the same document', () => {
    const live = example('hubspot.yaml');
    const diff = diffModels(live, nextVersion(live));
    expect(diff).toEqual({
      modelId: 'hubspot',
      fromVersion: 1,
      toVersion: 2,
      unchanged: true,
      rules: { added: [], removed: [], changed: [] },
      sections: [],
    });
  });

  it('lists every rule as added, and every section, when no version is live', () => {
    const webinar = example('webinar.yaml');
    const diff = diffModels(undefined, webinar);
    expect(diff.fromVersion).toBeNull();
    expect(diff.unchanged).toBe(false);
    expect(diff.rules.added.map((r) => [r.section, r.id])).toEqual([
      ['engagement', 'webinar-registered'],
      ['engagement', 'webinar-attended'],
      ['absence', 'webinar-no-show'],
    ]);
    expect(diff.rules.added[0]?.rule).toEqual({
      id: 'webinar-registered',
      event: 'webinar.registered',
      points: 10,
    });
    expect(diff.sections.map((s) => s.section)).toEqual(['name', 'description', 'decay', 'tiers']);
    expect(diff.sections.find((s) => s.section === 'tiers')?.changes).toEqual([
      { path: 'tiers', to: { warm: 10, hot: 30 } },
    ]);
  });

  it('reports added, removed and changed rules with the fields that changed', () => {
    const live = example('ontraport.yaml');
    const next = nextVersion(live);
    next.fit = (next.fit ?? []).filter((rule) => rule.id !== 'state-colorado');
    const click = next.engagement?.find((rule) => rule.id === 'email-click');
    const login = next.engagement?.find((rule) => rule.id === 'membership-login');
    if (!click || !login) throw new Error('the example lost its rules');
    click.points = 7;
    click.expiresAfterDays = 30;
    login.limits = { perDay: 2 };
    delete login.description;
    next.engagement?.push({ id: 'demo-request', event: 'web.form_submitted', points: 25 });

    const diff = diffModels(live, next);
    expect(diff.unchanged).toBe(false);
    expect(diff.rules.added).toEqual([
      {
        section: 'engagement',
        id: 'demo-request',
        rule: { id: 'demo-request', event: 'web.form_submitted', points: 25 },
      },
    ]);
    expect(diff.rules.removed).toEqual([
      {
        section: 'fit',
        id: 'state-colorado',
        rule: expect.objectContaining({ field: 'state', values: ['Colorado', 'CO'], points: 10 }),
      },
    ]);
    expect(diff.rules.changed).toEqual([
      {
        section: 'engagement',
        id: 'email-click',
        changes: [
          { path: 'points', from: 5, to: 7 },
          { path: 'expiresAfterDays', to: 30 },
        ],
      },
      {
        section: 'engagement',
        id: 'membership-login',
        changes: [
          {
            path: 'description',
            from: 'Logged in to the membership site (viewed a page under /members).',
          },
          { path: 'limits.perDay', from: 1, to: 2 },
        ],
      },
    ]);
    expect(diff.sections).toEqual([]);
  });

  it('compares lists of the same length item by item, and of different lengths whole', () => {
    const live = example('hubspot.yaml');
    const next = nextVersion(live);
    const industry = next.fit?.find((rule) => rule.id === 'industry-software');
    const email = next.engagement?.find((rule) => rule.id === 'email-open');
    if (industry?.operator !== 'in' || !email) throw new Error('the example lost its rules');
    industry.values = ['software', 'saas', 'cloud'];
    email.filters = [...(email.filters ?? []), { field: 'list', operator: 'exists' }];

    const changes = Object.fromEntries(diffModels(live, next).rules.changed.map((r) => [r.id, r.changes]));
    expect(changes['industry-software']).toEqual([{ path: 'values[2]', from: 'internet', to: 'cloud' }]);
    expect(changes['email-open']).toEqual([
      {
        path: 'filters',
        from: [{ field: 'machine_open', operator: 'equals', value: true, negate: true }],
        to: [
          { field: 'machine_open', operator: 'equals', value: true, negate: true },
          { field: 'list', operator: 'exists' },
        ],
      },
    ]);
  });

  it('reports decay, tiers, caps, lifecycle and grades changes by their path from the root', () => {
    const live = example('hubspot.yaml');
    const next = nextVersion(live);
    next.decay = { percentPerDay: 2 };
    next.tiers = { warm: 30, hot: 70 };
    delete next.caps;
    const mql = next.lifecycle?.mql?.conditions[0];
    if (!mql || !('conditions' in mql)) throw new Error('the example lost its MQL matrix');
    const total = mql.conditions[1];
    if (!total || total.metric !== 'total') throw new Error('the example lost its MQL total');
    total.enter = 55;
    next.grades = live.grades?.slice(0, 4);

    expect(diffModels(live, next).sections).toEqual([
      { section: 'grades', changes: [{ path: 'grades', from: live.grades, to: next.grades }] },
      {
        section: 'decay',
        changes: [
          { path: 'decay.halfLifeDays', from: 45 },
          { path: 'decay.percentPerDay', to: 2 },
        ],
      },
      {
        section: 'caps',
        changes: [
          { path: 'caps', from: { maxEngagement: 60, minEngagement: -30, minTotal: 0, maxTotal: 100 } },
        ],
      },
      { section: 'tiers', changes: [{ path: 'tiers.hot', from: 60, to: 70 }] },
      {
        section: 'lifecycle',
        changes: [{ path: 'lifecycle.mql.conditions[0].conditions[1].enter', from: 50, to: 55 }],
      },
    ]);
  });

  it('ignores the order of rules and does not modify its inputs', () => {
    const live = example('product.yaml');
    const next = nextVersion(live);
    next.engagement = [...(next.engagement ?? [])].reverse();
    const before = JSON.stringify([live, next]);
    expect(diffModels(live, next).unchanged).toBe(true);
    expect(JSON.stringify([live, next])).toBe(before);
  });

  it('treats a rule that moved to another section as removed from one and added to the other', () => {
    const live = example('webinar.yaml');
    const next = nextVersion(live);
    next.engagement = next.engagement?.filter((rule) => rule.id !== 'webinar-attended');
    next.inactivity = [{ id: 'webinar-attended', afterDays: 30, points: -5 }];
    const diff = diffModels(live, next);
    expect(diff.rules.removed.map((r) => [r.section, r.id])).toEqual([['engagement', 'webinar-attended']]);
    expect(diff.rules.added.map((r) => [r.section, r.id])).toEqual([['inactivity', 'webinar-attended']]);
  });
});
