import { seededRandom } from '@leadscore/learning';

/** A contact of a learning test: its industry trait, its page views, and its outcome (none: not recorded). */
export interface PastLead {
  readonly contact: string;
  readonly industry: string;
  readonly views: number;
  readonly outcome?: 'won' | 'lost';
}

/**
 * `count` contacts keyed `email:<prefix><n>@example.com`, every 6th without an outcome; SaaS and more page
 * views win more often (the same draw for the same seed), for tests that learn from recorded outcomes.
 */
export function pastLeads(count: number, seed: number, prefix: string): PastLead[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, n) => {
    const industry = ['saas', 'retail', 'finance'][n % 3] ?? 'saas';
    const views = Math.floor(random() * 6);
    const won = random() < 0.2 + (industry === 'saas' ? 0.3 : 0) + views * 0.05;
    return {
      contact: `email:${prefix}${String(n).padStart(3, '0')}@example.com`,
      industry,
      views,
      ...(n % 6 === 5 ? {} : { outcome: won ? ('won' as const) : ('lost' as const) }),
    };
  });
}
