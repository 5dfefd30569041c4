import { CST, Parser, isAlias, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { MAX_JSON_DEPTH, findUntrustedJsonIssue } from '../json/untrusted-json.js';
import { type ModelIssue } from './errors.js';
import { escapePointerSegment, pointerOf, pointerToPath } from './model-path.js';

export type ModelFormat = 'yaml' | 'json';

export interface SourcePosition {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
}

/** Offsets of one place in the source text: its key (for object members) and its value. */
interface Place {
  readonly key?: number;
  readonly value: number;
}

/** A document read from text, with the source position of every value, so issues can name line and column. */
export interface SourceText {
  /** The document as plain data (undefined when the text could not be read). */
  readonly value: unknown;
  /** Problems met while reading the text itself: syntax errors, duplicate keys. */
  readonly issues: readonly ModelIssue[];
  /**
   * Position of the place at `pointer` (a JSON Pointer): of its key when `part` is 'key' and the place is
   * an object member, else of its value. A pointer that does not exist in the text resolves to its nearest
   * existing ancestor (a missing property is reported where its object is).
   */
  locate(pointer: string, part: 'key' | 'value'): SourcePosition | undefined;
}

/**
 * Reads YAML or JSON text, keeping positions. Never throws: problems come back as issues. Nesting is
 * bounded (MAX_JSON_DEPTH) before anything recurses, and the value read must pass the untrusted-JSON
 * guard (no `__proto__` keys, non-finite numbers, NUL characters or unpaired surrogates).
 */
export function readSourceText(text: string, format: ModelFormat): SourceText {
  const source = format === 'json' ? readJson(text) : readYaml(text);
  if (source.issues.length > 0 || source.value === undefined) return source;
  const untrusted = findUntrustedJsonIssue(source.value, '(model)');
  if (!untrusted) return source;
  const pointer = pointerOf(...untrusted.path);
  const issue: ModelIssue = {
    path: pointerToPath(pointer),
    pointer,
    ...source.locate(pointer, untrusted.part),
    message: `expected ${untrusted.expected}`,
    check: 'syntax',
  };
  return { value: undefined, issues: [issue], locate: (at, part) => source.locate(at, part) };
}

function lineIndex(text: string): (offset: number) => SourcePosition {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}

function sourceText(
  value: unknown,
  issues: readonly ModelIssue[],
  places: ReadonlyMap<string, Place>,
  position: (offset: number) => SourcePosition,
): SourceText {
  return {
    value,
    issues,
    locate(pointer, part) {
      let current = pointer;
      for (;;) {
        const place = places.get(current);
        if (place)
          return position(part === 'key' && current === pointer ? (place.key ?? place.value) : place.value);
        if (current === '') return undefined;
        current = current.slice(0, current.lastIndexOf('/'));
      }
    },
  };
}

/**
 * The offset of the first collection nested deeper than MAX_JSON_DEPTH. The `yaml` composer recurses
 * once per level (and overflows the stack at about a thousand), its CST parser does not: so the CST is
 * measured first, with a walk that never goes past the limit.
 */
function firstTooDeepYamlOffset(text: string): number | undefined {
  const tooDeep = (token: CST.Token | null | undefined, depth: number): number | undefined => {
    if (!token) return undefined;
    if (token.type === 'document') return tooDeep(token.value, depth);
    if (!CST.isCollection(token)) return undefined;
    if (depth === MAX_JSON_DEPTH) return token.offset;
    for (const item of token.items) {
      const found = tooDeep(item.key, depth + 1) ?? tooDeep(item.value, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  for (const token of new Parser().parse(text)) {
    const found = tooDeep(token, 0);
    if (found !== undefined) return found;
  }
  return undefined;
}

function readYaml(text: string): SourceText {
  const position = lineIndex(text);
  const tooDeepAt = firstTooDeepYamlOffset(text);
  if (tooDeepAt !== undefined) {
    const issue: ModelIssue = {
      path: '(model)',
      pointer: '',
      ...position(tooDeepAt),
      message: `YAML: nests deeper than ${MAX_JSON_DEPTH} levels here; flatten it`,
      check: 'syntax',
    };
    return sourceText(undefined, [issue], new Map(), position);
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const issues: ModelIssue[] = doc.errors.map((error) => ({
    path: '(model)',
    pointer: '',
    ...position(error.pos[0]),
    message: `YAML syntax: ${error.message.split('\n')[0] ?? error.message}`,
    check: 'syntax',
  }));
  const places = new Map<string, Place>();
  const walk = (node: Node | null | undefined, pointer: string, key?: number): void => {
    const start = node?.range?.[0];
    if (start !== undefined)
      places.set(pointer, key === undefined ? { value: start } : { key, value: start });
    else if (key !== undefined) places.set(pointer, { key, value: key });
    if (!node || isAlias(node)) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const name = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        walk(pair.value as Node | null, `${pointer}/${escapePointerSegment(name)}`, keyNode?.range?.[0]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item as Node | null, `${pointer}/${index}`));
    }
  };
  walk(doc.contents, '');
  let value: unknown;
  if (issues.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      issues.push({
        path: '(model)',
        pointer: '',
        message: `YAML: ${(error as Error).message}`,
        check: 'syntax',
      });
    }
  }
  return sourceText(value, issues, places, position);
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

// JSON forbids raw control characters inside strings, hence the control-character range.
// eslint-disable-next-line no-control-regex
const JSON_STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_WHITESPACE = /[ \t\n\r]*/y;
const JSON_LITERALS = [
  ['true', true],
  ['false', false],
  ['null', null],
] as const;

/**
 * A small JSON reader that, unlike JSON.parse, records where every key and value starts, and reports
 * syntax errors and duplicate keys with their position. Strings and numbers are decoded by JSON.parse.
 */
function readJson(text: string): SourceText {
  const position = lineIndex(text);
  const places = new Map<string, Place>();
  const issues: ModelIssue[] = [];
  let offset = 0;
  let depth = 0;

  const skipWhitespace = (): void => {
    JSON_WHITESPACE.lastIndex = offset;
    JSON_WHITESPACE.exec(text);
    offset = JSON_WHITESPACE.lastIndex;
  };
  const here = (): string =>
    offset >= text.length ? 'the end of the text' : JSON.stringify(text.slice(offset, offset + 12));
  const token = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = offset;
    const match = pattern.exec(text);
    if (!match) return undefined;
    offset = pattern.lastIndex;
    return match[0];
  };
  const expect = (char: string, what: string): void => {
    skipWhitespace();
    if (text[offset] !== char) throw new JsonSyntaxError(`expected ${what}, found ${here()}`, offset);
    offset++;
  };

  const parseObject = (pointer: string): Record<string, unknown> => {
    offset++;
    const result: Record<string, unknown> = {};
    skipWhitespace();
    if (text[offset] === '}') {
      offset++;
      return result;
    }
    for (;;) {
      skipWhitespace();
      const keyStart = offset;
      const raw = token(JSON_STRING);
      if (raw === undefined)
        throw new JsonSyntaxError(`expected a property name in double quotes, found ${here()}`, offset);
      const name = JSON.parse(raw) as string;
      const childPointer = `${pointer}/${escapePointerSegment(name)}`;
      if (Object.hasOwn(result, name)) {
        issues.push({
          path: pointerToPath(childPointer),
          pointer: childPointer,
          ...position(keyStart),
          message: `duplicate key ${raw}; each key may appear once`,
          check: 'syntax',
        });
      }
      expect(':', '":" after the property name');
      // defineProperty, not assignment: a "__proto__" key must stay a plain key.
      Object.defineProperty(result, name, {
        value: parseValue(childPointer, keyStart),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skipWhitespace();
      if (text[offset] !== ',') break;
      offset++;
    }
    expect('}', '"," or "}" after a property value');
    return result;
  };

  const parseArray = (pointer: string): unknown[] => {
    offset++;
    const result: unknown[] = [];
    skipWhitespace();
    if (text[offset] === ']') {
      offset++;
      return result;
    }
    for (;;) {
      result.push(parseValue(`${pointer}/${result.length}`));
      skipWhitespace();
      if (text[offset] !== ',') break;
      offset++;
    }
    expect(']', '"," or "]" after a list item');
    return result;
  };

  const parseValue = (pointer: string, key?: number): unknown => {
    skipWhitespace();
    places.set(pointer, key === undefined ? { value: offset } : { key, value: offset });
    const char = text[offset];
    if (char === '{' || char === '[') {
      if (++depth > MAX_JSON_DEPTH)
        throw new JsonSyntaxError(`nests deeper than ${MAX_JSON_DEPTH} levels here; flatten it`, offset);
      const nested = char === '{' ? parseObject(pointer) : parseArray(pointer);
      depth--;
      return nested;
    }
    if (char === '"') {
      const raw = token(JSON_STRING);
      if (raw === undefined)
        throw new JsonSyntaxError(
          'invalid string: unterminated, or with an unescaped control character',
          offset,
        );
      return JSON.parse(raw) as string;
    }
    for (const [word, value] of JSON_LITERALS) {
      if (text.startsWith(word, offset)) {
        offset += word.length;
        return value;
      }
    }
    const number = token(JSON_NUMBER);
    if (number !== undefined) return Number(number);
    throw new JsonSyntaxError(`expected a value, found ${here()}`, offset);
  };

  try {
    const value = parseValue('');
    skipWhitespace();
    if (offset < text.length)
      throw new JsonSyntaxError(`unexpected ${here()} after the end of the document`, offset);
    return sourceText(value, issues, places, position);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const syntax: ModelIssue = {
      path: '(model)',
      pointer: '',
      ...position(error.offset),
      message: `JSON syntax: ${error.message}`,
      check: 'syntax',
    };
    return sourceText(undefined, [...issues, syntax], places, position);
  }
}
