import { describe, expect, it } from '@jest/globals';
import { parseModel, type Condition, type ScoringModel } from '@leadscore/contracts';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyEvent } from '../src/apply-event.js';
import { emptyState } from '../src/contact-score.state.js';
import { explainAt } from '../src/explain-score.js';
import { refit } from '../src/refit.js';
import { scoreAt } from '../src/score-at.js';
import { roundScore } from '../src/score.js';
import { advanceTo } from '../src/time-effects.js';
import { days, T0 } from './scoring-fixtures.js';

/**
 * Pins what every example model (examples/models/*.yaml) gives one scripted contact, so that changes to
 * the model language (issue #26: groups, count rules, value points, compound conditions, named tiers)
 * keep every existing model's meaning: the same events give the same scores, tiers and grades, at the
 * same times. The script is derived from each model's own rules; the pinned figures are in the snapshot.
 */
const folder = fileURLToPath(new URL('../../../examples/models/', import.meta.url));
const examples = readdirSync(folder)
  .filter((file) => file.endsWith('.yaml'))
  .sort();

/** A value for which a simple condition holds (regexes get a string that may or may not match: pinned either way). */
function dataFor(conditions: readonly Condition[] | undefined): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const condition of conditions ?? []) {
    if (!('field' in condition) || condition.negate === true) continue;
    const value =
      condition.operator === 'equals'
        ? condition.value
        : condition.operator === 'in'
          ? condition.values[0]
          : condition.operator === 'range'
            ? (condition.min ?? condition.max)
            : condition.operator === 'regex'
              ? condition.pattern.replace(/[\^$\\()|?*+[\]{}]/g, '')
              : 'present';
    data[condition.field] = value;
  }
  return data;
}

/** Every engagement rule's event twice (days 0 and 1), every absence trigger once (day 2); read from day 3 on. */
function scriptOf(model: ScoringModel) {
  const events = [
    ...(model.engagement ?? []).flatMap((rule, index) =>
      [0, 1].map((day) => ({
        at: days(day) + index * 60_000,
        event: { id: `${rule.id}-${day}`, type: rule.event, data: dataFor(rule.filters) },
      })),
    ),
    ...(model.absence ?? []).map((rule, index) => ({
      at: days(2) + index * 60_000,
      event: { id: `${rule.id}-trigger`, type: rule.trigger.event, data: dataFor(rule.trigger.filters) },
    })),
  ];
  return events.sort((a, b) => a.at - b.at);
}

function profileOf(model: ScoringModel): Record<string, unknown> {
  return Object.assign(
    {},
    ...(model.fit ?? []).map((rule) => ('field' in rule ? dataFor([rule as Condition]) : {})),
  ) as Record<string, unknown>;
}

describe('the example models keep their meaning', () => {
  it.each(examples)('%s scores its scripted contact as pinned', (file) => {
    const model = parseModel(readFileSync(`${folder}${file}`, 'utf8'), 'yaml', file);
    let state = refit(model, emptyState(model, T0), profileOf(model), T0).state;
    for (const { at, event } of scriptOf(model)) state = applyEvent(model, state, event, at).state;
    const pinned = [3, 10, 40, 100].map((day) => {
      const at = days(day) + 3_600_000;
      const score = scoreAt(model, advanceTo(model, state, at).state, at);
      return {
        day,
        fit: roundScore(score.fit),
        engagement: roundScore(score.engagement),
        total: roundScore(score.total),
        tier: score.tier,
        ...(score.tierName === undefined ? {} : { tierName: score.tierName }),
        grade: score.grade,
      };
    });
    const rules = explainAt(model, state, days(3)).contributions.map((c) => [c.ruleId, c.points]);
    expect({ pinned, rules }).toMatchSnapshot();
  });
});
