import { anonymousId, forgetAnonymousId } from './anonymous-id.js';
import { formFields, formId } from './form.js';
import { uuid } from './ids.js';
import { campaignOf, pageContext, pageUrl } from './page.js';
import { CallQueue, type Call } from './queue.js';

/**
 * The leadscore tracking snippet: page views, form submissions (the configured fields only), link
 * clicks and identify(), as Segment calls to ingest's `/v1/batch` under the workspace's publishable
 * key, with an anonymous id in a first-party cookie. Nothing at all under Do Not Track or Global
 * Privacy Control; nothing before consent when the script tag says `data-consent="required"`.
 * services/ingest/README.md describes the embed.
 */

/** Written into the script by ingest (GET /v1/tracker.js?key=…): the key and the form fields to capture. */
interface TrackerConfig {
  readonly k: string;
  readonly f: readonly string[];
}
declare const __LEADSCORE_CONFIG__: TrackerConfig;

type Method = 'page' | 'track' | 'identify' | 'consent';
interface Leadscore {
  (method: Method, ...args: unknown[]): void;
  page(): void;
  track(event: string, properties?: Record<string, unknown>): void;
  identify(userIdOrEmail?: string, traits?: Record<string, unknown>): void;
  consent(granted: boolean): void;
}
/** The embed's stub: calls made before this script ran, in order. */
interface Stub {
  q?: ArrayLike<unknown>[];
}
type Globals = typeof globalThis & { leadscore?: Stub | Leadscore; doNotTrack?: string };

const config = __LEADSCORE_CONFIG__;
const globals = globalThis as Globals;
const script = document.currentScript;
const endpoint = (script instanceof HTMLScriptElement ? script.src : '').replace(
  /\/v1\/tracker\.js([?#].*)?$/,
  '/v1/batch',
);
const doNotTrack =
  navigator.doNotTrack === '1' ||
  navigator.doNotTrack === 'yes' ||
  globals.doNotTrack === '1' ||
  (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;

let consented = script?.getAttribute('data-consent') !== 'required';
/** Calls recorded before consent: sent if it is given, dropped if it is refused. */
let held: Call[] = [];
let queue: CallQueue | undefined;
let lastPage = '';
/** The page before this one: the document's referrer, then the previous address of a single-page app. */
let referrer = document.referrer;

function send(call: Call, now?: boolean): void {
  call['anonymousId'] = anonymousId();
  queue ??= new CallQueue(endpoint, config.k);
  queue.push(call, now);
}

function record(type: 'page' | 'track' | 'identify', fields: Call, now?: boolean): void {
  if (doNotTrack) return;
  const call: Call = {
    type,
    messageId: uuid(),
    originalTimestamp: new Date().toISOString(),
    context: {
      page: pageContext(referrer),
      campaign: campaignOf(location.search),
      userAgent: navigator.userAgent,
      library: { name: 'leadscore.js', version: '1' },
    },
    ...fields,
  };
  if (consented) send(call, now);
  else held.push(call);
}

function page(): void {
  if (lastPage) referrer = lastPage;
  lastPage = pageUrl();
  record('page', {});
}

/** A page view when a single-page application changes its address (not for a #fragment). */
function navigated(): void {
  if (pageUrl() !== lastPage) page();
}

const api = {
  page,
  track: (event: string, properties?: Record<string, unknown>): void => {
    record('track', { event, properties });
  },
  identify: (userIdOrEmail?: string, traits?: Record<string, unknown>): void => {
    const known: Record<string, unknown> = { ...traits };
    const fields: Call = { traits: known };
    if (userIdOrEmail && userIdOrEmail.indexOf('@') > 0) known['email'] ??= userIdOrEmail;
    else if (userIdOrEmail) fields['userId'] = userIdOrEmail;
    record('identify', fields, true);
  },
  consent: (granted: boolean): void => {
    consented = granted;
    if (granted) for (const call of held.splice(0)) send(call);
    else {
      held = [];
      queue?.clear();
      forgetAnonymousId();
    }
  },
};

const leadscore = Object.assign((method: Method, ...args: unknown[]): void => {
  const run = api[method] as ((...args: unknown[]) => void) | undefined;
  run?.(...args);
}, api);

function start(): void {
  const stub = globals.leadscore as Stub | undefined;
  globals.leadscore = leadscore;
  page();
  for (const args of stub?.q ?? []) leadscore(...(Array.from(args) as [Method, ...unknown[]]));

  const pushState = history.pushState.bind(history);
  history.pushState = (...args: Parameters<History['pushState']>): void => {
    pushState(...args);
    navigated();
  };
  addEventListener('popstate', navigated);

  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      record(
        'track',
        {
          event: 'Form Submitted',
          properties: { form_id: formId(form), fields: formFields(form, config.f) },
        },
        true,
      );
    },
    true,
  );

  document.addEventListener(
    'click',
    (event) => {
      const target = event.target;
      const link = target instanceof Element ? target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || /^javascript:/i.test(link.href)) return;
      const text = (link.innerText || link.textContent || '').trim().slice(0, 1024);
      record(
        'track',
        { event: 'Link Clicked', properties: { url: link.href, text: text || undefined } },
        true,
      );
    },
    true,
  );
}

// Embedded twice (a template and a tag manager): the first copy does the work.
const running = typeof (globals.leadscore as Partial<Leadscore> | undefined)?.consent === 'function';
if (!running) {
  // A prerendered page (speculation rules) is not a page view until the visitor actually opens it.
  if ((document as Document & { prerendering?: boolean }).prerendering)
    document.addEventListener('prerenderingchange', start, { once: true });
  else start();
}
