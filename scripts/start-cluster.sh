#!/usr/bin/env bash
# npm run start:cluster — the production topology on this machine: a Kafka broker (infra/kafka),
# PostgreSQL, and each bounded context as its own process, plus the projections process.
# Logs and pids under data/cluster/; stop with `npm run stop:cluster`.
set -euo pipefail
cd "$(dirname "$0")/.."

CLUSTER_DIR="${CLUSTER_DIR:-$PWD/data/cluster}"
DB_NAME="${CLUSTER_DB:-cogov_cluster}"
mkdir -p "$CLUSTER_DIR/logs"

TEST_DB="$DB_NAME" bash scripts/ensure-postgres.sh
bash infra/kafka/start.sh
npm run -s build

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/$DB_NAME}"
export DATA_DIR="$CLUSTER_DIR"          # shared: the embedded token-signing secret lives here
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"

start() { # name, entry, extra env...
  local name=$1 entry=$2; shift 2
  local pidfile="$CLUSTER_DIR/$name.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "$name is already running (pid $(cat "$pidfile"))"
    return
  fi
  env "$@" node "dist/$entry" >"$CLUSTER_DIR/logs/$name.log" 2>&1 &
  echo $! >"$pidfile"
}

# Every context of the list (apps/contexts.ts) as its own app on its own port; their read models
# are built by the projections process.
mapfile -t CONTEXTS < <(node -e 'for (const c of require("./dist/apps/contexts.js").CONTEXTS) console.log(`${c.name} ${c.port}`)')
for entry in "${CONTEXTS[@]}"; do
  read -r name port <<<"$entry"
  start "$name" "apps/$name/src/main.js" PORT="$port" RUN_PROJECTIONS=false
done
start projections apps/projections/src/main.js

wait_for() { # name, url
  for _ in $(seq 1 60); do
    if curl -fsS "$2" >/dev/null 2>&1; then echo "  $1  $2"; return 0; fi
    if ! kill -0 "$(cat "$CLUSTER_DIR/$1.pid")" 2>/dev/null; then
      echo "$1 exited; last lines of its log:" >&2; tail -n 30 "$CLUSTER_DIR/logs/$1.log" >&2; return 1
    fi
    sleep 1
  done
  echo "$1 did not answer at $2 in 60 s" >&2; return 1
}

echo "cluster up:"
for entry in "${CONTEXTS[@]}"; do
  read -r name port <<<"$entry"
  wait_for "$name" "http://127.0.0.1:$port/api/health"
done
# The projections app has no HTTP: it is ready once it logs that its projections follow the store.
for _ in $(seq 1 60); do
  if grep -q "following schema" "$CLUSTER_DIR/logs/projections.log" 2>/dev/null; then break; fi
  if ! kill -0 "$(cat "$CLUSTER_DIR/projections.pid")" 2>/dev/null; then
    echo "projections exited; last lines of its log:" >&2; tail -n 30 "$CLUSTER_DIR/logs/projections.log" >&2; exit 1
  fi
  sleep 1
done
grep -q "following schema" "$CLUSTER_DIR/logs/projections.log" || { echo "projections did not start following in 60 s" >&2; exit 1; }
echo "  projections  (no HTTP; log: $CLUSTER_DIR/logs/projections.log)"
echo "  kafka  127.0.0.1:9092   postgres  $DATABASE_URL (one schema per context, named after it)"
echo "tokens: DATA_DIR=$CLUSTER_DIR npm run -s token -- --person admin --role platform-admin"
