/**
 * A workspace's time zone: an IANA (tz database) name this runtime's Intl knows, as written, or in
 * Intl's case when only the case differs (`europe/berlin` → `Europe/Berlin`); an alias stays as
 * written (ICU would turn `Asia/Kolkata` into the older `Asia/Calcutta`). Offsets such as `+01:00` are
 * not zones (they know no daylight saving time) and are refused.
 */
export function ianaTimeZone(text: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+/-]{0,63}$/.test(text)) return undefined;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === text.toLowerCase() ? resolved : text;
  } catch {
    return undefined;
  }
}

/** True when `zone` is a time zone name this runtime knows (what cron-parser reads schedules in). */
export function isTimeZone(zone: string): boolean {
  return ianaTimeZone(zone) !== undefined;
}
