import { describe, expect, it } from '@jest/globals';
import { startBuiltService } from '@leadscore/testing';

/** The built service with `env` added; resolves with its exit code and what it wrote. */
async function startService(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const service = startBuiltService('decay', {
    // Nothing listens here: a start that got past the configuration would fail on these instead.
    DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:1/none',
    KAFKA_BROKERS: '127.0.0.1:1',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const code = await service.exited;
  return { code, stderr: service.output.join('') };
}

describe('the decay service start', () => {
  it('stops on an unknown workspace time zone, naming the workspace, the value and the fix', async () => {
    const { code, stderr } = await startService({
      DECAY_WORKSPACE_TIME_ZONES: '{"acme":"Europe/Berln","globex":"America/New_York"}',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration (1 problem):');
    expect(stderr).toContain('DECAY_WORKSPACE_TIME_ZONES (workspace "acme"): expected an IANA');
    expect(stderr).toContain('got "Europe/Berln"');
    expect(stderr).not.toContain('globex');
  });
});
