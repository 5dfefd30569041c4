import { describe, expect, it } from '@jest/globals';
import { formatRate, formatRatioLine, rateOf, runBenchmark } from './benchmark.harness.js';

describe('benchmark harness', () => {
  it('prints both rates and, as the last line, the subject/baseline ratio with two decimals', async () => {
    const lines: string[] = [];
    const result = await runBenchmark({
      name: 'demo',
      units: 'msg',
      baseline: { name: 'plain', run: () => Promise.resolve({ count: 100_000, seconds: 2 }) },
      subject: { name: 'ours', run: () => Promise.resolve({ count: 100_000, seconds: 1.6 }) },
      write: (line) => lines.push(line),
    });
    expect(result.ratio).toBeCloseTo(1.25, 10);
    expect(lines.at(-1)).toBe('ratio ours/plain: 1.25');
    expect(lines).toContain('baseline plain: 100000 msg in 2.000 s = 50,000 msg/s');
    expect(lines).toContain('subject  ours: 100000 msg in 1.600 s = 62,500 msg/s');
  });

  it('keeps the best round of each case', async () => {
    const baselineSeconds = [4, 2, 3];
    const subjectSeconds = [1, 5, 2];
    const lines: string[] = [];
    const result = await runBenchmark({
      name: 'rounds',
      units: 'row',
      rounds: 3,
      baseline: {
        name: 'b',
        run: () => Promise.resolve({ count: 10, seconds: baselineSeconds.shift() ?? 1 }),
      },
      subject: { name: 's', run: () => Promise.resolve({ count: 10, seconds: subjectSeconds.shift() ?? 1 }) },
      write: (line) => lines.push(line),
    });
    expect(result.baseline.seconds).toBe(2);
    expect(result.subject.seconds).toBe(1);
    expect(lines.at(-1)).toBe('ratio s/b: 2.00');
  });

  it('measures references every round, prints their place between baseline and subject, and keeps the headline ratio last', async () => {
    const order: string[] = [];
    const floorSeconds = [2.5, 2];
    const lines: string[] = [];
    const result = await runBenchmark({
      name: 'with floor',
      units: 'req',
      rounds: 2,
      baseline: {
        name: 'bare',
        run: () => {
          order.push('bare');
          return Promise.resolve({ count: 100, seconds: 1, notes: ['cpu  bare 90%'] });
        },
      },
      references: [
        {
          name: 'floor',
          run: () => {
            order.push('floor');
            return Promise.resolve({ count: 100, seconds: floorSeconds.shift() ?? 9 });
          },
        },
      ],
      subject: {
        name: 'ours',
        run: () => {
          order.push('ours');
          return Promise.resolve({ count: 100, seconds: 4 });
        },
      },
      write: (line) => lines.push(line),
    });
    expect(order).toEqual(['bare', 'floor', 'ours', 'bare', 'floor', 'ours']);
    expect(result.references.map((r) => r.rate)).toEqual([50]);
    expect(result.ratio).toBeCloseTo(0.25, 10);
    expect(lines).toContain('reference floor: 100 req in 2.000 s = 50 req/s');
    expect(lines).toContain('context  floor/bare 0.50, ours/floor 0.50');
    expect(lines).toContain('         cpu  bare 90%');
    expect(lines.indexOf('         cpu  bare 90%')).toBe(
      lines.indexOf('baseline bare: 100 req in 1.000 s = 100 req/s') + 1,
    );
    expect(lines.filter((l) => l.startsWith('ratio '))).toEqual(['ratio ours/bare: 0.25']);
    expect(lines.at(-1)).toBe('ratio ours/bare: 0.25');
  });

  it('formats rates with thousands separators and ratios with two decimals', () => {
    expect(formatRate(1234567.4, 'msg')).toBe('1,234,567 msg/s');
    expect(formatRatioLine('x', 'y', 0.996)).toBe('ratio x/y: 1.00');
    expect(formatRatioLine('x', 'y', 0.5)).toBe('ratio x/y: 0.50');
  });

  it('refuses a measurement without a positive duration', () => {
    expect(() => rateOf({ count: 1, seconds: 0 })).toThrow(/positive duration/);
  });
});
