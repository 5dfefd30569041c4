/**
 * Machine-traffic classification for opens, clicks and page views. Nothing is dropped: the event is
 * marked (`data.machine_open` / `data.bot` plus a reason) and the scoring model decides what counts.
 */

export interface TrafficSignals {
  readonly userAgent?: string | undefined;
  /** Client IP as seen behind the load balancer (first X-Forwarded-For hop when trusted). */
  readonly ip?: string | undefined;
  /** Provider's own verdict, e.g. SendGrid's `sg_machine_open`. */
  readonly providerSaysMachine?: boolean | undefined;
  /** Milliseconds between the message being delivered and this interaction, when known. */
  readonly msSinceDelivery?: number | undefined;
  /** The browser fetched ahead of the visitor (isPrefetch): nobody has seen the page yet. */
  readonly prefetch?: boolean | undefined;
}

export type TrafficVerdict =
  { readonly machine: false } | { readonly machine: true; readonly reason: string };

const HUMAN: TrafficVerdict = { machine: false };

// Link scanners and security gateways that fetch every URL and image of a message on arrival.
const SCANNER_AGENTS: readonly [RegExp, string][] = [
  [/barracuda/i, 'link_scanner:barracuda'],
  [/mimecast/i, 'link_scanner:mimecast'],
  [/proofpoint|ppops/i, 'link_scanner:proofpoint'],
  [/symantec|messagelabs/i, 'link_scanner:symantec'],
  [/safelinks|microsoft office protocol discovery|ms-office.*preview/i, 'link_scanner:microsoft'],
  [/trendmicro|trend micro/i, 'link_scanner:trendmicro'],
  [/fortinet|fortiguard/i, 'link_scanner:fortinet'],
  [/sophos/i, 'link_scanner:sophos'],
];

// Image proxies. Apple Mail Privacy Protection prefetches every image, so its opens say nothing about
// the person; Gmail's and Yahoo's proxies fetch on a real open and are treated as human.
const PRIVACY_PROXY_AGENTS: readonly [RegExp, string][] = [[/^Mozilla\/5\.0$/, 'privacy_proxy:apple_mpp']];

const BOT_AGENTS =
  /bot\b|crawler|spider|slurp|headless|phantomjs|puppeteer|playwright|selenium|python-requests|python-urllib|curl\/|wget\/|go-http-client|java\/|okhttp|axios\/|node-fetch|libwww|httpclient|scrapy|facebookexternalhit|preview|lighthouse|pingdom|uptimerobot/i;

/** Apple's published egress ranges for iCloud Private Relay / MPP image fetches, coarsely (v4 prefixes). */
const APPLE_MPP_PREFIXES = ['17.', '104.28.'];

/** A click or open within this many ms of delivery is faster than a person reads mail. */
const INSTANT_INTERACTION_MS = 2_000;

/** Classifies an email open (pixel fetch or provider open event). */
export function classifyOpen(signals: TrafficSignals): TrafficVerdict {
  if (signals.providerSaysMachine) return { machine: true, reason: 'provider_flagged' };
  const ua = signals.userAgent?.trim() ?? '';
  for (const [pattern, reason] of PRIVACY_PROXY_AGENTS)
    if (pattern.test(ua)) return { machine: true, reason };
  if (
    signals.ip &&
    APPLE_MPP_PREFIXES.some((p) => signals.ip?.startsWith(p)) &&
    !/iPhone|iPad|Macintosh/.test(ua)
  ) {
    return { machine: true, reason: 'privacy_proxy:apple_mpp' };
  }
  return classifyAgent(ua, signals.msSinceDelivery);
}

/** Classifies a click or page view: link scanners and bots, never privacy proxies. */
export function classifyClick(signals: TrafficSignals): TrafficVerdict {
  if (signals.providerSaysMachine) return { machine: true, reason: 'provider_flagged' };
  if (signals.prefetch) return { machine: true, reason: 'prefetch' };
  return classifyAgent(signals.userAgent?.trim() ?? '', signals.msSinceDelivery);
}

function classifyAgent(ua: string, msSinceDelivery: number | undefined): TrafficVerdict {
  if (ua === '') return { machine: true, reason: 'no_user_agent' };
  for (const [pattern, reason] of SCANNER_AGENTS) if (pattern.test(ua)) return { machine: true, reason };
  if (BOT_AGENTS.test(ua)) return { machine: true, reason: 'bot_user_agent' };
  if (msSinceDelivery !== undefined && msSinceDelivery >= 0 && msSinceDelivery < INSTANT_INTERACTION_MS) {
    return { machine: true, reason: 'instant_after_delivery' };
  }
  return HUMAN;
}

const PREFETCH_HEADERS = ['sec-purpose', 'purpose', 'x-purpose', 'x-moz'];

/**
 * Whether a request is the browser fetching ahead of the visitor: link prefetch and prerendering
 * (`Sec-Purpose: prefetch`, older `Purpose: prefetch`), Firefox's `X-Moz: prefetch`, Safari's
 * `X-Purpose: preview` of its top sites.
 */
export function isPrefetch(headers: Readonly<Record<string, string | string[] | undefined>>): boolean {
  return PREFETCH_HEADERS.some((name) => {
    const value = headers[name];
    return typeof value === 'string' && /prefetch|prerender|preview/i.test(value);
  });
}
