#!/usr/bin/env bash
# Usage: bash infra/kafka/install.sh — fetches the Kafka broker's jars from Maven Central into infra/kafka/lib (no-op when present).
# The jars are the runtime classpath of pom.xml; they are fetched again when pom.xml is newer than the last fetch.
# Maven's own settings apply (e.g. MAVEN_OPTS=-Dmaven.repo.local=… for another local repository).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ -f "$here/lib/.complete" ] && [ "$here/lib/.complete" -nt "$here/pom.xml" ]; then
  exit 0
fi
command -v mvn >/dev/null || { echo "Maven (mvn) is needed to fetch the Kafka broker: apt-get install maven" >&2; exit 1; }
command -v java >/dev/null || { echo "A Java 17 runtime is needed for the Kafka broker: apt-get install openjdk-17-jre-headless" >&2; exit 1; }
version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")
echo "fetching Apache Kafka $version (kafka_2.13 and its runtime dependencies) from Maven Central into $here/lib" >&2
rm -rf "$here/lib"
# Quiet on success (Maven 3.8 -q still prints bare colour codes); its errors when it fails.
if ! out=$(mvn -B -q -f "$here/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$here/lib" 2>&1); then
  printf '%s\n' "$out" >&2
  exit 1
fi
[ -f "$here/lib/kafka_2.13-$version.jar" ] || { echo "Maven did not deliver kafka_2.13-$version.jar" >&2; exit 1; }
touch "$here/lib/.complete"
echo "fetched $(ls "$here/lib" | grep -c '\.jar$') jars ($(du -sh "$here/lib" | cut -f1))" >&2
