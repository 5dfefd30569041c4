import { createHash } from 'node:crypto';
import { parse as parseQuery, stringify as stringifyQuery } from 'node:querystring';
import { digestsEqual, hmac } from './hmac.js';
import { invalid, VALID, type SignatureCheck } from './signature-check.js';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/**
 * Twilio's request signature: HMAC-SHA1 with the account's auth token over the full URL Twilio
 * called, followed by every POST parameter as name+value, sorted by name; base64.
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: ReadonlyMap<string, readonly string[]>,
): string {
  let signed = url;
  for (const name of [...params.keys()].sort()) {
    // Repeated parameters: each distinct value once, sorted (as Twilio's own helper libraries do).
    for (const value of [...new Set(params.get(name) ?? [])].sort()) signed += name + value;
  }
  return hmac('sha1', authToken, signed).toString('base64');
}

/** `https://host/p` with the default port of its scheme written out (443 for https, 80 otherwise). */
function withDefaultPort(url: URL): string {
  const credentials =
    url.username || url.password ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  const port = url.protocol === 'https:' ? ':443' : ':80';
  return `${url.protocol}//${credentials}${url.host}${port}${url.pathname}${url.search}${url.hash}`;
}

/** The URL with its query decoded and re-encoded by Node's `querystring` (repeated names grouped). */
function withLegacyQuery(url: string): string {
  const parsed = new URL(url);
  if (!parsed.search) return url;
  const query = stringifyQuery(parseQuery(parsed.search.slice(1)));
  parsed.search = '';
  return `${parsed.toString()}?${query}`;
}

/**
 * The URL forms Twilio's own helper library (twilio-node `validateRequest`) accepts a signature for,
 * because Twilio's signing is not consistent about them; undefined when `url` is not a URL. Exactly:
 * the URL as `new URL()` serializes it (query characters such as `'` percent-encoded) without any
 * port; with its port, or the default port of its scheme added when it has none; and each of those
 * two with the query re-encoded by Node's `querystring` (`'` left as is, spaces as `%20`, repeated
 * names grouped). Nothing else: no other host, scheme, path or parameter order.
 */
export function twilioUrlForms(url: string): readonly string[] | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const portless = new URL(parsed);
  portless.port = '';
  const withoutPort = portless.toString();
  const withPort = parsed.port ? parsed.toString() : withDefaultPort(parsed);
  return [...new Set([withoutPort, withPort, withLegacyQuery(withoutPort), withLegacyQuery(withPort)])];
}

/** Constant-time comparison of the signature a caller sent with an expected one, as text (as Twilio's library compares). */
function sameSignature(expected: string, received: string): boolean {
  return digestsEqual(Buffer.from(expected, 'utf8'), Buffer.from(received, 'utf8'));
}

/** Whether `signature` is Twilio's signature of one of the URL forms of `url` with `params`. */
function signsSomeForm(
  authToken: string,
  signature: string,
  forms: readonly string[],
  params: ReadonlyMap<string, readonly string[]>,
): boolean {
  // Every form is computed and compared, whatever matched first: the time taken says nothing about which.
  let matched = false;
  for (const form of forms)
    matched = sameSignature(twilioSignature(authToken, form, params), signature) || matched;
  return matched;
}

const CHECK_TOKEN_AND_URL =
  'check the Twilio auth token configured for this workspace, and that this is the URL configured in Twilio (behind a proxy, set INGEST_PUBLIC_URL to the public scheme and host)';

export interface TwilioSignatureInput {
  readonly authToken: string;
  readonly signature: string | undefined;
  /** The public URL Twilio was configured with, including the query string. */
  readonly url: string;
  readonly params: ReadonlyMap<string, readonly string[]>;
}

/**
 * Twilio signs no timestamp, so there is no staleness check; replays are caught by event-id dedupe
 * downstream. Accepts the URL forms of twilioUrlForms.
 */
export function verifyTwilioSignature(input: TwilioSignatureInput): SignatureCheck {
  if (!input.signature) return missingHeader();
  const forms = twilioUrlForms(input.url);
  if (!forms) return invalid(`the URL ${input.url} is not a URL`, CHECK_TOKEN_AND_URL);
  return signsSomeForm(input.authToken, input.signature, forms, input.params)
    ? VALID
    : invalid(
        `the Twilio signature does not match ${forms[0]} and these parameters (also tried with the default port and with the query re-encoded)`,
        CHECK_TOKEN_AND_URL,
      );
}

function missingHeader(): SignatureCheck {
  return invalid(
    `the ${TWILIO_SIGNATURE_HEADER} header is missing`,
    'send the request as Twilio signed it (a proxy may strip the header)',
  );
}

/** Query parameter Twilio adds to the URL of a request with a JSON body: the body's SHA-256, hex. */
export const TWILIO_BODY_HASH_PARAM = 'bodySHA256';

/** The `bodySHA256` value of a raw body: lower-case hex SHA-256. */
export function twilioBodyHash(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('hex');
}

export interface TwilioBodySignatureInput {
  readonly authToken: string;
  readonly signature: string | undefined;
  /** The public URL Twilio called, with its query string (which holds `bodySHA256`). */
  readonly url: string;
  /** The raw request body, exactly as received. */
  readonly body: Buffer;
}

/**
 * Twilio's variant for JSON bodies: the signature covers the URL only (its query includes
 * `bodySHA256`; no body parameters are appended; the URL forms of twilioUrlForms), and `bodySHA256`
 * must be the lower-case hex SHA-256 of the raw body (as Twilio's library compares it), so the body
 * is covered through its hash. Both checks must pass.
 */
export function verifyTwilioBodySignature(input: TwilioBodySignatureInput): SignatureCheck {
  if (!input.signature) return missingHeader();
  const forms = twilioUrlForms(input.url);
  const declared = forms ? new URL(input.url).searchParams.get(TWILIO_BODY_HASH_PARAM) : null;
  if (!forms || !declared)
    return invalid(
      `a JSON body needs the ${TWILIO_BODY_HASH_PARAM} query parameter Twilio adds to the URL`,
      `send JSON webhooks to the URL Twilio signs, with its ${TWILIO_BODY_HASH_PARAM} parameter`,
    );
  if (!signsSomeForm(input.authToken, input.signature, forms, new Map()))
    return invalid(
      `the Twilio signature does not match ${forms[0]} (also tried with the default port and with the query re-encoded)`,
      CHECK_TOKEN_AND_URL,
    );
  return sameSignature(twilioBodyHash(input.body), declared)
    ? VALID
    : invalid(
        `the body does not match its ${TWILIO_BODY_HASH_PARAM} hash`,
        'send the body exactly as Twilio sent it (a proxy must not re-encode or reformat it)',
      );
}
