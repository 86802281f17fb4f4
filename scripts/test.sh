#!/usr/bin/env bash
# Every test: unit, integration (SQLite and the real PostgreSQL) and HTTP end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  bash scripts/ensure-postgres.sh
fi
# One worker at a time keeps the concurrency tests honest on a 2-core machine.
exec npx jest --runInBand "$@"
