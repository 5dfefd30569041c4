import { isTimeZone } from '@leadscore/access';
import { ConfigError, type ConfigProblem } from '@leadscore/config';

/** The variable that gives each workspace the zone its models' schedules are read in by default. */
export const WORKSPACE_TIME_ZONES_VARIABLE = 'DECAY_WORKSPACE_TIME_ZONES';

/** The same workspace id rule as events and INGEST_WORKSPACES. */
const WORKSPACE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const EXAMPLE = '{"acme":"Europe/Berlin","globex":"America/New_York"}';
const MAX_SHOWN_LENGTH = 80;

/** Workspace id → IANA time zone; a workspace not listed uses UTC. */
export type WorkspaceTimeZones = ReadonlyMap<string, string>;

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN_LENGTH ? `${text.slice(0, MAX_SHOWN_LENGTH)}…` : text;
}

/**
 * Reads DECAY_WORKSPACE_TIME_ZONES (unset: every workspace in UTC). Throws a ConfigError listing every
 * bad entry at once: each names the workspace, the value found and what to write instead.
 */
export function parseWorkspaceTimeZones(json: string | undefined): WorkspaceTimeZones {
  if (json === undefined) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError([
      {
        variable: WORKSPACE_TIME_ZONES_VARIABLE,
        expected: `a JSON object of workspace id to IANA time zone, such as ${EXAMPLE}`,
        received: shown(json),
      },
    ]);
  }
  const zones = new Map<string, string>();
  const problems: ConfigProblem[] = [];
  for (const [workspace, zone] of Object.entries(parsed)) {
    if (!WORKSPACE_ID.test(workspace)) {
      problems.push({
        variable: WORKSPACE_TIME_ZONES_VARIABLE,
        expected:
          'workspace ids as keys: 1-64 lowercase letters, digits, "_" and "-", starting with a letter or digit (as events carry them)',
        received: `the key ${shown(workspace)}`,
      });
    } else if (typeof zone !== 'string' || !isTimeZone(zone)) {
      problems.push({
        variable: `${WORKSPACE_TIME_ZONES_VARIABLE} (workspace "${workspace}")`,
        expected:
          'an IANA (tz database) time zone name such as "Europe/Berlin", "America/New_York" or "UTC", not an offset like "+01:00"; fix the name, or remove the workspace to use UTC',
        received: shown(zone),
      });
    } else {
      zones.set(workspace, zone);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return zones;
}
