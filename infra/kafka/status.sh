#!/usr/bin/env bash
# Usage: bash infra/kafka/status.sh — exit 0: a broker answers metadata on the port; 1: ours runs but does not answer yet; 3: none.
# Env: KAFKA_PORT (9092), KAFKA_DATA_DIR (infra/kafka/data).
set -euo pipefail
source "$(dirname "$0")/common.sh"

pid=""
if running; then pid="$(cat "$PIDFILE")"; fi
if ready; then
  if [ -n "$pid" ]; then
    echo "Kafka answers on 127.0.0.1:$PORT (pid $pid, data in $DATA)"
  else
    echo "Kafka answers on 127.0.0.1:$PORT (not started from $DATA)"
  fi
  exit 0
fi
if [ -n "$pid" ]; then
  echo "Kafka (pid $pid) runs but does not answer on 127.0.0.1:$PORT yet; log: $LOG"
  exit 1
fi
echo "Kafka is not running on 127.0.0.1:$PORT"
exit 3
