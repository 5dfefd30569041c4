import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress } from './address-class.js';
import { ALLOW_PRIVATE_NETWORKS_VARIABLE, type WebhookTargetPolicy } from './webhook-target.policy.js';

/** One address a host name resolved to. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to every address it has (injected in tests to play DNS rebinding). */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The system resolver (`getaddrinfo`, so /etc/hosts too), all addresses, in the system's order. */
export const systemResolver: HostResolver = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export const MAX_WEBHOOK_URL_LENGTH = 2_048;

export type TargetCheck =
  | {
      readonly ok: true;
      readonly url: URL;
      /** The address that was checked: connect to this one, never to a second DNS answer. */
      readonly address: ResolvedAddress;
    }
  | {
      readonly ok: false;
      /**
       * `invalid`: not a usable URL (syntax, scheme, credentials); `refused`: it is, or resolves to, an
       * address webhooks may not reach; `unresolvable`: DNS gave no address (may be temporary).
       */
      readonly kind: 'invalid' | 'refused' | 'unresolvable';
      readonly reason: string;
    };

const HOW_TO_ALLOW = `webhooks go only to public addresses (SSRF protection). Use a URL that resolves to a public address; for a receiver inside your own network, the operator can set ${ALLOW_PRIVATE_NETWORKS_VARIABLE}=true on the api and threshold services`;

const invalid = (reason: string): TargetCheck => ({ ok: false, kind: 'invalid', reason });

/**
 * The URL checks that need no DNS: an absolute http(s) URL (https only when the policy requires it),
 * without credentials, at most 2048 characters. The WHATWG URL parser normalises the host first, so
 * `http://2130706433/`, `http://0x7f.1/` and `http://127.1/` all arrive here as 127.0.0.1.
 */
export function parseWebhookUrl(
  raw: string,
  policy: WebhookTargetPolicy,
): { ok: true; url: URL } | { ok: false; reason: string } {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH)
    return { ok: false, reason: `the URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      ok: false,
      reason: `"${raw.slice(0, 100)}" is not an absolute URL such as https://crm.example.com/hooks`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      ok: false,
      reason: `the URL's scheme is ${url.protocol.slice(0, -1)}; use https (or http outside production)`,
    };
  if (policy.requireHttps && url.protocol !== 'https:')
    return { ok: false, reason: 'webhook URLs must use https in production; use an https:// URL' };
  if (url.username !== '' || url.password !== '')
    return {
      ok: false,
      reason:
        'the URL carries a user name or password; remove them (the receiver checks the webhook signature instead)',
    };
  if (url.hostname === '') return { ok: false, reason: 'the URL has no host' };
  return { ok: true, url };
}

/**
 * The SSRF guard of outgoing webhooks, used by the api (when a subscription is created, changed or
 * pinged) and by threshold (before every delivery attempt): checks the URL, resolves its host to all
 * of its addresses and refuses the target when any of them is not public (unless the policy allows
 * private networks). The caller then connects to the very address returned (webhook.sender.ts), so a
 * DNS answer that changes between the check and the connection (rebinding) reaches nothing.
 */
export class WebhookTargetGuard {
  constructor(
    readonly policy: WebhookTargetPolicy,
    private readonly resolve: HostResolver = systemResolver,
  ) {}

  async check(raw: string): Promise<TargetCheck> {
    const parsed = parseWebhookUrl(raw, this.policy);
    if (!parsed.ok) return invalid(parsed.reason);
    const url = parsed.url;
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const literal = isIP(host);
    let addresses: readonly ResolvedAddress[];
    if (literal !== 0) {
      addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
    } else {
      try {
        addresses = await this.resolve(host);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        return {
          ok: false,
          kind: 'unresolvable',
          reason: `the host ${host} does not resolve${typeof code === 'string' ? ` (${code})` : ''}; check its spelling and DNS`,
        };
      }
      if (addresses.length === 0)
        return { ok: false, kind: 'unresolvable', reason: `the host ${host} resolves to no address` };
    }
    if (!this.policy.allowPrivateNetworks) {
      for (const { address } of addresses) {
        const verdict = classifyAddress(address);
        if (verdict.public) continue;
        const range = `${/^(?:[aeio]|un(?!i))/.test(verdict.range) ? 'an' : 'a'} ${verdict.range} address`;
        const what =
          literal !== 0
            ? `${verdict.address} is ${range}`
            : `${host} resolves to ${verdict.address}, ${range}`;
        return { ok: false, kind: 'refused', reason: `${what}: ${HOW_TO_ALLOW}` };
      }
    }
    return { ok: true, url, address: addresses[0]! };
  }
}
