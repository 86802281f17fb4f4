# Sourced by start.sh, stop.sh and status.sh (not run on its own): settings and checks they share.
# Env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (port + 1), KAFKA_DATA_DIR (infra/kafka/data), KAFKA_HEAP (512m).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((PORT + 1))}"
HEAP="${KAFKA_HEAP:-512m}"
DATA="${KAFKA_DATA_DIR:-$here/data}"
# Absolute (it ends up in log.dirs, and stop.sh recognises the broker by it); start.sh creates it first.
if [ -d "$DATA" ]; then DATA="$(cd "$DATA" && pwd)"; elif [ "${DATA#/}" = "$DATA" ]; then DATA="$PWD/$DATA"; fi
PIDFILE="$DATA/broker.pid"
LOG="$DATA/logs/broker.log"
CP="$here/lib/*"
LOG4J="-Dlog4j.configuration=file:$here/log4j.properties"

# Something accepts TCP connections on the port (maybe a broker still starting, maybe not Kafka at all).
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

# The pid file names our broker only while that pid still runs kafka.Kafka on this data directory
# (a stale pid may since belong to anything; a zombie has an empty command line).
cmdline() { if [ -d /proc ]; then tr '\0' ' ' <"/proc/$1/cmdline"; else ps -ww -o args= -p "$1"; fi; } 2>/dev/null
ours() {
  local args
  args="$(cmdline "$1")" && [[ $args == *"kafka.Kafka $DATA/server.properties"* ]]
}
running() { [ -f "$PIDFILE" ] && ours "$(cat "$PIDFILE")"; }

# Listening is not serving: ready means the broker has registered and answers a metadata request.
# With kafkajs next to the repo (describeCluster, ~0.3 s a try); otherwise with a tool from the jars (~2 s).
if command -v node >/dev/null && (cd "$here" && node -e "require.resolve('kafkajs')") 2>/dev/null; then
  ready() { answers && node "$here/ready.js" "127.0.0.1:$PORT" 2>/dev/null; }
else
  ready() {
    answers && [ -f "$here/lib/.complete" ] && timeout 20 java -Xmx64m "$LOG4J" -cp "$CP" \
      kafka.admin.BrokerApiVersionsCommand --bootstrap-server "127.0.0.1:$PORT" >/dev/null 2>&1
  }
fi
