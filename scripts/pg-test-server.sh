#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests, owned by the 'postgres' user, listening
# on 127.0.0.1 only, with its data under target/pg-test. Writes target/pg-test-env.sh with
# the CUSTODIAN_TEST_PG_* variables the tests read.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$BIN" ]; then echo "pg-test-server: PostgreSQL is not installed" >&2; exit 1; fi
PORT=${CUSTODIAN_TEST_PG_PORT:-55432}
DATA=/tmp/custodian-pg-test-$PORT
mkdir -p target
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if [ "$(id -un)" = "postgres" ]; then as_pg() { "$@"; }
elif [ "$(id -u)" -eq 0 ]; then as_pg() { runuser -u postgres -- "$@"; }
else as_pg() { sudo -u postgres "$@"; }; fi

if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    $SUDO rm -rf "$DATA"; $SUDO mkdir -p "$DATA"; $SUDO chown postgres:postgres "$DATA"
    as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  fi
  as_pg "$BIN/pg_ctl" -D "$DATA" -w -t 60 -l "$DATA/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k /tmp -c fsync=off" start >/dev/null
fi
cat > target/pg-test-env.sh <<ENV
export CUSTODIAN_TEST_PG_HOST=127.0.0.1
export CUSTODIAN_TEST_PG_PORT=$PORT
export CUSTODIAN_TEST_PG_USER=postgres
export CUSTODIAN_TEST_PG_PASSWORD=postgres
ENV
echo "pg-test-server: PostgreSQL on 127.0.0.1:$PORT (data $DATA)"
