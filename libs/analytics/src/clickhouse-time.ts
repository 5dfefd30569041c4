/** ClickHouse's DateTime64(3) text of a UTC time, as the archive stores and answers it: `2026-12-06 09:29:59.123`. */
export type ClickHouseTime = string;

/** Epoch milliseconds as ClickHouse's DateTime64(3) text (UTC). */
export function clickHouseTimeOf(ms: number): ClickHouseTime {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** ClickHouse's DateTime64(3) text (UTC) as RFC 3339. */
export function isoTimeOf(time: ClickHouseTime): string {
  return `${time.replace(' ', 'T')}Z`;
}
