#!/usr/bin/env bash
# infra/kafka/install.sh — fetches the Kafka broker's jars from Maven Central into infra/kafka/lib.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ -f "$here/lib/.complete" ] && [ "$here/lib/.complete" -nt "$here/pom.xml" ]; then
  exit 0
fi
command -v mvn >/dev/null || { echo "Maven (mvn) is needed to fetch the Kafka broker: apt-get install maven" >&2; exit 1; }
command -v java >/dev/null || { echo "A Java 17 runtime is needed for the Kafka broker: apt-get install openjdk-17-jre-headless" >&2; exit 1; }
echo "fetching the Kafka broker from Maven Central into $here/lib" >&2
rm -rf "$here/lib"
mvn -B -q -f "$here/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$here/lib"
touch "$here/lib/.complete"
echo "fetched $(ls "$here/lib" | grep -c '\.jar$') jars" >&2
