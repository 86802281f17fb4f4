#!/usr/bin/env bash
# npm run asyncapi — validates docs/asyncapi.yaml with the AsyncAPI CLI (tools/asyncapi, its own
# install: `npm ci --prefix tools/asyncapi`). Warnings fail it too: the document is a contract.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=tools/asyncapi/node_modules/.bin/asyncapi
if [ ! -x "$cli" ]; then
  echo "the AsyncAPI CLI is not installed: npm ci --prefix tools/asyncapi" >&2
  exit 1
fi
# CI=true and a settings file of our own: the CLI sends no usage metrics and writes nothing to ~.
settings=$(mktemp)
trap 'rm -f "$settings"' EXIT
echo '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"cogov-ci"}' >"$settings"
SUPPRESS_NO_CONFIG_WARNING=1 CI=true ASYNCAPI_METRICS_CONFIG_PATH="$settings" "$cli" validate docs/asyncapi.yaml --fail-severity warn
