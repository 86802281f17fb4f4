#!/usr/bin/env bash
# Makes sure the PostgreSQL the integration tests use is up and has its database.
# Starts a local Debian cluster when it is down; otherwise says exactly what is missing.
set -euo pipefail

PGHOST_ADDR="${PGHOST:-127.0.0.1}"
PGPORT_NUM="${PGPORT:-5432}"
PGUSER_NAME="${PGUSER:-postgres}"
TEST_DB="${TEST_DB:-cogov_test}"

ready() { pg_isready -q -h "$PGHOST_ADDR" -p "$PGPORT_NUM" 2>/dev/null; }

if ! command -v pg_isready >/dev/null 2>&1; then
  echo "PostgreSQL client tools are missing: install them (Debian: apt-get install postgresql) and run again." >&2
  exit 1
fi

if ! ready; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    echo "PostgreSQL is down on $PGHOST_ADDR:$PGPORT_NUM; starting cluster $version/main" >&2
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do ready && break; sleep 1; done
  fi
fi

if ! ready; then
  echo "PostgreSQL is not answering on $PGHOST_ADDR:$PGPORT_NUM and could not be started here." >&2
  echo "Start a PostgreSQL 13+ server there with user '$PGUSER_NAME' (trust auth), or set TEST_DATABASE_URL." >&2
  exit 1
fi

exists=$(psql -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U "$PGUSER_NAME" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$TEST_DB'")
if [ "$exists" != "1" ]; then
  psql -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U "$PGUSER_NAME" -d postgres -qc "CREATE DATABASE $TEST_DB"
  echo "created database $TEST_DB" >&2
fi
