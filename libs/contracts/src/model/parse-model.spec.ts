import { describe, expect, it } from '@jest/globals';
import { ModelValidationError, formatModelIssue, type ModelIssue } from './errors.js';
import { parseModel } from './parse-model.js';

const valid = `id: demo
version: 1
workspace: acme
name: Demo
engagement:
  - id: click
    event: email.clicked
    points: 5
`;

function issuesOf(text: string, format: 'yaml' | 'json' = 'yaml'): ModelIssue[] {
  try {
    parseModel(text, format, 'demo.yaml');
  } catch (error) {
    if (error instanceof ModelValidationError) return [...error.issues];
    throw error;
  }
  throw new Error('expected the model to be rejected');
}

describe('parseModel', () => {
  it('returns the typed model when YAML text is valid', () => {
    const model = parseModel(valid, 'yaml', 'demo.yaml');
    expect(model.id).toBe('demo');
    expect(model.engagement?.[0]?.points).toBe(5);
  });

  it('fills in the expected workspace when the document names none, and refuses another one', () => {
    const anonymous = valid.replace('workspace: acme\n', '');
    expect(parseModel(anonymous, 'yaml', 'demo.yaml', { workspace: 'local' }).workspace).toBe('local');
    expect(parseModel(valid, 'yaml', 'demo.yaml', { workspace: 'acme' }).workspace).toBe('acme');
    expect(() => parseModel(anonymous, 'yaml', 'demo.yaml')).toThrow(/workspace/);
    let issues: readonly ModelIssue[] = [];
    try {
      parseModel(valid, 'yaml', 'demo.yaml', { workspace: 'local' });
    } catch (error) {
      if (error instanceof ModelValidationError) issues = error.issues;
    }
    expect(issues).toEqual([
      {
        path: 'workspace',
        pointer: '/workspace',
        line: 3,
        column: 12,
        message: expect.stringContaining('set workspace to "local" or leave it out'),
        check: 'semantic:workspace',
      },
    ]);
  });

  it('fills in a default workspace without checking one the document names (offline validation)', () => {
    const anonymous = valid.replace('workspace: acme\n', '');
    expect(parseModel(anonymous, 'yaml', 'demo.yaml', { defaultWorkspace: 'local' }).workspace).toBe('local');
    expect(parseModel(valid, 'yaml', 'demo.yaml', { defaultWorkspace: 'local' }).workspace).toBe('acme');
  });

  it('reads JSON as well as YAML', () => {
    const json = JSON.stringify(
      { id: 'demo', version: 2, workspace: 'acme', name: 'Demo', decay: { halfLifeDays: 30 } },
      null,
      2,
    );
    expect(parseModel(json, 'json', 'demo.json').decay).toEqual({ halfLifeDays: 30 });
  });

  it('names the path, the line and the column of a wrongly typed value', () => {
    const text = `${valid}  - id: open
    event: email.opened
    points: ten
`;
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({
      path: 'engagement[1].points',
      pointer: '/engagement/1/points',
      line: 11,
      column: 13,
    });
    expect(issue && formatModelIssue(issue)).toBe(
      'engagement[1].points: expected a number, {from: text} or {withinDays: a number, ranges: a list}, got "ten" (line 11, column 13)',
    );
  });

  it('locates problems in JSON text by line and column too', () => {
    const text = '{\n  "id": "demo",\n  "version": "one",\n  "workspace": "acme",\n  "name": "Demo"\n}';
    const [issue] = issuesOf(text, 'json');
    expect(issue && formatModelIssue(issue)).toBe(
      'version: expected a whole number, got "one" (line 3, column 14)',
    );
  });

  it('reports every problem at once, in source order', () => {
    const text = `id: Demo Model
version: 0
workspace: acme
name: Demo
`;
    const issues = issuesOf(text);
    expect(issues.map((i) => [i.path, i.line])).toEqual([
      ['id', 1],
      ['version', 2],
    ]);
    expect(issues[0]?.message).toMatch(/does not match/);
    expect(issues[1]?.message).toBe(
      'expected a number at least 1, got 0 (Version number of this model, starting at 1; a new version replaces the previous one with the same id.)',
    );
  });

  it('suggests the intended name for a misspelt property and points at the key', () => {
    const text = valid.replace('    points: 5', '    pionts: 5');
    const issues = issuesOf(text);
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: 'engagement[0].pionts',
        line: 8,
        column: 5,
        message: 'unknown property "pionts"; did you mean "points"?',
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: 'engagement[0].points',
        message: 'missing; expected a number, {from: text} or {withinDays: a number, ranges: a list}',
      }),
    );
  });

  it('suggests the closest canonical event type for an unknown one', () => {
    const [issue] = issuesOf(valid.replace('email.clicked', 'email.click'));
    expect(issue?.path).toBe('engagement[0].event');
    expect(issue?.message).toMatch(/got "email\.click"; did you mean "email\.clicked"\?$/);
  });

  it('names an unknown canonical event type with the list of known ones, and nothing else', () => {
    const issues = issuesOf(valid.replace('email.clicked', 'web.page_view'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'engagement[0].event', line: 7, column: 12 });
    expect(issues[0]?.message).toMatch(
      /^expected one of "email\.delivered", .*"contact\.converted" or a custom event type "custom\.<your event name>" \(/,
    );
    expect(issues[0]?.message).toMatch(/got "web\.page_view"; did you mean "web\.page_viewed"\?$/);
    expect(issuesOf(valid.replace('email.clicked', 'Demo Requested'))[0]?.message).toMatch(
      /or a custom event type "custom\.<your event name>" \(.*\), got "Demo Requested"$/,
    );
  });

  it('accepts custom event types in engagement and absence rules', () => {
    const text = `${valid.replace('email.clicked', 'custom.Demo Requested')}absence:
  - id: no-purchase
    trigger: { event: custom.Trial Started }
    expect: { event: "custom.Item Purchased", filters: [{ field: plan, operator: equals, value: pro }] }
    windowDays: 14
    points: -5
`;
    const model = parseModel(text, 'yaml', 'demo.yaml');
    expect(model.engagement?.[0]?.event).toBe('custom.Demo Requested');
    expect(model.absence?.[0]).toMatchObject({
      trigger: { event: 'custom.Trial Started' },
      expect: { event: 'custom.Item Purchased' },
    });
  });

  it('says what a custom event type must look like when its name is malformed', () => {
    for (const event of ['custom.', '"custom. Demo"', `custom.${'x'.repeat(201)}`]) {
      const issues = issuesOf(valid.replace('email.clicked', event));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toBe('engagement[0].event');
      expect(issues[0]?.message).toContain(
        '(a custom event type "custom.<your event name>" (the name as you send it: 1–200 characters',
      );
    }
  });

  it('explains an unknown condition operator with the operators that exist', () => {
    const text = `${valid}fit:
  - id: ceo
    field: jobTitle
    operator: eq
    value: CEO
    points: 15
`;
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ path: 'fit[0].operator', line: 12, column: 15 });
    expect(issue?.message).toBe(
      'expected one of "equals", "in", "range", "regex", "exists", "all", "any", "not", got "eq"; did you mean "equals"?',
    );
  });

  it('reports only the relevant part of a decay rate that has the right shape', () => {
    const [issue] = issuesOf(`${valid}decay:\n  percentPerDay: two\n`);
    expect(issue && formatModelIssue(issue)).toBe(
      'decay.percentPerDay: expected a number, got "two" (line 10, column 18)',
    );
  });

  it('describes the accepted forms of a rule decay override that has none of them', () => {
    const [issue] = issuesOf(valid.replace('    points: 5', '    points: 5\n    decay: never'));
    expect(issue?.path).toBe('engagement[0].decay');
    expect(issue?.message).toBe(
      'expected "none", {percentPerDay: a number} or {halfLifeDays: a number}, got "never"',
    );
  });

  it('rejects positive points on absence and inactivity rules', () => {
    const [issue] = issuesOf(`${valid}inactivity:\n  - id: quiet\n    afterDays: 30\n    points: 5\n`);
    expect(issue?.path).toBe('inactivity[0].points');
    expect(issue?.message).toMatch(/^expected a number less than 0, got 5/);
  });

  it('reports YAML syntax errors with their position', () => {
    const [issue] = issuesOf('id: demo\nengagement: [1, 2\nname: x\n');
    expect(issue?.check).toBe('syntax');
    expect(issue?.line).toBeDefined();
    expect(issue?.message).toMatch(/^YAML syntax: /);
  });

  it('reports JSON syntax errors with their position', () => {
    const [issue] = issuesOf('{\n  "id": "demo",\n  "version": 1,\n}', 'json');
    expect(issue && formatModelIssue(issue)).toBe(
      '(model): JSON syntax: expected a property name in double quotes, found "}" (line 4, column 1)',
    );
  });

  it('rejects duplicate keys in YAML and in JSON', () => {
    expect(issuesOf('id: demo\nid: other\n')[0]?.message).toMatch(/unique/);
    const [issue] = issuesOf(
      '{"id": "demo", "id": "x", "version": 1, "workspace": "a", "name": "n"}',
      'json',
    );
    expect(issue).toMatchObject({ path: 'id', line: 1, column: 16, check: 'syntax' });
  });

  it('rejects an empty document with an explanation', () => {
    expect(issuesOf('# nothing here\n')[0]?.message).toMatch(/the document is empty/);
  });

  it('carries the source name and every issue in the error message', () => {
    try {
      parseModel('id: demo\nversion: x\n', 'yaml', 'models/demo.yaml');
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(ModelValidationError);
      const e = error as ModelValidationError;
      expect(e.retriable).toBe(false);
      expect(e.message.split('\n')[0]).toBe(
        `models/demo.yaml: ${e.issues.length} problems in the scoring model:`,
      );
      expect(e.message).toContain('  - version: expected a whole number, got "x" (line 2, column 10)');
    }
  });
});

describe('semantic checks', () => {
  const base = 'id: demo\nversion: 1\nworkspace: acme\nname: Demo\n';

  it('rejects rule ids used twice, even across rule kinds', () => {
    const text = `${base}fit:
  - id: dup
    field: a
    operator: exists
    points: 1
engagement:
  - id: dup
    event: email.clicked
    points: 1
`;
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ path: 'engagement[0].id', line: 11, check: 'semantic:duplicate-rule-id' });
    expect(issue?.message).toBe(
      'duplicate rule id "dup", already used by fit[0]; rule ids must be unique across the model',
    );
  });

  it('rejects predictive feature ids used twice, and a count feature with no spread', () => {
    const text = `${base}predictive:
  intercept: -1
  features:
    - { id: saas, field: industry, value: SaaS, coefficient: 0.5 }
    - { id: saas, event: web.page_viewed, mean: 2, sd: 1, coefficient: 0.3 }
`;
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({
      path: 'predictive.features[1].id',
      check: 'semantic:duplicate-feature-id',
    });
    expect(issue?.message).toBe(
      'duplicate feature id "saas", already used by predictive.features[0]; feature ids must be unique',
    );
    const flat = `${base}predictive:\n  intercept: 0\n  features:\n    - { id: v, event: web.page_viewed, mean: 2, sd: 0, coefficient: 1 }\n`;
    expect(issuesOf(flat).length).toBeGreaterThan(0);
  });

  it('rejects overlapping grade bands', () => {
    const text = `${base}grades:\n  - { grade: A, min: 30 }\n  - { grade: B, min: 20, max: 35 }\n`;
    expect(issuesOf(text).map((i) => i.check)).toContain('semantic:grade-overlap');
  });

  it('rejects gaps between neighbouring grade bands and bands in the wrong order', () => {
    const gap = `${base}grades:\n  - { grade: A, min: 30 }\n  - { grade: B, min: 20, max: 25 }\n`;
    expect(issuesOf(gap)[0]).toMatchObject({ path: 'grades[0].min', check: 'semantic:grade-gap' });
    const order = `${base}grades:\n  - { grade: A, max: 10 }\n  - { grade: B, min: 10 }\n`;
    expect(issuesOf(order)[0]).toMatchObject({ path: 'grades[0]', check: 'semantic:grade-order' });
  });

  it('rejects tiers out of order', () => {
    const [issue] = issuesOf(`${base}tiers:\n  warm: 50\n  hot: 20\n`);
    expect(issue).toMatchObject({ path: 'tiers.hot', line: 7, check: 'semantic:tiers-order' });
  });

  it('rejects a hysteresis exit above its enter', () => {
    const text = `${base}lifecycle:\n  mql:\n    conditions:\n      - { metric: total, enter: 50, exit: 60 }\n`;
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ path: 'lifecycle.mql.conditions[0].exit', check: 'semantic:hysteresis' });
  });

  it('accepts a grade × score matrix as nested any/all groups and a recycled stage', () => {
    const text = `${valid}grades:
  - { grade: A, min: 40 }
  - { grade: B, min: 20, max: 40 }
  - { grade: C, max: 20 }
lifecycle:
  recycled: { description: nurture }
  mql:
    match: any
    conditions:
      - metric: all
        conditions:
          - { metric: grade, in: [A] }
          - { metric: total, enter: 50, exit: 40 }
      - metric: all
        conditions:
          - { metric: grade, in: [B] }
          - { metric: total, enter: 65, exit: 55 }
`;
    const model = parseModel(text, 'yaml', 'matrix.yaml');
    expect(model.lifecycle?.mql?.conditions).toHaveLength(2);
    expect(model.lifecycle?.recycled).toEqual({ description: 'nurture' });
  });

  it('accepts account scoring and checks it like the contact sections', () => {
    const accounts = `${base}accounts:
  engagement: { rollup: topMean, top: 3 }
  fit:
    - { id: saas, field: industry, operator: equals, value: Software, points: 20 }
  grades:
    - { grade: A, min: 20 }
    - { grade: B, max: 20 }
  tiers: { warm: 40, hot: 80 }
  lifecycle:
    mqa:
      conditions:
        - { metric: total, enter: 100, exit: 80 }
`;
    expect(parseModel(accounts, 'yaml', 'accounts.yaml').accounts?.engagement).toEqual({
      rollup: 'topMean',
      top: 3,
    });
    expect(issuesOf(accounts.replace('top: 3', 'top: 3 ').replace(', top: 3 ', ''))[0]).toMatchObject({
      path: 'accounts.engagement',
      check: 'semantic:rollup-top',
    });
    expect(issuesOf(accounts.replace('warm: 40, hot: 80', 'warm: 80, hot: 40'))[0]).toMatchObject({
      path: 'accounts.tiers.hot',
      check: 'semantic:tiers-order',
    });
    expect(issuesOf(accounts.replace('exit: 80', 'exit: 120'))[0]).toMatchObject({
      path: 'accounts.lifecycle.mqa.conditions[0].exit',
      check: 'semantic:hysteresis',
    });
    expect(issuesOf(accounts.replace('rollup: topMean, top: 3', 'rollup: median'))[0]).toMatchObject({
      path: 'accounts.engagement.rollup',
    });
  });

  it('rejects a hysteresis exit above its enter inside a nested group', () => {
    const text = `${base}lifecycle:\n  mql:\n    conditions:\n      - metric: any\n        conditions:\n          - { metric: fit, enter: 5, exit: 9 }\n`;
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({
      path: 'lifecycle.mql.conditions[0].conditions[0].exit',
      check: 'semantic:hysteresis',
    });
  });

  it('rejects lifecycle grade conditions on grades no band gives', () => {
    const text = `${base}lifecycle:\n  sql:\n    conditions:\n      - { metric: grade, in: [A] }\n`;
    expect(issuesOf(text)[0]?.check).toBe('semantic:undefined-grade');
  });

  it('rejects invalid regular expressions, empty ranges and contradictory limits', () => {
    const text = `${base}fit:
  - { id: r, field: a, operator: regex, pattern: "(", points: 1 }
  - { id: n, field: a, operator: range, points: 1 }
engagement:
  - id: e
    event: email.clicked
    points: 1
    limits: { once: true, lifetime: 3 }
`;
    expect(issuesOf(text).map((i) => i.check)).toEqual([
      'semantic:invalid-regex',
      'semantic:empty-range',
      'semantic:limits-contradict',
    ]);
  });
});

describe('compound conditions', () => {
  const compound = `id: demo
version: 1
workspace: acme
name: Demo
fit:
  - id: us-enterprise
    operator: all
    conditions:
      - { field: country, operator: in, values: [US, CA] }
      - operator: any
        conditions:
          - { field: company.employees, operator: range, min: 1000 }
          - { field: industry, operator: in, values: [finance, health] }
      - operator: not
        condition: { field: email, operator: regex, pattern: '@(gmail|yahoo)\\.com$' }
    points: 20
engagement:
  - id: pricing
    event: web.page_viewed
    filters:
      - operator: any
        conditions:
          - { field: path, operator: equals, value: /pricing }
          - { field: path, operator: regex, pattern: ^/plans/ }
    points: 5
`;

  it('accepts all, any and not groups in fit rules and filters', () => {
    const model = parseModel(compound, 'yaml', 'demo.yaml');
    expect(model.fit?.[0]).toMatchObject({ id: 'us-enterprise', operator: 'all', points: 20 });
    expect(model.engagement?.[0]?.filters?.[0]).toMatchObject({ operator: 'any' });
  });

  it('points at the line of a problem inside a group', () => {
    const broken = compound.replace('pattern: ^/plans/', 'pattern: ^/plans/(');
    const issues = issuesOf(broken);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      path: 'engagement[0].filters[0].conditions[1].pattern',
      line: 24,
      message: expect.stringMatching(/not a valid regular expression/),
    });
    const wrongType = issuesOf(compound.replace('min: 1000', 'min: many'));
    expect(wrongType[0]).toMatchObject({ path: 'fit[0].conditions[1].conditions[0].min', line: 12 });
    const empty = issuesOf(
      compound.replace(/conditions:\n {6}- \{ field: country[^\n]*\n/, 'conditions: []\n'),
    );
    expect(empty.length).toBeGreaterThan(0);
  });

  it('refuses groups nested deeper than four, at the line of the fifth', () => {
    const nested = (depth: number, indent: string): string =>
      depth === 0
        ? `${indent}- { field: country, operator: equals, value: US }\n`
        : `${indent}- operator: all\n${indent}  conditions:\n${nested(depth - 1, `${indent}    `)}`;
    const model = (groups: number) =>
      `id: demo\nversion: 1\nworkspace: acme\nname: Demo\nengagement:\n  - id: deep\n    event: web.page_viewed\n    filters:\n${nested(groups, '      ')}    points: 1\n`;
    expect(() => parseModel(model(4), 'yaml', 'demo.yaml')).not.toThrow();
    const issues = issuesOf(model(5));
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'engagement[0].filters[0].conditions[0].conditions[0].conditions[0].conditions[0].operator',
        line: 17,
        message: expect.stringMatching(/nest at most 4 deep/),
      }),
    ]);
  });
});

describe('points from a value', () => {
  const model = `id: demo
version: 1
workspace: acme
name: Demo
engagement:
  - id: order-value
    event: custom.Order Placed
    points:
      from: amount
      per: 10
      min: 50
      max: 5
`;

  it('accepts a fixed number or a computed value, and refuses a floor above the ceiling at its line', () => {
    expect(() => parseModel(model.replace('min: 50', 'min: 0'), 'yaml', 'demo.yaml')).not.toThrow();
    expect(issuesOf(model)).toEqual([
      expect.objectContaining({
        path: 'engagement[0].points.min',
        line: 11,
        message: expect.stringMatching(/above max/),
      }),
    ]);
    expect(issuesOf(model.replace('per: 10', 'per: 0'))[0]).toMatchObject({
      path: 'engagement[0].points.per',
      line: 10,
    });
  });
});

describe('score groups', () => {
  const model = `id: demo
version: 1
workspace: acme
name: Demo
groups:
  - { id: firmographics, max: 40 }
  - { id: email, max: 30, min: -20 }
fit:
  - { id: big, field: employees, operator: range, min: 1000, points: 20, group: firmographics }
engagement:
  - { id: click, event: email.clicked, points: 5, group: email }
`;

  it('accepts rules in groups of their own kind', () => {
    expect(parseModel(model, 'yaml', 'demo.yaml').groups).toEqual([
      { id: 'firmographics', max: 40 },
      { id: 'email', max: 30, min: -20 },
    ]);
  });

  it('refuses an unknown group, a group of both kinds and a duplicate id, each at its line', () => {
    expect(issuesOf(model.replace('group: email }', 'group: emails }'))).toEqual([
      expect.objectContaining({
        path: 'engagement[0].group',
        line: 11,
        message: expect.stringMatching(/no group "emails".*"firmographics", "email"/),
      }),
    ]);
    expect(issuesOf(model.replace('group: email }', 'group: firmographics }'))).toEqual([
      expect.objectContaining({
        path: 'engagement[0].group',
        line: 11,
        message: expect.stringMatching(/not both/),
      }),
    ]);
    expect(issuesOf(model.replace('id: email,', 'id: firmographics,'))).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'groups[1].id', line: 7 })]),
    );
    expect(issuesOf(model.replace('min: -20', 'min: 5'))[0]).toMatchObject({
      path: 'groups[1].min',
      line: 7,
    });
  });
});

describe('frequency points', () => {
  const model = `id: demo
version: 1
workspace: acme
name: Demo
engagement:
  - id: pricing-frequency
    event: web.page_viewed
    points:
      withinDays: 30
      ranges:
        - { min: 1, max: 2, points: 5 }
        - { min: 3, max: 5, points: 10 }
        - { min: 6, points: 20 }
`;

  it('accepts ranges that go up without overlapping, the last open-ended', () => {
    expect(parseModel(model, 'yaml', 'demo.yaml').engagement?.[0]?.points).toEqual({
      withinDays: 30,
      ranges: [
        { min: 1, max: 2, points: 5 },
        { min: 3, max: 5, points: 10 },
        { min: 6, points: 20 },
      ],
    });
  });

  it('refuses overlapping, inverted and open ranges before the last, each at its line', () => {
    expect(issuesOf(model.replace('min: 3, max: 5', 'min: 2, max: 5'))).toEqual([
      expect.objectContaining({
        path: 'engagement[0].points.ranges[1].min',
        line: 12,
        check: 'semantic:overlapping-ranges',
        message: expect.stringMatching(/previous range's max \(2\).*min: 3/),
      }),
    ]);
    expect(issuesOf(model.replace('min: 3, max: 5', 'min: 5, max: 3'))[0]).toMatchObject({
      path: 'engagement[0].points.ranges[1].min',
      check: 'semantic:inverted-range',
    });
    expect(issuesOf(model.replace('min: 1, max: 2,', 'min: 1,'))[0]).toMatchObject({
      path: 'engagement[0].points.ranges[1]',
      line: 12,
      check: 'semantic:open-range',
    });
    expect(issuesOf(model.replace('min: 1, max: 2', 'min: 0, max: 2'))[0]).toMatchObject({
      path: 'engagement[0].points.ranges[0].min',
      line: 11,
    });
  });

  it('refuses limits and a points lifetime on a frequency rule', () => {
    const limited = model.replace(
      '    points:\n',
      '    limits: { perDay: 1 }\n    expiresAfterDays: 7\n    points:\n',
    );
    expect(issuesOf(limited)).toEqual([
      expect.objectContaining({ path: 'engagement[0].limits', check: 'semantic:frequency-limits' }),
      expect.objectContaining({
        path: 'engagement[0].expiresAfterDays',
        check: 'semantic:frequency-lifetime',
      }),
    ]);
  });
});

describe('named tiers', () => {
  const model = `id: demo
version: 1
workspace: acme
name: Demo
tiers:
  - { id: nurture, countsAs: cold }
  - { id: engaged, countsAs: warm, enter: 25, exit: 20 }
  - { id: active, countsAs: warm, enter: 45, exit: 40 }
  - { id: sales-ready, countsAs: hot, enter: 70, exit: 60 }
`;

  it('accepts ordered tiers, and the cold/warm/hot form as before', () => {
    expect(parseModel(model, 'yaml', 'demo.yaml').tiers).toHaveLength(4);
    const classic = model.slice(0, model.indexOf('tiers:')) + 'tiers: { warm: 20, hot: 50 }\n';
    expect(parseModel(classic, 'yaml', 'demo.yaml').tiers).toEqual({ warm: 20, hot: 50 });
  });

  it('refuses tiers out of order, exits above enters and v1 tiers that go down, each at its line', () => {
    expect(issuesOf(model.replace('enter: 45, exit: 40', 'enter: 25, exit: 20'))).toEqual([
      expect.objectContaining({ path: 'tiers[2].enter', line: 8, check: 'semantic:tiers-order' }),
    ]);
    expect(issuesOf(model.replace('exit: 60', 'exit: 75'))).toEqual([
      expect.objectContaining({ path: 'tiers[3].exit', line: 9, check: 'semantic:hysteresis' }),
    ]);
    expect(issuesOf(model.replace('active, countsAs: warm', 'active, countsAs: cold'))).toEqual([
      expect.objectContaining({
        path: 'tiers[2].countsAs',
        line: 8,
        message: expect.stringMatching(/never goes down/),
      }),
    ]);
  });

  it('refuses a threshold on the first tier, a later tier without one, a duplicate and a misleading name', () => {
    expect(
      issuesOf(
        model.replace('{ id: nurture, countsAs: cold }', '{ id: nurture, countsAs: cold, enter: 0 }'),
      )[0],
    ).toMatchObject({
      path: 'tiers[0].enter',
      check: 'semantic:first-tier-threshold',
    });
    expect(issuesOf(model.replace('enter: 25, exit: 20', 'exit: 20'))[0]).toMatchObject({
      path: 'tiers[1]',
      check: 'semantic:missing-enter',
    });
    expect(issuesOf(model.replace('id: active', 'id: engaged'))[0]).toMatchObject({
      path: 'tiers[2].id',
      check: 'semantic:duplicate-tier',
    });
    expect(issuesOf(model.replace('id: engaged', 'id: hot'))[0]).toMatchObject({
      path: 'tiers[1].countsAs',
      message: expect.stringMatching(/must count as "hot"/),
    });
    expect(issuesOf(model.replace('id: engaged', 'id: Engaged'))[0]).toMatchObject({ path: 'tiers[1].id' });
  });
});
