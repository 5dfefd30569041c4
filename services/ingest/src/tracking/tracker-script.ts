import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the package's build writes the snippet (tracker/build.mjs); the same from src/ and dist/. */
export const TRACKER_SCRIPT_FILE = fileURLToPath(new URL('../../dist/tracker/leadscore.js', import.meta.url));

/** The one spot of the built script where ingest writes the workspace's configuration. */
const PLACEHOLDER = '__LEADSCORE_CONFIG__';

/** What a served snippet knows of its workspace. */
export interface TrackerConfig {
  /** The publishable key the snippet writes with. */
  readonly writeKey: string;
  /** The form fields it captures (the workspace's `trackingFormFields`). */
  readonly formFields: ReadonlySet<string>;
}

/**
 * The built tracking snippet, with the workspace's configuration written in at serving time: the
 * script is read once, split at its placeholder, and each answer is the two halves around a small
 * JSON object.
 */
export class TrackerScript {
  private constructor(
    private readonly before: string,
    private readonly after: string,
  ) {}

  /** The script of `file`; a clear error when it was not built or is not the snippet. */
  static load(file = TRACKER_SCRIPT_FILE): TrackerScript {
    let code: string;
    try {
      code = readFileSync(file, 'utf8');
    } catch {
      throw new Error(
        `the tracking snippet is not built (${file} is missing): run "npm run build -w @leadscore/ingest"`,
      );
    }
    const parts = code.split(PLACEHOLDER);
    if (parts.length !== 2)
      throw new Error(`${file} is not the tracking snippet (no single ${PLACEHOLDER}): rebuild it`);
    return new TrackerScript(parts[0] ?? '', parts[1] ?? '');
  }

  render(config: TrackerConfig): string {
    // Field names are restricted to [A-Za-z0-9_.:[\]-] and the key is a key: JSON is safe in the script.
    return `${this.before}${JSON.stringify({ k: config.writeKey, f: [...config.formFields] })}${this.after}`;
  }
}
