import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseModel } from './parse-model.js';

const examples = fileURLToPath(new URL('../../../../examples/models/', import.meta.url));
const load = (file: string) =>
  parseModel(readFileSync(`${examples}${file}`, 'utf8'), 'yaml', `examples/models/${file}`);

/** The example models give fixed points (a computed one fails here, saying so). */
const fixed = (points: unknown): number => {
  if (typeof points !== 'number') throw new Error(`expected fixed points, got ${JSON.stringify(points)}`);
  return points;
};

describe('example models', () => {
  it('ships the ONTRAPORT, HubSpot, webinar and product (custom events) examples', () => {
    expect(
      readdirSync(examples)
        .filter((f) => f.endsWith('.yaml'))
        .sort(),
    ).toEqual(expect.arrayContaining(['hubspot.yaml', 'ontraport.yaml', 'product.yaml', 'webinar.yaml']));
  });

  it.each(readdirSync(examples).filter((f) => f.endsWith('.yaml')))('validates %s', (file) => {
    expect(() => load(file)).not.toThrow();
  });

  it('gives the ONTRAPORT model 35 explicit points, 33 behavioral points and 2 % daily decay', () => {
    const model = load('ontraport.yaml');
    expect((model.fit ?? []).reduce((sum, rule) => sum + fixed(rule.points), 0)).toBe(35);
    expect((model.engagement ?? []).reduce((sum, rule) => sum + fixed(rule.points), 0)).toBe(33);
    expect(model.decay).toEqual({ percentPerDay: 2 });
  });

  it('gives the HubSpot model per-rule limits and a score maximum', () => {
    const model = load('hubspot.yaml');
    expect(model.engagement?.some((rule) => rule.limits !== undefined)).toBe(true);
    expect(model.caps?.maxTotal).toBe(100);
  });

  it('gives the HubSpot model a grade × score MQL matrix and a recycled stage', () => {
    const model = load('hubspot.yaml');
    expect(model.lifecycle?.mql?.match).toBe('any');
    expect(model.lifecycle?.mql?.conditions).toHaveLength(2);
    expect(model.lifecycle?.recycled).toBeDefined();
  });

  it('gives the webinar model +10 registered, +25 attended and -10 registered-but-absent', () => {
    const model = load('webinar.yaml');
    expect(model.engagement?.map((rule) => [rule.event, rule.points])).toEqual([
      ['webinar.registered', 10],
      ['webinar.attended', 25],
    ]);
    expect(model.absence?.[0]).toMatchObject({
      trigger: { event: 'webinar.registered' },
      expect: { event: 'webinar.attended' },
      points: -10,
    });
  });

  it('gives the product model rules on custom events, with a filter, a per-day limit and an expiry', () => {
    const model = load('product.yaml');
    expect(model.engagement?.map((rule) => [rule.event, rule.points])).toEqual([
      ['custom.Demo Requested', 30],
      ['custom.Item Purchased', 20],
      ['custom.Call Scheduled', 15],
      ['custom.Application Submitted', 10],
    ]);
    expect(model.engagement?.[0]).toMatchObject({ decay: 'none', limits: { once: true } });
    expect(model.engagement?.[1]).toMatchObject({
      filters: [{ field: 'plan' }, { field: 'price', operator: 'range', min: 100 }],
      limits: { perDay: 2 },
    });
    expect(model.engagement?.[2]?.expiresAfterDays).toBe(30);
    expect(model.absence?.[0]).toMatchObject({
      trigger: { event: 'custom.Application Submitted' },
      expect: { event: 'custom.Call Scheduled' },
      points: -5,
    });
  });
});
