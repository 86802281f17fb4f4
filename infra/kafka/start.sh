#!/usr/bin/env bash
# infra/kafka/start.sh — starts a single-node KRaft broker on 127.0.0.1:${KAFKA_PORT:-9092}
# (no-op when one already answers there) and waits until it serves requests.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((PORT + 1))}"
DATA="${KAFKA_DATA_DIR:-$here/data}"
HEAP="${KAFKA_HEAP:-512m}"

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
if answers; then
  echo "Kafka already answers on 127.0.0.1:$PORT" >&2
  exit 0
fi

bash "$here/install.sh"
mkdir -p "$DATA/logs"
cat >"$DATA/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DATA/kraft
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS

CP="$here/lib/*"
LOG4J="-Dlog4j.configuration=file:$here/log4j.properties"
if [ ! -f "$DATA/kraft/meta.properties" ]; then
  cluster_id=$(java -cp "$CP" "$LOG4J" kafka.tools.StorageTool random-uuid | tail -n 1)
  java -cp "$CP" "$LOG4J" kafka.tools.StorageTool format -t "$cluster_id" -c "$DATA/server.properties" --ignore-formatted >&2
fi

nohup java "-Xmx$HEAP" "-Xms$HEAP" -XX:+UseG1GC "$LOG4J" -cp "$CP" kafka.Kafka "$DATA/server.properties" \
  >"$DATA/logs/broker.log" 2>&1 &
echo $! >"$DATA/broker.pid"

# Listening is not serving: wait until the broker has registered and answers metadata requests.
for _ in $(seq 1 90); do
  if ! kill -0 "$(cat "$DATA/broker.pid")" 2>/dev/null; then
    echo "the Kafka broker exited; last lines of $DATA/logs/broker.log:" >&2
    tail -n 40 "$DATA/logs/broker.log" >&2
    exit 1
  fi
  if answers && node "$here/ready.js" "127.0.0.1:$PORT" 2>/dev/null; then
    echo "Kafka is up on 127.0.0.1:$PORT (pid $(cat "$DATA/broker.pid"), data in $DATA)" >&2
    exit 0
  fi
  sleep 1
done
echo "the Kafka broker did not become ready in 90 s; last lines of $DATA/logs/broker.log:" >&2
tail -n 40 "$DATA/logs/broker.log" >&2
exit 1
