import { type Condition, type FitRule } from '@leadscore/contracts';

const compiledPatterns = new WeakMap<object, RegExp>();

function patternOf(condition: { pattern: string; flags?: string }): RegExp {
  let pattern = compiledPatterns.get(condition);
  if (!pattern) {
    pattern = new RegExp(condition.pattern, condition.flags ?? '');
    compiledPatterns.set(condition, pattern);
  }
  return pattern;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The value at a dot path (`address.state`) in plain data; own properties only. A key that holds dots
 * itself matches too: profiles keep traits flattened (`{"company.employees": 250}`, as the Segment
 * mapping writes them), events keep them nested; the longest such key wins at each level.
 */
export function fieldAt(root: unknown, path: string): unknown {
  return valueAt(root, path.split('.'), 0);
}

function valueAt(current: unknown, segments: readonly string[], from: number): unknown {
  if (from === segments.length) return current;
  if (!isRecord(current)) return undefined;
  for (let to = segments.length; to > from; to--) {
    const key = to === from + 1 ? (segments[from] ?? '') : segments.slice(from, to).join('.');
    if (!Object.hasOwn(current, key)) continue;
    const found = valueAt(current[key], segments, to);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A finite number, or numeric text as its number; undefined otherwise. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

function same(actual: unknown, expected: string | number | boolean, ignoreCase: boolean): boolean {
  if (typeof expected === 'number') return asNumber(actual) === expected;
  if (typeof expected === 'boolean')
    return actual === expected || (typeof actual === 'string' && actual.toLowerCase() === String(expected));
  if (typeof actual === 'number' || typeof actual === 'boolean') return String(actual) === expected;
  if (typeof actual !== 'string') return false;
  return ignoreCase ? actual.toLowerCase() === expected.toLowerCase() : actual === expected;
}

/** Whether a value equals `expected` as an `equals` condition (case-sensitive) compares them. */
export function equalsHolds(value: unknown, expected: string | number | boolean): boolean {
  return anyElement(value, (v) => same(v, expected, false));
}

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

/** For a list field, a condition holds when any element satisfies it (tags, multi-selects). */
function anyElement(value: unknown, test: (element: unknown) => boolean): boolean {
  return Array.isArray(value) ? value.some(test) : test(value);
}

/**
 * Whether a fit rule's or a filter's condition holds in `root`: for a condition on one field, of the value
 * it names; for a group, of its conditions (`all`, `any`, `not`; their nesting is bounded by the model's
 * validation).
 */
export function conditionHolds(condition: Condition | FitRule, root: unknown): boolean {
  if (condition.operator === 'all') return condition.conditions.every((inner) => conditionHolds(inner, root));
  if (condition.operator === 'any') return condition.conditions.some((inner) => conditionHolds(inner, root));
  if (condition.operator === 'not') return !conditionHolds(condition.condition, root);
  return fieldConditionHolds(condition, root);
}

type FieldCondition = Exclude<Condition | FitRule, { operator: 'all' | 'any' | 'not' }>;

function fieldConditionHolds(condition: FieldCondition, root: unknown): boolean {
  const value = fieldAt(root, condition.field);
  let holds: boolean;
  switch (condition.operator) {
    case 'exists':
      holds = isPresent(value);
      break;
    case 'equals':
      holds = anyElement(value, (v) => same(v, condition.value, condition.ignoreCase === true));
      break;
    case 'in':
      holds = anyElement(value, (v) =>
        condition.values.some((accepted) => same(v, accepted, condition.ignoreCase === true)),
      );
      break;
    case 'range':
      holds = anyElement(value, (v) => {
        const n = asNumber(v);
        return (
          n !== undefined &&
          (condition.min === undefined || n >= condition.min) &&
          (condition.max === undefined || n <= condition.max)
        );
      });
      break;
    case 'regex':
      holds = anyElement(
        value,
        (v) =>
          (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') &&
          patternOf(condition).test(String(v)),
      );
      break;
  }
  return condition.negate === true ? !holds : holds;
}

/** All filters hold (no filters: always). */
export function filtersHold(filters: readonly Condition[] | undefined, data: unknown): boolean {
  return (filters ?? []).every((filter) => conditionHolds(filter, data));
}
