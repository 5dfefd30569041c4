import { createRequire } from 'node:module';

/**
 * The package's version, read at run time from ../package.json: next to dist/ in the packed package,
 * next to src/ in the workspace (yargs' own lookup cannot see past the bundle).
 */
export const VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
