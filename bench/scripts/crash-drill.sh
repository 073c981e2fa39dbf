#!/usr/bin/env bash
# Issue 13's kill -9 drill for any number of cycles: runs KillNineDrillIT (interop-tests) with
# CYCLES SIGKILLs of the server at random moments 0.2-2 s into a 4-association ingest, on one
# storage area and SQLite index; after each restart it checks that every acknowledged instance is
# held and intact, nothing half-written is visible, and a Checksum commitment commits exactly the
# held set (the IT's Javadoc has the details). CI runs the IT with its default of 20 cycles.
# Usage: bench/scripts/crash-drill.sh [CYCLES=100] [SEED]   (SEED replays a run; each run logs its seed)
# Prints the per-cycle figures (sent, succeeded, indexed after restart, lost, temp files left,
# restart time, recovery scan) and a total line; they are also in interop-tests/target/kill-nine-drill.txt.
# Builds the reactor offline (-o) through the verify phase of interop-tests, running that IT only.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CYCLES=${1:-100}
SEED_ARG=()
if [ $# -ge 2 ]; then SEED_ARG=("-Dcustodian.drill.seed=$2"); fi
cd "$ROOT"
mvn -B -ntp -o -pl interop-tests -am verify -Dit.test=KillNineDrillIT -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dcustodian.drill.cycles="$CYCLES" "${SEED_ARG[@]}" \
  | grep -E '^KillNineDrillIT|^cycle|^total|Tests run:|FAIL|ERROR' || true
cat interop-tests/target/kill-nine-drill.txt
