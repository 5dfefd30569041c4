import { type ErrorObject } from 'ajv/dist/2020.js';
import { escapePointerSegment as escape } from './model-path.js';
import { type ModelProblem } from './model-problem.js';

type Schema = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Turns Ajv errors (allErrors, verbose) into messages a person can act on. */
export function explainSchemaErrors(errors: readonly ErrorObject[], rootSchema: Schema): ModelProblem[] {
  const resolve = (schema: unknown): Schema | undefined => {
    if (!isRecord(schema)) return undefined;
    const ref = schema['$ref'];
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
    let target: unknown = rootSchema;
    for (const segment of ref.slice(2).split('/')) target = isRecord(target) ? target[segment] : undefined;
    return resolve(target);
  };

  /** "a number", "text", `"none"`, `{percentPerDay: a number}`, ... for messages; one per alternative. */
  const alternatives = (schema: unknown, depth = 0): string[] => {
    const s = resolve(schema);
    if (!s) return ['a value'];
    if ('const' in s) return [JSON.stringify(s['const'])];
    if (Array.isArray(s['enum'])) return [`one of ${s['enum'].map((v) => JSON.stringify(v)).join(', ')}`];
    const choices = s['oneOf'] ?? s['anyOf'];
    if (Array.isArray(choices)) return choices.flatMap((choice) => alternatives(choice, depth));
    const type = s['type'];
    if (Array.isArray(type)) return type.map((t) => typeName(String(t)));
    if (type === 'object' && depth < 1 && Array.isArray(s['required']) && isRecord(s['properties'])) {
      const properties = s['properties'];
      const required = s['required'] as string[];
      if (required.length > 0 && required.length <= 3) {
        return [
          `{${required.map((name) => `${name}: ${expected(properties[name], depth + 1)}`).join(', ')}}`,
        ];
      }
    }
    return [typeof type === 'string' ? typeName(type) : 'a value'];
  };
  const expected = (schema: unknown, depth = 0): string => orList(alternatives(schema, depth));

  /** Which values of a discriminator tag the branches of a oneOf accept. */
  const tagValues = (parentSchema: unknown, tag: string): string[] => {
    const branches =
      isRecord(parentSchema) && Array.isArray(parentSchema['oneOf']) ? parentSchema['oneOf'] : [];
    return branches.flatMap((branch) => {
      const properties = resolve(branch)?.['properties'];
      const property = isRecord(properties) ? properties[tag] : undefined;
      if (!isRecord(property)) return [];
      if ('const' in property) return [String(property['const'])];
      return Array.isArray(property['enum']) ? property['enum'].map(String) : [];
    });
  };

  /** A keyword of the schema that holds the failing one (Ajv types it loosely). */
  const parentKeyword = (error: ErrorObject, keyword: string): unknown => {
    const parent: unknown = error.parentSchema;
    return isRecord(parent) ? parent[keyword] : undefined;
  };

  const describeWithContext = (error: ErrorObject): string => {
    const description = parentKeyword(error, 'description');
    return typeof description === 'string' ? ` (${description})` : '';
  };

  const explain = (error: ErrorObject): ModelProblem => {
    const at = error.instancePath;
    const problem = (message: string, pointer = at, part: 'key' | 'value' = 'value'): ModelProblem => ({
      pointer,
      part,
      message,
      check: `schema:${error.keyword}`,
    });
    const params = error.params as Record<string, unknown>;
    const got = describeValue(error.data);
    switch (error.keyword) {
      case 'type':
        return problem(`expected ${orList(String(params['type']).split(',').map(typeName))}, got ${got}`);
      case 'required': {
        const missing = String(params['missingProperty']);
        const properties = parentKeyword(error, 'properties');
        const what = isRecord(properties) ? expected(properties[missing]) : 'a value';
        return problem(`missing; expected ${what}`, `${at}/${escape(missing)}`);
      }
      case 'additionalProperties': {
        const name = String(params['additionalProperty']);
        const properties = parentKeyword(error, 'properties');
        const allowed = isRecord(properties) ? Object.keys(properties) : [];
        const suggestion = closest(name, allowed);
        const hint = suggestion ? `did you mean "${suggestion}"?` : `allowed here: ${allowed.join(', ')}`;
        return problem(`unknown property "${name}"; ${hint}`, `${at}/${escape(name)}`, 'key');
      }
      case 'enum': {
        const allowed = (params['allowedValues'] as unknown[]).map(String);
        const suggestion = typeof error.data === 'string' ? closest(error.data, allowed) : undefined;
        const list = allowed.map((v) => JSON.stringify(v)).join(', ');
        return problem(
          `expected one of ${list}, got ${got}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
        );
      }
      case 'const':
        return problem(`expected ${JSON.stringify(params['allowedValue'])}, got ${got}`);
      case 'discriminator': {
        const tag = String(params['tag']);
        const allowed = tagValues(error.parentSchema, tag);
        const list = allowed.map((v) => JSON.stringify(v)).join(', ');
        const value = isRecord(error.data) ? error.data[tag] : undefined;
        if (value === undefined) return problem(`missing; expected one of ${list}`, `${at}/${escape(tag)}`);
        const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
        return problem(
          `expected one of ${list}, got ${describeValue(value)}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
          `${at}/${escape(tag)}`,
        );
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const words: Record<string, string> = {
          '>=': 'at least',
          '>': 'more than',
          '<=': 'at most',
          '<': 'less than',
        };
        const comparison = words[String(params['comparison'])] ?? String(params['comparison']);
        return problem(
          `expected a number ${comparison} ${String(params['limit'])}, got ${got}${describeWithContext(error)}`,
        );
      }
      case 'pattern':
        return problem(
          `got ${got}, which does not match ${String(params['pattern'])}${describeWithContext(error)}`,
        );
      case 'minLength':
        return problem(`expected text of at least ${String(params['limit'])} character(s), got ${got}`);
      case 'maxLength':
        return problem(`expected text of at most ${String(params['limit'])} characters, got ${got}`);
      case 'minItems':
        return problem(`expected at least ${String(params['limit'])} item(s), got ${got}`);
      case 'maxItems':
        return problem(`expected at most ${String(params['limit'])} item(s), got ${got}`);
      case 'uniqueItems':
        return problem(
          `items ${String(params['j'])} and ${String(params['i'])} are the same; each may appear once`,
        );
      default:
        return problem(error.message ?? `fails the schema keyword "${error.keyword}"`);
    }
  };

  // Ajv reports the errors of every branch of a oneOf/anyOf before the combinator's own error. Keep the
  // branch errors that are deeper than the combinator (the value had the right shape but a wrong part);
  // otherwise replace them by one "expected A or B" message.
  const stack: { instancePath: string; problems: ModelProblem[] }[] = [];
  for (const error of errors) {
    // `if` only reports that its `then`/`else` failed: that branch's own errors say what to change. When
    // the `else` failed (an event type that is not canonical), its message also names what `then` takes
    // (a custom event type), so that the value's other accepted form is not kept from the reader.
    if (error.keyword === 'if') {
      const thenDescription = resolve(parentKeyword(error, 'then'))?.['description'];
      const last = stack[stack.length - 1];
      if (
        (error.params as Record<string, unknown>)['failingKeyword'] === 'else' &&
        typeof thenDescription === 'string' &&
        last?.instancePath === error.instancePath
      ) {
        last.problems = last.problems.map((p) =>
          p.message.startsWith('expected ')
            ? { ...p, message: p.message.replace(', got ', ` or ${thenDescription}, got `) }
            : p,
        );
      }
      continue;
    }
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') {
      stack.push({ instancePath: error.instancePath, problems: [explain(error)] });
      continue;
    }
    const at = error.instancePath;
    const branches: ModelProblem[] = [];
    while (stack.length > 0) {
      const last = stack[stack.length - 1];
      if (!last || !(last.instancePath === at || last.instancePath.startsWith(`${at}/`))) break;
      branches.unshift(...last.problems);
      stack.pop();
    }
    const deeper = branches.filter(
      (p) => p.pointer.startsWith(`${at}/`) && p.part === 'value' && !p.message.startsWith('missing'),
    );
    stack.push({
      instancePath: at,
      problems:
        deeper.length > 0
          ? deeper
          : [
              {
                pointer: at,
                part: 'value',
                message: `expected ${expected(error.schema ? { [error.keyword]: error.schema } : undefined)}, got ${describeValue(error.data)}`,
                check: `schema:${error.keyword}`,
              },
            ],
    });
  }
  const seen = new Set<string>();
  return stack
    .flatMap((item) => item.problems)
    .filter((p) => {
      const key = `${p.pointer}\u0000${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function typeName(type: string): string {
  switch (type) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'a boolean (true or false)';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping (key: value)';
    case 'null':
      return 'null';
    default:
      return type;
  }
}

function orList(items: readonly string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? 'a value';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1] ?? ''}`;
}

/** How a value looks, for "got ..." */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length} item(s)`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty mapping' : `a mapping with ${keys.join(', ')}`;
  }
  return typeof value;
}

/** The candidate `name` abbreviates, or the closest by edit distance if that is a likely typo. */
function closest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  if (lower.length >= 2) {
    const extended = candidates.filter((candidate) => candidate.toLowerCase().startsWith(lower));
    if (extended.length === 1) return extended[0];
  }
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
