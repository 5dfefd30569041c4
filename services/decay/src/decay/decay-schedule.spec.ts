import { describe, expect, it } from '@jest/globals';
import { type ScoringModel } from '@leadscore/contracts';
import { DecayScheduleError, lastScheduledTime } from './decay-schedule.js';

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
