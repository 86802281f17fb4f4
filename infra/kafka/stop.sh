#!/usr/bin/env bash
# infra/kafka/stop.sh — stops the broker started by start.sh (SIGTERM, then SIGKILL after 30 s).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
DATA="${KAFKA_DATA_DIR:-$here/data}"
pidfile="$DATA/broker.pid"
if [ ! -f "$pidfile" ] || ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  rm -f "$pidfile"
  echo "Kafka is not running (from $DATA)" >&2
  exit 0
fi
pid=$(cat "$pidfile")
kill "$pid"
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "Kafka stopped" >&2; exit 0; }
  sleep 0.5
done
kill -9 "$pid" 2>/dev/null || true
rm -f "$pidfile"
echo "Kafka did not stop in 30 s and was killed" >&2
