#!/usr/bin/env bash
# Every check the project has: generated types up to date, formatting, typecheck, lint, then all jest suites in one
# run (unit, integration against real Kafka/PostgreSQL/ClickHouse, e2e). Non-zero on any failure.
# Arguments are passed to jest (e.g. a path pattern).
set -uo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true
status=0
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ -f tools/codegen/generate-types.mjs ]; then
  step "generated types are up to date"
  node tools/codegen/generate-types.mjs --check || status=1
fi

step "formatting (prettier --check; fix with npx prettier --write .)"
npx prettier --check . --log-level warn || status=1

step "typecheck and lint"
npx nx run-many -t typecheck lint --parallel=2 --outputStyle=static || status=1

step "tests"
mkdir -p .local
results=.local/jest-results.json
rm -f "$results"
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" \
  npx jest -c jest.config.js --ci --json --outputFile="$results" "$@" || status=1

if [ -f "$results" ]; then
  # One plain closing line that any CI reads: "jest: N passed, N failed".
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(`\njest: ${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed`);
    if (r.numTotalTests === 0) { console.error("no test ran"); process.exit(1); }
  ' "$results" || status=1
else
  echo "jest wrote no results" >&2
  status=1
fi
exit $status
