#!/usr/bin/env bash
# Every check the project has: generated types up to date, formatting, typecheck, lint, the console's component
# tests (Vitest), then all jest suites in one run (unit, integration against real Kafka/PostgreSQL/ClickHouse,
# e2e, the console in Chromium). Non-zero on any failure.
# Arguments are passed to jest (e.g. a path pattern).
set -uo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true
status=0
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ -f tools/codegen/generate-types.mjs ]; then
  step "generated types and the model reference are up to date"
  node tools/codegen/generate-types.mjs --check || status=1
  node tools/codegen/generate-model-reference.mjs --check || status=1
fi

step "formatting (prettier --check; fix with npx prettier --write .)"
npx prettier --check . --log-level warn || status=1

step "typecheck and lint"
npx nx run-many -t typecheck lint --parallel=2 --outputStyle=static || status=1

mkdir -p .local
results=.local/jest-results.json
component_results=.local/vitest-results.json
rm -f "$results" "$component_results"

# The console's component tests (Vitest, jsdom) only when no jest arguments narrow the run.
if [ $# -eq 0 ]; then
  step "console component tests (vitest)"
  (cd apps/console && npx vitest run --reporter=default --reporter=json --outputFile.json="../../$component_results") || status=1
fi

step "tests (jest)"
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" \
  npx jest -c jest.config.js --ci --json --outputFile="$results" "$@" || status=1

if [ -f "$results" ]; then
  # One plain closing line that any CI reads: "jest: N passed, N failed" — Vitest's tests counted in.
  node -e '
    const fs = require("fs");
    const runs = process.argv.slice(1).filter((file) => fs.existsSync(file)).map((file) => JSON.parse(fs.readFileSync(file, "utf8")));
    const passed = runs.reduce((sum, r) => sum + r.numPassedTests, 0);
    const failed = runs.reduce((sum, r) => sum + r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0), 0);
    const total = runs.reduce((sum, r) => sum + r.numTotalTests, 0);
    if (runs.length > 1) console.log(`\nof which vitest (apps/console): ${runs[1].numPassedTests} passed, ${runs[1].numFailedTests} failed`);
    console.log(`\njest: ${passed} passed, ${failed} failed`);
    if (total === 0) { console.error("no test ran"); process.exit(1); }
  ' "$results" "$component_results" || status=1
else
  echo "jest wrote no results" >&2
  status=1
fi
if [ $# -eq 0 ] && [ ! -f "$component_results" ]; then
  echo "vitest wrote no results" >&2
  status=1
fi
exit $status
