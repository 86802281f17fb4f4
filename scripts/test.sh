#!/usr/bin/env bash
# Every test: unit, integration (SQLite and the real PostgreSQL) and HTTP end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  bash scripts/ensure-postgres.sh
fi
results=$(mktemp)
trap 'rm -f "$results"' EXIT
# One worker at a time keeps the concurrency tests honest on a 2-core machine.
status=0
npx jest --runInBand --json --outputFile="$results" "$@" || status=$?
# A plain closing line that any CI can read.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' "$results" || true
exit "$status"
