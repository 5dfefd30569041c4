import { type ScoringModel } from '@leadscore/contracts';
import { DAY_MS } from '../src/scoring-time.js';

/** Test helpers shared by the specs (not exported from the package). */
export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

export const days = (n: number): number => T0 + n * DAY_MS;

export function modelWith(parts: Partial<ScoringModel>): ScoringModel {
  return { id: 'test', version: 1, workspace: 'acme', name: 'Test model', ...parts };
}

/** Mirrors examples/models/ontraport.yaml (libs/scoring may not read files; the contracts spec validates the YAML). */
export const ONTRAPORT: ScoringModel = modelWith({
  id: 'ontraport',
  fit: [
    {
      id: 'job-title-ceo',
      field: 'jobTitle',
      operator: 'equals',
      value: 'CEO',
      ignoreCase: true,
      points: 15,
    },
    {
      id: 'state-colorado',
      field: 'state',
      operator: 'in',
      values: ['Colorado', 'CO'],
      ignoreCase: true,
      points: 10,
    },
    {
      id: 'plans-to-buy-in-30-days',
      field: 'purchaseTimeframe',
      operator: 'equals',
      value: 'within 30 days',
      ignoreCase: true,
      points: 10,
    },
  ],
  engagement: [
    {
      id: 'email-click',
      event: 'email.clicked',
      filters: [{ field: 'bot', operator: 'equals', value: true, negate: true }],
      points: 5,
    },
    {
      id: 'pricing-page-view',
      event: 'web.page_viewed',
      filters: [{ field: 'path', operator: 'regex', pattern: '^/pricing(/|$)' }],
      points: 10,
    },
    {
      id: 'membership-login',
      event: 'web.page_viewed',
      filters: [{ field: 'path', operator: 'regex', pattern: '^/members(/|$)' }],
      points: 18,
      limits: { perDay: 1 },
    },
  ],
  decay: { percentPerDay: 2 },
  tiers: { warm: 30, hot: 60 },
});

/** Mirrors examples/models/webinar.yaml. */
export const WEBINAR: ScoringModel = modelWith({
  id: 'webinar',
  engagement: [
    { id: 'webinar-registered', event: 'webinar.registered', points: 10 },
    { id: 'webinar-attended', event: 'webinar.attended', points: 25 },
  ],
  absence: [
    {
      id: 'webinar-no-show',
      trigger: { event: 'webinar.registered' },
      expect: { event: 'webinar.attended' },
      correlateOn: ['webinar_id'],
      windowDays: 7,
      points: -10,
    },
  ],
  decay: { percentPerDay: 1 },
  tiers: { warm: 10, hot: 30 },
});

/** Mirrors examples/models/product.yaml: a team's own product events, as custom events. */
export const PRODUCT: ScoringModel = modelWith({
  id: 'product',
  engagement: [
    {
      id: 'demo-requested',
      event: 'custom.Demo Requested',
      points: 30,
      limits: { once: true },
      decay: 'none',
    },
    {
      id: 'paid-plan-purchase',
      event: 'custom.Item Purchased',
      filters: [
        { field: 'plan', operator: 'in', values: ['pro', 'business'], ignoreCase: true },
        { field: 'price', operator: 'range', min: 100 },
      ],
      points: 20,
      limits: { perDay: 2 },
    },
    { id: 'call-scheduled', event: 'custom.Call Scheduled', points: 15, expiresAfterDays: 30 },
    {
      id: 'application-submitted',
      event: 'custom.Application Submitted',
      filters: [{ field: 'bot', operator: 'equals', value: true, negate: true }],
      points: 10,
    },
  ],
  absence: [
    {
      id: 'application-without-call',
      trigger: { event: 'custom.Application Submitted' },
      expect: { event: 'custom.Call Scheduled' },
      windowDays: 7,
      points: -5,
    },
  ],
  decay: { percentPerDay: 1 },
  tiers: { warm: 25, hot: 60 },
});
