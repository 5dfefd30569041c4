import { describe, expect, it } from '@jest/globals';
import { type ScoringModel } from '@leadscore/contracts';
import {
  DecayScheduleError,
  decayScheduleOf,
  lastScheduledTime,
  nextScheduledTime,
} from './decay-schedule.js';

const model = (schedule?: ScoringModel['schedule']): ScoringModel => ({
  id: 'm',
  version: 1,
  workspace: 'w',
  name: 'schedule spec',
  ...(schedule ? { schedule } : {}),
});

describe('lastScheduledTime', () => {
  it('defaults to daily at 00:00 UTC', () => {
    expect(lastScheduledTime(model(), Date.parse('2026-03-10T15:30:00Z'))).toBe(
      Date.parse('2026-03-10T00:00:00Z'),
    );
  });

  it('counts a fire time exactly at now', () => {
    expect(lastScheduledTime(model(), Date.parse('2026-03-10T00:00:00Z'))).toBe(
      Date.parse('2026-03-10T00:00:00Z'),
    );
  });

  it('reads the cron expression in the model’s time zone', () => {
    const berlin = model({ cron: '0 3 * * *', timezone: 'Europe/Berlin' });
    // 03:00 in Berlin is 02:00 UTC in winter.
    expect(lastScheduledTime(berlin, Date.parse('2026-01-10T02:30:00Z'))).toBe(
      Date.parse('2026-01-10T02:00:00Z'),
    );
    expect(lastScheduledTime(berlin, Date.parse('2026-01-10T01:30:00Z'))).toBe(
      Date.parse('2026-01-09T02:00:00Z'),
    );
  });

  it('supports hourly schedules', () => {
    expect(lastScheduledTime(model({ cron: '0 * * * *' }), Date.parse('2026-03-10T15:59:59Z'))).toBe(
      Date.parse('2026-03-10T15:00:00Z'),
    );
  });

  it('names the model and the expression when the schedule cannot be read', () => {
    expect(() => lastScheduledTime(model({ cron: '99 * * * *' }), 0)).toThrow(DecayScheduleError);
    expect(() => lastScheduledTime(model({ cron: '99 * * * *' }), 0)).toThrow(
      /w\/m v1: schedule.cron "99 \* \* \* \*"/,
    );
    expect(() => lastScheduledTime(model({ cron: '0 0 * * *', timezone: 'Mars/Olympus' }), 0)).toThrow(
      DecayScheduleError,
    );
  });
});

describe('the zone a schedule is read in', () => {
  const berlin = 'Europe/Berlin';

  it('is the model’s own timezone, then the workspace’s, then UTC', () => {
    expect(decayScheduleOf(model({ cron: '0 3 * * *', timezone: 'America/New_York' }), berlin)).toEqual({
      cron: '0 3 * * *',
      timezone: 'America/New_York',
      timezoneFrom: 'model',
    });
    expect(decayScheduleOf(model({ cron: '0 3 * * *' }), berlin)).toEqual({
      cron: '0 3 * * *',
      timezone: berlin,
      timezoneFrom: 'workspace',
    });
    expect(decayScheduleOf(model(), berlin)).toEqual({
      cron: '0 0 * * *',
      timezone: berlin,
      timezoneFrom: 'workspace',
    });
    expect(decayScheduleOf(model({ cron: '0 3 * * *' }))).toEqual({
      cron: '0 3 * * *',
      timezone: 'UTC',
      timezoneFrom: 'default',
    });
  });

  it('puts a model without a schedule at 00:00 in its workspace’s zone', () => {
    // 00:00 in Berlin is 23:00 UTC the day before in winter.
    const now = Date.parse('2026-01-10T15:30:00Z');
    expect(lastScheduledTime(model(), now, berlin)).toBe(Date.parse('2026-01-09T23:00:00Z'));
    expect(nextScheduledTime(model(), now, berlin)).toBe(Date.parse('2026-01-10T23:00:00Z'));
    expect(lastScheduledTime(model(), now)).toBe(Date.parse('2026-01-10T00:00:00Z'));
  });

  it('reads a schedule without a timezone in the workspace’s zone', () => {
    const hourOfBerlin = model({ cron: '0 3 * * *' });
    expect(lastScheduledTime(hourOfBerlin, Date.parse('2026-01-10T02:30:00Z'), berlin)).toBe(
      Date.parse('2026-01-10T02:00:00Z'),
    );
  });

  it('keeps the model’s own timezone over the workspace’s', () => {
    const newYork = model({ cron: '0 0 * * *', timezone: 'America/New_York' });
    // 00:00 in New York is 05:00 UTC in winter.
    expect(lastScheduledTime(newYork, Date.parse('2026-01-10T15:30:00Z'), berlin)).toBe(
      Date.parse('2026-01-10T05:00:00Z'),
    );
  });

  it('follows midnight in Berlin across the March change to summer time (a 23-hour day)', () => {
    // Clocks go from 02:00 CET to 03:00 CEST on Sunday 2026-03-29.
    const midnights = ['2026-03-27T23:00:00Z', '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z'].map((t) =>
      Date.parse(t),
    );
    expect(lastScheduledTime(model(), Date.parse('2026-03-29T12:00:00Z'), berlin)).toBe(midnights[1]);
    expect(nextScheduledTime(model(), Date.parse('2026-03-29T12:00:00Z'), berlin)).toBe(midnights[2]);
    expect(lastScheduledTime(model(), Date.parse('2026-03-29T22:00:00Z'), berlin)).toBe(midnights[2]);
    expect(lastScheduledTime(model(), Date.parse('2026-03-29T21:59:59Z'), berlin)).toBe(midnights[1]);
    // Walking the fire times one by one meets each local midnight once: 24 h, then 23 h.
    expect(nextScheduledTime(model(), midnights[0]!, berlin)).toBe(midnights[1]);
    expect(nextScheduledTime(model(), midnights[1]!, berlin)).toBe(midnights[2]);
    expect(midnights[2]! - midnights[1]!).toBe(23 * 3_600_000);
  });

  it('follows midnight in Berlin across the October change back (a 25-hour day)', () => {
    // Clocks go from 03:00 CEST back to 02:00 CET on Sunday 2026-10-25.
    expect(nextScheduledTime(model(), Date.parse('2026-10-24T22:00:00Z'), berlin)).toBe(
      Date.parse('2026-10-25T23:00:00Z'),
    );
    expect(lastScheduledTime(model(), Date.parse('2026-10-25T22:59:59Z'), berlin)).toBe(
      Date.parse('2026-10-24T22:00:00Z'),
    );
  });

  it('names the workspace when its zone is the one in use and the schedule cannot be read', () => {
    expect(() => lastScheduledTime(model({ cron: '0 0 * * *' }), 0, 'Mars/Olympus')).toThrow(
      /timezone Mars\/Olympus of workspace w/,
    );
  });
});
