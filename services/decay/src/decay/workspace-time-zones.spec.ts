import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@leadscore/config';
import { parseWorkspaceTimeZones } from './workspace-time-zones.js';

function problemsOf(json: string): string {
  try {
    parseWorkspaceTimeZones(json);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`${json} was accepted`);
}

describe('DECAY_WORKSPACE_TIME_ZONES', () => {
  it('is empty when unset: every workspace in UTC', () => {
    expect(parseWorkspaceTimeZones(undefined).size).toBe(0);
  });

  it('maps each workspace to its zone', () => {
    expect([
      ...parseWorkspaceTimeZones('{"acme":"Europe/Berlin","globex":"America/New_York","initech":"UTC"}'),
    ]).toEqual([
      ['acme', 'Europe/Berlin'],
      ['globex', 'America/New_York'],
      ['initech', 'UTC'],
    ]);
  });

  it('names the workspace, the value and the fix for an unknown zone, every one at once', () => {
    const message = problemsOf('{"acme":"Europe/Berln","globex":"+01:00","ok":"Asia/Tokyo","n":7}');
    expect(message).toContain('3 problems');
    expect(message).toContain(
      'DECAY_WORKSPACE_TIME_ZONES (workspace "acme"): expected an IANA (tz database) time zone name such as "Europe/Berlin"',
    );
    expect(message).toContain('got "Europe/Berln"');
    expect(message).toContain('DECAY_WORKSPACE_TIME_ZONES (workspace "globex")');
    expect(message).toContain('got "+01:00"');
    expect(message).toContain('DECAY_WORKSPACE_TIME_ZONES (workspace "n")');
    expect(message).toContain('got 7');
    expect(message).toContain('remove the workspace to use UTC');
    expect(message).not.toContain('"ok"');
  });

  it('refuses what is not a JSON object of workspace ids', () => {
    for (const json of ['Europe/Berlin', '["acme","Europe/Berlin"]', 'null', '{"acme":']) {
      expect(problemsOf(json)).toContain(
        'DECAY_WORKSPACE_TIME_ZONES: expected a JSON object of workspace id to IANA time zone, such as {"acme":"Europe/Berlin"',
      );
    }
    expect(problemsOf('{"Acme Corp":"Europe/Berlin"}')).toContain('got the key "Acme Corp"');
  });
});
