import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { freePort, launchChromium, pollUntil, testKafkaBrokers } from '@leadscore/testing';
import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { WorkspaceDirectory } from '../src/auth/workspace-directory.js';
import { pageViewQuery } from '../src/pixel/page-view-signature.js';
import { trackedFormFieldNames } from '../src/tracking/tracked-form-fields.js';
import {
  PIXEL_SECRET,
  PUBLISHABLE_KEY,
  SECRET_KEY,
  WORKSPACE,
  buildTrackerScript,
  expectProblem,
  readEventsUntil,
  startTestApp,
  type ReadEvent,
  type TestApp,
} from './ingest-test-app.js';

/**
 * The tracking snippet in a real browser (Debian's Chromium through playwright-core): a customer's
 * site on another origin embeds it with the one-line embed, a visitor browses, fills a form, follows
 * links and is identified, and the events are read back from Kafka. Also the script route itself and
 * the no-JavaScript page-view pixel.
 */
jest.setTimeout(300_000);

/** The workspace lists a password too: ingest never lets it through. */
const FORM_FIELDS = ['email', 'company', 'password'];
const UTM = 'utm_source=newsletter&utm_medium=email&utm_campaign=spring&utm_term=scoring&utm_content=hero';

let t: TestApp;
let ingestUrl: string;
let site: Server;
let siteUrl: string;
let browser: Browser;

/** acme's settings with the form fields configured. */
function withFormFields(base: WorkspaceDirectory): WorkspaceDirectory {
  const trackingFormFields = trackedFormFieldNames(FORM_FIELDS);
  return {
    findKeyByHash: (keyHash) => base.findKeyByHash(keyHash),
    settings: (workspace) => {
      const settings = base.settings(workspace);
      return settings && workspace === WORKSPACE ? { ...settings, trackingFormFields } : settings;
    },
  };
}

/** A page of the customer's site, with the one-line embed of services/ingest/README.md. */
function sitePage(title: string, body: string, consentRequired = false): string {
  const consent = consentRequired ? ' data-consent="required"' : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<script>window.leadscore=window.leadscore||function(){(leadscore.q=leadscore.q||[]).push(arguments)};</script>
<script async src="${ingestUrl}/v1/tracker.js?key=${PUBLISHABLE_KEY}"${consent}></script>
</head><body>${body}</body></html>`;
}

const LANDING = `<h1>Landing</h1>
<form id="demo-request" action="/thanks" method="post">
  <input name="email" type="email"><input name="company"><input name="password" type="password">
  <input name="notes"><input type="hidden" name="csrf_token" value="hidden-csrf-value">
  <button type="submit">Send</button>
</form>
<a id="pricing" href="/pricing">See pricing</a>
<a id="partner" href="https://partner.example.com/offer">Our partner</a>`;
const PRICING = '<h1>Pricing</h1><a id="partner" href="https://partner.example.com/offer">Our partner</a>';

function startSite(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname;
    const html =
      path === '/consent'
        ? sitePage('Consent', '<p>Cookie banner</p>', true)
        : path === '/thanks'
          ? '<!doctype html><title>Thanks</title><p>Thanks</p>'
          : sitePage(path === '/pricing' ? 'Pricing' : 'Landing', path === '/pricing' ? PRICING : LANDING);
    request.resume();
    request.on('end', () =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A visitor: a fresh browser profile (no cookie, no storage); `/v1/batch` requests counted. */
async function visitor(init?: string): Promise<{ context: BrowserContext; page: Page; batches: string[] }> {
  const context = await browser.newContext();
  if (init) await context.addInitScript(init);
  // The partner's site is outside this machine: answered here.
  await context.route('https://partner.example.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Partner</title>' }),
  );
  const page = await context.newPage();
  const batches: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${ingestUrl}/v1/batch`)) batches.push(request.postData() ?? '');
  });
  return { context, page, batches };
}

/** The snippet has run: `leadscore` is the real thing, not the embed's stub. */
async function snippetLoaded(page: Page): Promise<void> {
  await page.waitForFunction("typeof window.leadscore?.consent === 'function'");
}

async function anonymousIdOf(context: BrowserContext): Promise<string | undefined> {
  const cookies = await context.cookies(siteUrl);
  return cookies.find((cookie) => cookie.name === 'ls_aid')?.value;
}

/** Events on the topic whose subject or identities name `anonymousId`, once `done` holds for them. */
async function eventsOf(
  anonymousId: string,
  done: (events: readonly ReadEvent[]) => boolean,
  waitingFor: string,
): Promise<ReadEvent[]> {
  const mine = (events: readonly ReadEvent[]) =>
    events.filter((event) => JSON.stringify(event.value).includes(anonymousId));
  return mine(await readEventsUntil(t.client, t.topic, (events) => done(mine(events)), waitingFor, 60_000));
}

const ofType = (events: readonly ReadEvent[], type: string) => events.filter((e) => e.value['type'] === type);
const data = (event: ReadEvent | undefined) => (event?.value['data'] ?? {}) as Record<string, unknown>;

beforeAll(async () => {
  buildTrackerScript();
  t = await startTestApp({ brokers: testKafkaBrokers(), directory: withFormFields });
  const port = await freePort();
  await t.app.listen({ host: '127.0.0.1', port });
  ingestUrl = `http://127.0.0.1:${port}`;
  site = await startSite();
  const address = site.address();
  if (address === null || typeof address === 'string') throw new Error('the site server has no port');
  // Another port: another origin, as a customer's site is to ingest.
  siteUrl = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await new Promise((resolve) => (site ? site.close(resolve) : resolve(undefined)));
  await t?.close();
});

describe('GET /v1/tracker.js', () => {
  it('serves the snippet with the publishable key and the configured form fields written in, a password never', async () => {
    const response = await fetch(`${ingestUrl}/v1/tracker.js?key=${PUBLISHABLE_KEY}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await response.text();
    expect(script).toContain(JSON.stringify({ k: PUBLISHABLE_KEY, f: ['email', 'company'] }));
    expect(script).not.toContain('__LEADSCORE_CONFIG__');
  });

  it('refuses a secret key, an unknown key and no key, saying what to embed', async () => {
    const get = (query: string) => t.http.inject({ method: 'GET', url: `/v1/tracker.js${query}` });
    expectProblem(await get(`?key=${SECRET_KEY}`), 403, /secret key: it must never be on a web page/);
    expectProblem(await get('?key=pk_nobody'), 401, /unknown or revoked/);
    expectProblem(await get(''), 400, /publishable key/);
  });

  it('lets pages of any origin read the answers of /v1/batch (the snippet retries on 429 and 5xx)', async () => {
    const response = await t.http.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://customer.example' },
      payload: JSON.stringify({ writeKey: 'pk_nobody', batch: [] }),
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('the tracking snippet in Chromium', () => {
  // Here, not for the whole file: without Chromium these fail saying so, the route's tests still run.
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('records page views with UTM parameters, form submissions with the configured fields only, link clicks and identify, under one anonymous id', async () => {
    const { context, page, batches } = await visitor();
    await page.goto(`${siteUrl}/landing?${UTM}`);
    await snippetLoaded(page);
    await page.evaluate("history.pushState({}, '', '/landing/step-2')");
    await page.evaluate("leadscore.identify('ada@example.com', { company: 'Acme' })");
    const anonymousId = await anonymousIdOf(context);
    expect(anonymousId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const aid = anonymousId ?? '';

    await page.fill('input[name=email]', 'ada@example.com');
    await page.fill('input[name=company]', 'Acme');
    await page.fill('input[name=password]', 'hunter2-secret');
    await page.fill('input[name=notes]', 'not configured');
    await Promise.all([page.waitForURL(`${siteUrl}/thanks`), page.click('button[type=submit]')]);

    await page.goto(`${siteUrl}/landing`);
    await snippetLoaded(page);
    await Promise.all([page.waitForURL(`${siteUrl}/pricing`), page.click('#pricing')]);
    await snippetLoaded(page);
    await Promise.all([page.waitForURL('https://partner.example.com/offer'), page.click('#partner')]);

    const events = await eventsOf(
      aid,
      (mine) =>
        ofType(mine, 'web.page_viewed').length >= 4 &&
        ofType(mine, 'web.link_clicked').length >= 2 &&
        ofType(mine, 'web.form_submitted').length >= 1 &&
        ofType(mine, 'contact.identified').length >= 1,
      `4 page views, 2 link clicks, a form submission and an identify of ${aid}`,
    );
    const views = ofType(events, 'web.page_viewed');
    const landing = views.find((e) => data(e)['path'] === '/landing' && data(e)['utm'] !== undefined);
    expect(landing?.value).toMatchObject({
      subject: `anon:${aid}`,
      source: '/v1/page',
      data: {
        url: `${siteUrl}/landing?${UTM}`,
        path: '/landing',
        title: 'Landing',
        utm: { source: 'newsletter', medium: 'email', campaign: 'spring', term: 'scoring', content: 'hero' },
        // Headless Chromium says so in its user agent: flagged as every bot is, not dropped.
        bot: true,
        bot_reason: 'bot_user_agent',
      },
    });
    expect(data(landing)['user_agent']).toMatch(/HeadlessChrome/);
    expect(landing?.key).toBe(`${WORKSPACE}:anon:${aid}`);
    // The single-page app's next step: a page view whose referrer is the step before.
    expect(views.find((e) => data(e)['path'] === '/landing/step-2')?.value).toMatchObject({
      data: { url: `${siteUrl}/landing/step-2`, referrer: `${siteUrl}/landing?${UTM}` },
    });
    expect(views.find((e) => data(e)['path'] === '/pricing')?.value).toMatchObject({
      data: { title: 'Pricing', referrer: `${siteUrl}/landing` },
    });

    const [form] = ofType(events, 'web.form_submitted');
    expect(data(form)).toMatchObject({
      form_id: 'demo-request',
      fields: { email: 'ada@example.com', company: 'Acme' },
      url: `${siteUrl}/landing/step-2`,
    });
    expect(Object.keys(data(form)['fields'] as object).sort()).toEqual(['company', 'email']);
    // Not on the topic, and never sent over the wire either.
    for (const never of ['hunter2-secret', 'not configured', 'hidden-csrf-value']) {
      expect(JSON.stringify(events)).not.toContain(never);
      expect(batches.join('\n')).not.toContain(never);
    }

    const clicks = ofType(events, 'web.link_clicked').map((e) => data(e));
    expect(clicks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          url: `${siteUrl}/pricing`,
          text: 'See pricing',
          page_url: `${siteUrl}/landing`,
        }),
        expect.objectContaining({
          url: 'https://partner.example.com/offer',
          text: 'Our partner',
          page_url: `${siteUrl}/pricing`,
        }),
      ]),
    );

    // identify() names the visitor: keyed by the email, and the anonymous contact merged into it.
    const [identified] = ofType(events, 'contact.identified');
    expect(identified?.value).toMatchObject({
      subject: 'email:ada@example.com',
      source: '/v1/identify',
      data: {
        identities: { anonymous_id: aid, email: 'ada@example.com' },
        traits: { company: 'Acme', email: 'ada@example.com' },
      },
    });
    // The form naming an email identifies the visitor too (traits: the configured fields only).
    const formId = String(ofType(events, 'web.form_submitted')[0]?.value['id']);
    expect(
      ofType(events, 'contact.identified').find((e) => e.value['id'] === `identify:${formId}`)?.value,
    ).toMatchObject({
      subject: 'email:ada@example.com',
      data: {
        identities: { anonymous_id: aid, email: 'ada@example.com' },
        traits: { company: 'Acme', email: 'ada@example.com' },
      },
    });
    // Each identify asks for the merge (the scorer applies it once).
    expect(ofType(events, 'contact.merged').map((e) => [e.value['subject'], e.value['data']])).toEqual([
      ['email:ada@example.com', { merged_subject: `anon:${aid}` }],
      ['email:ada@example.com', { merged_subject: `anon:${aid}` }],
    ]);
    // Every other call of every page carried the same anonymous id, and each a messageId of its own.
    expect(
      events
        .filter((e) => !['contact.identified', 'contact.merged'].includes(String(e.value['type'])))
        .every((e) => e.value['subject'] === `anon:${aid}`),
    ).toBe(true);
    expect(new Set(events.map((e) => e.value['id'])).size).toBe(events.length);

    // A reload keeps the visitor: the same cookie, the next page view under the same id.
    await page.goto(`${siteUrl}/pricing?again=1`);
    await snippetLoaded(page);
    await page.reload();
    await snippetLoaded(page);
    expect(await anonymousIdOf(context)).toBe(aid);
    await eventsOf(
      aid,
      (mine) =>
        ofType(mine, 'web.page_viewed').filter((e) => data(e)['url'] === `${siteUrl}/pricing?again=1`)
          .length >= 2,
      'the page view before and after the reload',
    );
    await context.close();
  });

  it('keeps calls it could not send and sends them from the next page', async () => {
    const { context, page } = await visitor();
    // ingest unreachable for this page's calls (a network failure: retried, kept in localStorage)
    let failing = true;
    let refused = 0;
    await context.route(`${ingestUrl}/v1/batch`, async (route) => {
      if (!failing) return route.fallback();
      refused += 1;
      return route.abort('internetdisconnected');
    });
    await page.goto(`${siteUrl}/pricing?offline=1`);
    await snippetLoaded(page);
    // The first attempt failed, and the call is back in the stored queue for its retry.
    await pollUntil(
      () => Promise.resolve(refused),
      (count) => count >= 1,
      {
        withinMs: 30_000,
        waitingFor: 'the snippet to try /v1/batch',
      },
    );
    await page.waitForFunction("(localStorage.getItem('ls_q') ?? '').includes('offline=1')");
    const aid = (await anonymousIdOf(context)) ?? '';
    failing = false;
    await page.goto(`${siteUrl}/pricing?online=1`);
    const events = await eventsOf(
      aid,
      (mine) =>
        ['offline=1', 'online=1'].every((query) => mine.some((e) => String(data(e)['url']).includes(query))),
      'the page view kept while offline and the next one',
    );
    expect(ofType(events, 'web.page_viewed').length).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  it('sends nothing, sets no cookie and stores nothing under Do Not Track or Global Privacy Control', async () => {
    for (const signal of ['doNotTrack', 'globalPrivacyControl'] as const) {
      const { context, page, batches } = await visitor(
        signal === 'doNotTrack'
          ? "Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' })"
          : "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })",
      );
      await page.goto(`${siteUrl}/landing?${UTM}`);
      await snippetLoaded(page);
      await page.evaluate("leadscore.identify('dnt@example.com')");
      await page.fill('input[name=email]', 'dnt@example.com');
      await Promise.all([page.waitForURL(`${siteUrl}/thanks`), page.click('button[type=submit]')]);
      // Leaving the page flushes whatever was queued (sendBeacon on pagehide): there was nothing.
      expect(batches).toEqual([]);
      expect(await anonymousIdOf(context)).toBeUndefined();
      await page.goto(`${siteUrl}/pricing`);
      await snippetLoaded(page);
      expect(await page.evaluate("[localStorage.getItem('ls_q'), localStorage.getItem('ls_aid')]")).toEqual([
        null,
        null,
      ]);
      expect(batches).toEqual([]);
      await context.close();
    }
  });

  it('with data-consent="required" sends nothing and sets no cookie until consent, then what happened before it', async () => {
    const { context, page, batches } = await visitor();
    await page.goto(`${siteUrl}/consent?${UTM}`);
    await snippetLoaded(page);
    await page.evaluate("leadscore.identify('grace@example.com')");
    expect(batches).toEqual([]);
    expect(await anonymousIdOf(context)).toBeUndefined();
    expect(await page.evaluate("localStorage.getItem('ls_q')")).toBeNull();

    // The consent manager's call, in the embed's function form.
    await page.evaluate("leadscore('consent', true)");
    const aid = (await anonymousIdOf(context)) ?? '';
    expect(aid).not.toBe('');
    const events = await eventsOf(
      aid,
      (mine) => ofType(mine, 'web.page_viewed').length >= 1 && ofType(mine, 'contact.identified').length >= 1,
      'the page view and the identify held until consent',
    );
    expect(ofType(events, 'web.page_viewed')[0]?.value).toMatchObject({
      data: { path: '/consent', utm: { source: 'newsletter' } },
    });
    expect(ofType(events, 'contact.identified')[0]?.value).toMatchObject({
      data: { identities: { anonymous_id: aid, email: 'grace@example.com' } },
    });
    await context.close();
  });
});

describe('GET /v1/page.gif (pages without JavaScript)', () => {
  const chrome =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
  const pixel = (query: string, headers: Record<string, string> = {}) =>
    t.http.inject({
      method: 'GET',
      url: `/v1/page.gif?${query}`,
      headers: { 'user-agent': chrome, ...headers },
    });

  it('records a signed page view (bots and prefetches flagged), serves the GIF to anything else and records nothing', async () => {
    const subject = 'anon:nojs-visitor-1';
    const url = 'https://acme.test/pricing?utm_source=newsletter&utm_campaign=spring';
    const query = pageViewQuery(PIXEL_SECRET, { workspace: WORKSPACE, subject, url });
    const answers = [
      await pixel(query),
      await pixel(query, { 'sec-purpose': 'prefetch;prerender' }),
      await pixel(query, { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' }),
      await pixel(query.replace('pricing', 'careers')),
      await pixel(query.replace(/&s=.*$/, '')),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('image/gif');
      expect(answer.headers['cache-control']).toContain('no-store');
    }
    const events = await readEventsUntil(
      t.client,
      t.topic,
      (all) => all.filter((e) => e.value['subject'] === subject).length >= 3,
      'three page views from the pixel',
    );
    const mine = events.filter((e) => e.value['subject'] === subject).map((e) => e.value);
    expect(mine).toHaveLength(3);
    expect(mine.map((e) => e['data'])).toEqual([
      {
        url,
        path: '/pricing',
        utm: { source: 'newsletter', campaign: 'spring' },
        bot: false,
        user_agent: chrome,
      },
      expect.objectContaining({ url, bot: true, bot_reason: 'prefetch' }),
      expect.objectContaining({ url, bot: true, bot_reason: 'bot_user_agent' }),
    ]);
    expect(mine[0]).toMatchObject({ type: 'web.page_viewed', source: '/v1/page.gif', workspace: WORKSPACE });
  });
});
