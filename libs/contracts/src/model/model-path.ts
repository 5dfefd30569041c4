/** JSON Pointer (RFC 6901) segment escaping. */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `/engagement/2/points` → `engagement[2].points`; `''` → `(model)`. */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '(model)';
  let path = '';
  for (const raw of pointer.slice(1).split('/')) {
    const segment = unescapePointerSegment(raw);
    if (/^(0|[1-9]\d*)$/.test(segment)) path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/** Builds a pointer from segments: `pointerOf('engagement', 2, 'points')` → `/engagement/2/points`. */
export function pointerOf(...segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapePointerSegment(String(s))}`).join('');
}
