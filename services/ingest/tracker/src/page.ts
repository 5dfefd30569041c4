/** `context.page` of a Segment call: the page as it is now. */
export interface PageContext {
  url: string;
  path: string;
  title: string;
  search: string;
  referrer?: string;
}

/** `context.campaign` (Segment's names: utm_campaign is `name`). */
export type Campaign = Partial<Record<'source' | 'medium' | 'name' | 'term' | 'content', string>>;

/** The address of the page without its fragment (a #section is the same page). */
export function pageUrl(): string {
  return location.href.replace(/#.*$/, '');
}

export function pageContext(referrer: string): PageContext {
  const page: PageContext = {
    url: pageUrl(),
    path: location.pathname,
    title: document.title.slice(0, 1024),
    search: location.search,
  };
  if (referrer) page.referrer = referrer;
  return page;
}

const UTM: readonly (keyof Campaign)[] = ['source', 'medium', 'name', 'term', 'content'];

/** The UTM parameters of the page's address, or undefined when it has none. */
export function campaignOf(search: string): Campaign | undefined {
  const params = new URLSearchParams(search);
  const campaign: Campaign = {};
  let found = false;
  for (const key of UTM) {
    const value = params.get(`utm_${key === 'name' ? 'campaign' : key}`);
    if (value) {
      campaign[key] = value.slice(0, 256);
      found = true;
    }
  }
  return found ? campaign : undefined;
}
