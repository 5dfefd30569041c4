/** `value` held within [min, max]; an undefined bound does not bind. */
export function clamp(value: number, min: number | undefined, max: number | undefined): number {
  return Math.min(max ?? Infinity, Math.max(min ?? -Infinity, value));
}

/**
 * The part of `points` that fits between `current` and the limits (HubSpot-style maximum: what would
 * cross a limit is not awarded, so decay brings the value down from it). Gains meet only the ceiling,
 * losses only the floor; a value already past a limit gets nothing more in that direction.
 */
export function pointsWithinLimits(
  points: number,
  current: number,
  min: number | undefined,
  max: number | undefined,
): number {
  if (points > 0 && max !== undefined) return Math.min(points, Math.max(0, max - current));
  if (points < 0 && min !== undefined) return Math.max(points, Math.min(0, min - current));
  return points;
}
