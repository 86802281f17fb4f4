#!/usr/bin/env bash
# npm run stop:cluster — stops the apps started by start:cluster, then the Kafka broker.
set -uo pipefail
cd "$(dirname "$0")/.."
CLUSTER_DIR="${CLUSTER_DIR:-$PWD/data/cluster}"
for pidfile in "$CLUSTER_DIR"/*.pid; do
  [ -e "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
done
bash infra/kafka/stop.sh
