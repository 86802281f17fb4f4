#!/usr/bin/env bash
# Every test: unit, integration (SQLite, the real PostgreSQL and Kafka) and end-to-end (HTTP, and
# the contexts as separate processes over Kafka). Starts what it needs when it is not running.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  bash scripts/ensure-postgres.sh
fi

# The broker: started here when nothing answers on 9092, and stopped again at the end.
started_kafka=0
if [ -z "${KAFKA_BROKERS:-}" ]; then
  if ! (exec 3<>/dev/tcp/127.0.0.1/9092) 2>/dev/null; then
    bash infra/kafka/start.sh
    started_kafka=1
  fi
fi

results=$(mktemp)
cleanup() {
  rm -f "$results"
  if [ "$started_kafka" = 1 ]; then bash infra/kafka/stop.sh || true; fi
}
trap cleanup EXIT

# The cross-process tests run the built apps.
npm run -s build

# One worker at a time keeps the concurrency tests honest on a 2-core machine.
status=0
npx jest --runInBand --json --outputFile="$results" "$@" || status=$?
# A plain closing line that any CI can read.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' "$results" || true
exit "$status"
