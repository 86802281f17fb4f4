#!/usr/bin/env bash
# Usage: bash infra/kafka/stop.sh — stops the broker start.sh started (SIGTERM, SIGKILL after 30 s); no-op if none runs.
# Env: KAFKA_DATA_DIR (infra/kafka/data), KAFKA_PORT (9092, only for the "someone else's broker" hint), KAFKA_STOP_TIMEOUT (30).
set -euo pipefail
source "$(dirname "$0")/common.sh"
TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"

if [ ! -f "$PIDFILE" ] || ! ours "$(cat "$PIDFILE")"; then
  rm -f "$PIDFILE"
  msg="Kafka is not running (from $DATA)"
  if answers; then
    msg="$msg; something else answers on 127.0.0.1:$PORT and is left alone"
  fi
  echo "$msg" >&2
  exit 0
fi

pid=$(cat "$PIDFILE")
echo "stopping Kafka (pid $pid)" >&2
kill -TERM "$pid" 2>/dev/null || true
deadline=$((SECONDS + TIMEOUT))
while [ "$SECONDS" -lt "$deadline" ]; do
  if ! ours "$pid"; then # gone (a zombie has an empty command line too)
    rm -f "$PIDFILE"
    echo "Kafka stopped" >&2
    exit 0
  fi
  sleep 0.5
done
kill -KILL "$pid" 2>/dev/null || true
for _ in $(seq 1 50); do ours "$pid" || break; sleep 0.2; done
rm -f "$PIDFILE"
echo "Kafka did not stop within $TIMEOUT s and was killed (SIGKILL); the next start recovers its logs" >&2
