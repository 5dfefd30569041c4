import { type ScoringModel } from '../generated/model.js';
import {
  type ModelDiff,
  type ModelFieldChange,
  type ModelRuleChange,
  type ModelRuleRef,
  type ModelRuleSection,
  type ModelSectionChange,
} from '../generated/model-diff.js';

type JsonValue = NonNullable<ModelFieldChange['to']> | null;

const RULE_SECTIONS: readonly ModelRuleSection[] = ['fit', 'engagement', 'absence', 'inactivity'];
const OTHER_SECTIONS: readonly ModelSectionChange['section'][] = [
  'name',
  'description',
  'grades',
  'decay',
  'caps',
  'tiers',
  'lifecycle',
  'schedule',
];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function memberPath(parent: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

function change(path: string, from: JsonValue | undefined, to: JsonValue | undefined): ModelFieldChange {
  return { path, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/**
 * The fields in which `to` differs from `from`, each with its path below `path`. Objects are compared
 * key by key; lists of the same length item by item, lists of different lengths whole (an inserted
 * item would otherwise show as every later item changed).
 */
function fieldChanges(
  path: string,
  from: JsonValue | undefined,
  to: JsonValue | undefined,
): ModelFieldChange[] {
  if (isObject(from) && isObject(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
    return keys.flatMap((key) => fieldChanges(memberPath(path, key), from[key], to[key]));
  }
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length)
    return from.flatMap((item, index) =>
      fieldChanges(`${path}[${index}]`, item as JsonValue, to[index] as JsonValue),
    );
  if (from === to) return [];
  if (from !== undefined && to !== undefined && JSON.stringify(from) === JSON.stringify(to)) return [];
  return [change(path, from, to)];
}

function rulesOf(
  model: ScoringModel | undefined,
  section: ModelRuleSection,
): Map<string, Record<string, JsonValue>> {
  // Every rule has a string id (the schema requires it).
  const rules: readonly { id: string }[] = model?.[section] ?? [];
  return new Map(rules.map((rule) => [rule.id, rule as unknown as Record<string, JsonValue>]));
}

/**
 * What changes when `to` replaces `from` (undefined: no version is live, so every rule is added).
 * Rules are matched by section and id, so reordering them changes nothing; `id`, `version`,
 * `workspace` and `$schema` are not content. Pure: no I/O, the inputs are not modified.
 */
export function diffModels(from: ScoringModel | undefined, to: ScoringModel): ModelDiff {
  const added: ModelRuleRef[] = [];
  const removed: ModelRuleRef[] = [];
  const changed: ModelRuleChange[] = [];
  for (const section of RULE_SECTIONS) {
    const before = rulesOf(from, section);
    const after = rulesOf(to, section);
    for (const [id, rule] of after) {
      const old = before.get(id);
      if (!old) added.push({ section, id, rule });
      else {
        const changes = fieldChanges('', old, rule);
        if (changes.length > 0) changed.push({ section, id, changes });
      }
    }
    for (const [id, rule] of before) if (!after.has(id)) removed.push({ section, id, rule });
  }
  const sections: ModelSectionChange[] = [];
  for (const section of OTHER_SECTIONS) {
    const changes = fieldChanges(
      section,
      from?.[section] as JsonValue | undefined,
      to[section] as JsonValue | undefined,
    );
    if (changes.length > 0) sections.push({ section, changes });
  }
  return {
    modelId: to.id,
    fromVersion: from?.version ?? null,
    toVersion: to.version,
    unchanged: added.length + removed.length + changed.length + sections.length === 0,
    rules: { added, removed, changed },
    sections,
  };
}
