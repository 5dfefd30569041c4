const DASH = '—';

export function num(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return DASH;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function percent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return DASH;
  return `${(ratio * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })} %`;
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

export function text(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? DASH : value;
}

/** `/contacts/<key>`, the key encoded as one path segment. */
export function contactHref(contact: string): string {
  return `/contacts/${encodeURIComponent(contact)}`;
}

/** `/accounts/<id>`, the account id encoded as one path segment. */
export function accountHref(account: string): string {
  return `/accounts/${encodeURIComponent(account)}`;
}

/** A route segment as the value it encodes: wouter leaves reserved escapes such as %3A and %40 encoded. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
