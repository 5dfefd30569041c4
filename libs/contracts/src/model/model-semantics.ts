import {
  type AccountScoring,
  type Condition,
  type EngagementRule,
  type FitRule,
  type FrequencyPoints,
  type FrequencyRange,
  type GradeBand,
  type LifecycleCondition,
  type NamedTiers,
  type RuleLimits,
  type ScoringModel,
  type ValuePoints,
} from '../generated/model.js';
import { pointerOf } from './model-path.js';
import { type ModelProblem } from './model-problem.js';

/**
 * Checks a schema-valid model for what JSON Schema cannot express: duplicate rule ids, grade bands that
 * overlap, leave gaps or are out of order, tiers out of order, hysteresis exits above their enters,
 * empty or inverted ranges, invalid regular expressions (inside groups too), groups of conditions nested
 * too deep, contradictory caps and limits.
 */
/** Records a problem at the path of `segments`. */
type Report = (check: string, message: string, ...segments: (string | number)[]) => void;

/** How deep `all` / `any` / `not` groups of conditions may nest (a group inside a group is depth 2). */
export const MAX_CONDITION_DEPTH = 4;

export function semanticProblems(model: ScoringModel): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const report = (check: string, message: string, ...segments: (string | number)[]): void => {
    problems.push({ pointer: pointerOf(...segments), part: 'value', message, check: `semantic:${check}` });
  };

  // Rule ids are unique across every kind of rule: explanations and counters are keyed by them.
  const firstUse = new Map<string, string>();
  const sections = [
    ['fit', model.fit ?? []],
    ['engagement', model.engagement ?? []],
    ['absence', model.absence ?? []],
    ['inactivity', model.inactivity ?? []],
  ] as const;
  for (const [section, rules] of sections) {
    rules.forEach((rule: { id: string }, index: number) => {
      const where = `${section}[${index}]`;
      const earlier = firstUse.get(rule.id);
      if (earlier)
        report(
          'duplicate-rule-id',
          `duplicate rule id "${rule.id}", already used by ${earlier}; rule ids must be unique across the model`,
          section,
          index,
          'id',
        );
      else firstUse.set(rule.id, where);
    });
  }

  const checkCondition = (condition: Condition | FitRule, ...at: (string | number)[]): void =>
    checkNested(condition, 0, at);
  // Groups (`all`, `any`, `not`) nest at most MAX_CONDITION_DEPTH deep: deeper logic is unreadable, and
  // a bound keeps evaluation and validation of hostile models cheap.
  const checkNested = (condition: Condition | FitRule, depth: number, at: (string | number)[]): void => {
    if (condition.operator === 'all' || condition.operator === 'any' || condition.operator === 'not') {
      if (depth === MAX_CONDITION_DEPTH) {
        report(
          'condition-depth',
          `groups of conditions nest at most ${MAX_CONDITION_DEPTH} deep; this "${condition.operator}" is group ${depth + 1}: flatten it (e.g. merge nested "all" groups into one)`,
          ...at,
          'operator',
        );
        return;
      }
      if (condition.operator === 'not') checkNested(condition.condition, depth + 1, [...at, 'condition']);
      else
        condition.conditions.forEach((inner, i) => checkNested(inner, depth + 1, [...at, 'conditions', i]));
      return;
    }
    if (condition.operator === 'range') {
      if (condition.min === undefined && condition.max === undefined)
        report('empty-range', 'a range needs "min", "max" or both', ...at);
      else if (condition.min !== undefined && condition.max !== undefined && condition.min > condition.max) {
        report(
          'inverted-range',
          `min (${condition.min}) is above max (${condition.max}); nothing can match`,
          ...at,
          'min',
        );
      }
    }
    if (condition.operator === 'regex') {
      try {
        new RegExp(condition.pattern, condition.flags ?? '');
      } catch (error) {
        report(
          'invalid-regex',
          `not a valid regular expression: ${(error as Error).message}`,
          ...at,
          'pattern',
        );
      }
    }
  };
  const checkPoints = (points: number | ValuePoints, ...at: (string | number)[]): void => {
    if (typeof points === 'number' || points.min === undefined || points.max === undefined) return;
    if (points.min > points.max)
      report(
        'inverted-points',
        `min (${points.min}) is above max (${points.max}); the rule could give no points at all`,
        ...at,
        'min',
      );
  };
  (model.fit ?? []).forEach((rule, index) => {
    checkCondition(rule, 'fit', index);
    checkPoints(rule.points, 'fit', index, 'points');
  });
  (model.engagement ?? []).forEach((rule, index) => {
    (rule.filters ?? []).forEach((filter, f) => checkCondition(filter, 'engagement', index, 'filters', f));
    checkLimits(rule.limits, report, 'engagement', index, 'limits');
    if (typeof rule.points === 'object' && 'ranges' in rule.points)
      checkFrequency(rule, report, 'engagement', index);
    else checkPoints(rule.points, 'engagement', index, 'points');
  });
  (model.absence ?? []).forEach((rule, index) => {
    for (const part of ['trigger', 'expect'] as const) {
      (rule[part].filters ?? []).forEach((filter, f) =>
        checkCondition(filter, 'absence', index, part, 'filters', f),
      );
    }
  });

  checkGroups(model, report);

  checkGrades(model.grades ?? [], report);

  if (Array.isArray(model.tiers)) checkNamedTiers(model.tiers, report);
  else if (model.tiers && model.tiers.hot <= model.tiers.warm) {
    report(
      'tiers-order',
      `hot (${model.tiers.hot}) must be above warm (${model.tiers.warm})`,
      'tiers',
      'hot',
    );
  }
  const caps = model.caps;
  if (
    caps?.minEngagement !== undefined &&
    caps.maxEngagement !== undefined &&
    caps.minEngagement > caps.maxEngagement
  ) {
    report(
      'caps-order',
      `minEngagement (${caps.minEngagement}) is above maxEngagement (${caps.maxEngagement})`,
      'caps',
      'minEngagement',
    );
  }
  if (caps?.minTotal !== undefined && caps.maxTotal !== undefined && caps.minTotal > caps.maxTotal) {
    report(
      'caps-order',
      `minTotal (${caps.minTotal}) is above maxTotal (${caps.maxTotal})`,
      'caps',
      'minTotal',
    );
  }

  const definedGrades = new Set((model.grades ?? []).map((band) => band.grade));
  for (const stage of ['mql', 'sql'] as const) {
    checkStageConditions(model.lifecycle?.[stage]?.conditions ?? [], definedGrades, report, [
      'lifecycle',
      stage,
      'conditions',
    ]);
  }
  if (model.accounts) checkAccounts(model.accounts, report, checkCondition);
  // Contributions to the predictive score are keyed by feature id, as points are by rule id.
  const firstFeature = new Map<string, number>();
  (model.predictive?.features ?? []).forEach((feature, index) => {
    const earlier = firstFeature.get(feature.id);
    if (earlier === undefined) firstFeature.set(feature.id, index);
    else
      report(
        'duplicate-feature-id',
        `duplicate feature id "${feature.id}", already used by predictive.features[${earlier}]; feature ids must be unique`,
        'predictive',
        'features',
        index,
        'id',
      );
  });
  return problems;
}

/**
 * A frequency rule's ranges go up without overlapping (each count falls in one range at most), only the
 * last is open-ended, and the rule has no limits or lifetime of its own: its ranges say when it gives
 * points and its window when they end.
 */
function checkFrequency(rule: EngagementRule, report: Report, ...at: (string | number)[]): void {
  const points = rule.points as FrequencyPoints;
  let below: FrequencyRange | undefined;
  points.ranges.forEach((range, r) => {
    const where = [...at, 'points', 'ranges', r];
    if (range.max !== undefined && range.min > range.max)
      report(
        'inverted-range',
        `min (${range.min}) is above max (${range.max}); no count can match`,
        ...where,
        'min',
      );
    if (below !== undefined) {
      if (below.max === undefined)
        report(
          'open-range',
          `only the last range may leave out "max": the range before this one already covers every count from ${below.min}`,
          ...where,
        );
      else if (range.min <= below.max)
        report(
          'overlapping-ranges',
          `min (${range.min}) is not above the previous range's max (${below.max}); ranges go up without overlapping, e.g. min: ${below.max + 1}`,
          ...where,
          'min',
        );
    }
    below = range;
  });
  if (rule.limits !== undefined)
    report(
      'frequency-limits',
      'a frequency rule gives points when the count enters a range, once per entry: it takes no "limits" (remove them, or use plain points)',
      ...at,
      'limits',
    );
  if (rule.expiresAfterDays !== undefined)
    report(
      'frequency-lifetime',
      'a frequency rule\'s points end when the count leaves their range as the window slides (`takeBack`): it takes no "expiresAfterDays"',
      ...at,
      'expiresAfterDays',
    );
}

const V1_TIERS = ['cold', 'warm', 'hot'] as const;

/**
 * Named tiers go up: the first is where every contact starts (no thresholds), each later one has an
 * `enter` above the one before and an `exit` at or below its `enter`; what they count as in the v1
 * events never goes down; names are unique, and cold, warm or hot name only themselves.
 */
function checkNamedTiers(tiers: NamedTiers, report: Report): void {
  const seen = new Set<string>();
  tiers.forEach((tier, index) => {
    if (seen.has(tier.id)) report('duplicate-tier', `duplicate tier "${tier.id}"`, 'tiers', index, 'id');
    seen.add(tier.id);
    if ((V1_TIERS as readonly string[]).includes(tier.id) && tier.countsAs !== tier.id)
      report(
        'tier-counts-as',
        `a tier named "${tier.id}" must count as "${tier.id}" (v1 consumers would read "${tier.countsAs}"); rename it or set countsAs: ${tier.id}`,
        'tiers',
        index,
        'countsAs',
      );
    const below = tiers[index - 1];
    if (below === undefined) {
      if (tier.enter !== undefined || tier.exit !== undefined)
        report(
          'first-tier-threshold',
          `the first tier ("${tier.id}") is where every contact starts: remove its ${tier.enter !== undefined ? '"enter"' : '"exit"'}, or add a lower tier before it`,
          'tiers',
          index,
          tier.enter !== undefined ? 'enter' : 'exit',
        );
      return;
    }
    if (V1_TIERS.indexOf(tier.countsAs) < V1_TIERS.indexOf(below.countsAs))
      report(
        'tier-counts-as',
        `"${tier.id}" counts as ${tier.countsAs}, below the ${below.countsAs} of "${below.id}" under it: tiers go up, so what they count as never goes down`,
        'tiers',
        index,
        'countsAs',
      );
    if (tier.enter === undefined) {
      report(
        'missing-enter',
        `"${tier.id}" needs an "enter": the total at which contacts reach it`,
        'tiers',
        index,
      );
      return;
    }
    if (below.enter !== undefined && tier.enter <= below.enter)
      report(
        'tiers-order',
        `enter (${tier.enter}) must be above the enter of "${below.id}" (${below.enter}): tiers are listed lowest first`,
        'tiers',
        index,
        'enter',
      );
    if (tier.exit !== undefined && tier.exit > tier.enter)
      report(
        'hysteresis',
        `exit (${tier.exit}) is above enter (${tier.enter}); a contact would leave the tier while still qualifying for it. Use an exit at or below the enter value`,
        'tiers',
        index,
        'exit',
      );
  });
}

function checkLimits(limits: RuleLimits | undefined, report: Report, ...at: (string | number)[]): void {
  if (limits?.once === true && limits.lifetime !== undefined && limits.lifetime > 1) {
    report(
      'limits-contradict',
      `"once: true" allows one award but "lifetime" allows ${limits.lifetime}; keep one of them`,
      ...at,
      'lifetime',
    );
  }
}

const GRADE_ORDER = ['A', 'B', 'C', 'D', 'E', 'F'];

function checkGrades(bands: readonly GradeBand[], report: Report): void {
  const low = (band: GradeBand): number => band.min ?? -Infinity;
  const high = (band: GradeBand): number => band.max ?? Infinity;
  const seen = new Map<string, number>();
  bands.forEach((band, index) => {
    const earlier = seen.get(band.grade);
    if (earlier !== undefined)
      report(
        'grade-duplicate',
        `grade ${band.grade} already has a band (grades[${earlier}])`,
        'grades',
        index,
        'grade',
      );
    else seen.set(band.grade, index);
    if (low(band) >= high(band))
      report(
        'grade-empty',
        `min (${band.min}) must be below max (${band.max}): the band [min, max) is empty`,
        'grades',
        index,
        'min',
      );
  });
  for (let i = 0; i < bands.length; i++) {
    for (let j = i + 1; j < bands.length; j++) {
      const a = bands[i];
      const b = bands[j];
      if (!a || !b || a.grade === b.grade) continue;
      if (low(a) < high(b) && low(b) < high(a)) {
        report(
          'grade-overlap',
          `grade ${b.grade} [${b.min ?? '-∞'}, ${b.max ?? '∞'}) overlaps grade ${a.grade} (grades[${i}]) [${a.min ?? '-∞'}, ${a.max ?? '∞'}); a fit score must have one grade`,
          'grades',
          j,
        );
      }
    }
  }
  // Better letters sit higher, without gaps between neighbouring letters.
  const byLetter = bands
    .map((band, index) => ({ band, index }))
    .filter(({ band, index }) => seen.get(band.grade) === index)
    .sort((x, y) => GRADE_ORDER.indexOf(x.band.grade) - GRADE_ORDER.indexOf(y.band.grade));
  for (let k = 1; k < byLetter.length; k++) {
    const better = byLetter[k - 1];
    const worse = byLetter[k];
    if (!better || !worse) continue;
    if (low(better.band) < high(worse.band)) {
      if (high(better.band) <= low(worse.band)) {
        report(
          'grade-order',
          `grade ${better.band.grade} must cover higher fit scores than grade ${worse.band.grade} (grades[${worse.index}])`,
          'grades',
          better.index,
        );
      }
    } else if (low(better.band) > high(worse.band)) {
      report(
        'grade-gap',
        `fit scores from ${worse.band.max} up to ${better.band.min} fall between grade ${worse.band.grade} and grade ${better.band.grade}; make grade ${worse.band.grade}'s max equal grade ${better.band.grade}'s min`,
        'grades',
        better.index,
        'min',
      );
    }
  }
}

/**
 * Score groups: unique ids, floors not above ceilings, every rule's `group` known, and a group holding
 * fit rules or engagement rules, not both (fit never decays while engagement does: one limit over both
 * would move with time).
 */
function checkGroups(model: ScoringModel, report: Report): void {
  const groups = new Map<string, 'fit' | 'engagement' | undefined>();
  (model.groups ?? []).forEach((group, index) => {
    if (groups.has(group.id))
      report('duplicate-group-id', `duplicate group id "${group.id}"`, 'groups', index, 'id');
    groups.set(group.id, undefined);
    if (group.min !== undefined && group.max !== undefined && group.min > group.max)
      report('inverted-group', `min (${group.min}) is above max (${group.max})`, 'groups', index, 'min');
  });
  const known = [...groups.keys()].map((id) => `"${id}"`).join(', ');
  const check = (kind: 'fit' | 'engagement', rules: readonly { group?: string }[]): void =>
    rules.forEach((rule, index) => {
      if (rule.group === undefined) return;
      if (!groups.has(rule.group)) {
        report(
          'unknown-group',
          `no group "${rule.group}" in "groups"${known ? `; the model has ${known}` : '; declare it there'}`,
          kind,
          index,
          'group',
        );
        return;
      }
      const holds = groups.get(rule.group);
      if (holds === undefined) groups.set(rule.group, kind);
      else if (holds !== kind)
        report(
          'mixed-group',
          `group "${rule.group}" already holds ${holds} rules; a group holds fit rules or engagement rules, not both (fit never decays, engagement does): give this rule a group of its own kind`,
          kind,
          index,
          'group',
        );
    });
  check('fit', model.fit ?? []);
  check('engagement', model.engagement ?? []);
}

/** Lifecycle stage conditions: grades that some band gives, exits at or below their enters. */
function checkStageConditions(
  conditions: readonly LifecycleCondition[],
  definedGrades: ReadonlySet<string>,
  report: Report,
  path: readonly (string | number)[],
): void {
  conditions.forEach((condition, index) => {
    if ('conditions' in condition) {
      checkStageConditions(condition.conditions, definedGrades, report, [...path, index, 'conditions']);
    } else if (condition.metric === 'grade') {
      condition.in.forEach((grade, g) => {
        if (!definedGrades.has(grade)) {
          report(
            'undefined-grade',
            `grade "${grade}" is not given by any band in "grades", so this condition could never hold for it`,
            ...path,
            index,
            'in',
            g,
          );
        }
      });
    } else if (condition.exit > condition.enter) {
      report(
        'hysteresis',
        `exit (${condition.exit}) is above enter (${condition.enter}); a contact would leave the stage while still qualifying for it. Use an exit at or below the enter value`,
        ...path,
        index,
        'exit',
      );
    }
  });
}

/**
 * Account scoring: `topMean` says how many members count, account fit rules have unique ids and sound
 * conditions, account grades and tiers follow the rules of the contact ones, the MQA has hysteresis.
 */
function checkAccounts(
  accounts: AccountScoring,
  report: Report,
  checkCondition: (condition: Condition | FitRule, ...at: (string | number)[]) => void,
): void {
  const inAccounts: Report = (check, message, ...segments) => report(check, message, 'accounts', ...segments);
  if (accounts.engagement.rollup === 'topMean' && accounts.engagement.top === undefined)
    inAccounts(
      'rollup-top',
      'topMean needs "top": how many of the highest members count (e.g. top: 3)',
      'engagement',
    );
  if (accounts.engagement.rollup !== 'topMean' && accounts.engagement.top !== undefined)
    inAccounts(
      'rollup-top',
      `"top" only applies to topMean; ${accounts.engagement.rollup} reads every member: remove it`,
      'engagement',
      'top',
    );
  const seen = new Set<string>();
  (accounts.fit ?? []).forEach((rule, index) => {
    if (seen.has(rule.id))
      inAccounts('duplicate-rule-id', `duplicate account fit rule id "${rule.id}"`, 'fit', index, 'id');
    seen.add(rule.id);
    checkCondition(rule, 'accounts', 'fit', index);
  });
  checkGrades(accounts.grades ?? [], inAccounts);
  if (Array.isArray(accounts.tiers)) checkNamedTiers(accounts.tiers, inAccounts);
  else if (accounts.tiers && accounts.tiers.hot <= accounts.tiers.warm)
    inAccounts(
      'tiers-order',
      `hot (${accounts.tiers.hot}) must be above warm (${accounts.tiers.warm})`,
      'tiers',
      'hot',
    );
  const definedGrades = new Set((accounts.grades ?? []).map((band) => band.grade));
  checkStageConditions(accounts.lifecycle?.mqa?.conditions ?? [], definedGrades, report, [
    'accounts',
    'lifecycle',
    'mqa',
    'conditions',
  ]);
}
