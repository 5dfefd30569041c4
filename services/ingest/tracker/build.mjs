// Builds the tracking snippet (src/tracker.ts) into one minified IIFE, dist/tracker/leadscore.js, and
// checks its gzipped size against the budget: over it, the build fails. Run by the package's build.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 4096;
/** Ingest writes the workspace's key and form fields here (src/tracking/tracker-script.ts). */
const PLACEHOLDER = '__LEADSCORE_CONFIG__';

const here = import.meta.dirname;
const out = join(here, '..', 'dist', 'tracker', 'leadscore.js');

const result = await build({
  entryPoints: [join(here, 'src', 'tracker.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  platform: 'browser',
  write: false,
  legalComments: 'none',
  logLevel: 'warning',
});
const code = result.outputFiles[0].text;
const placeholders = code.split(PLACEHOLDER).length - 1;
if (placeholders !== 1) {
  console.error(`tracker: expected ${PLACEHOLDER} once in the built script, found it ${placeholders} times`);
  process.exit(1);
}
const gzipped = gzipSync(code, { level: 9 }).length;
mkdirSync(dirname(out), { recursive: true });
// Written aside and renamed: test suites build it in parallel while others read it.
const partial = `${out}.${process.pid}.tmp`;
writeFileSync(partial, code);
renameSync(partial, out);
console.log(
  `tracker: ${code.length} bytes minified, ${gzipped} bytes gzipped (budget ${BUDGET_GZIP_BYTES}) → dist/tracker/leadscore.js`,
);
if (gzipped > BUDGET_GZIP_BYTES) {
  console.error(`tracker: ${gzipped} bytes gzipped is over the budget of ${BUDGET_GZIP_BYTES}`);
  process.exit(1);
}
