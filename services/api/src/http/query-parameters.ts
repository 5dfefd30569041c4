import { fail } from './problem-details.js';

/**
 * A whole-number query parameter from `min` to `max`, `fallback` when absent; else 400 naming the
 * parameter, its range and its default (`?limit must be a whole number from 1 to 200 (default 50).`).
 */
export function wholeNumberParameter(
  value: unknown,
  field: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max))
    fail('invalid-request', `${field} must be a whole number from ${min} to ${max} (default ${fallback}).`, [
      { field, expected: `a whole number from ${min} to ${max}` },
    ]);
  return n;
}
