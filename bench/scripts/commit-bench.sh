#!/usr/bin/env bash
# Storage Commitment latency, SCP side: the time from N-ACTION-RQ sent to N-EVENT-REPORT received,
# for requests of N instances (all stored, and 10 % never stored), against Custodian and Orthanc
# (Debian package, 1.10.1) in the same run, on the same machine.
# Usage: bench/scripts/commit-bench.sh [SIZES="100 1000 10000 100000"] [REPEATS=3] [TARGETS="custodian orthanc"]
# Environment: BENCH_WORK (stores, default /tmp/custodian-commit-bench), ORTHANC_MAX (largest N asked
# of Orthanc, default 5000: it is quadratic, 10,000 takes minutes), LOAD_THREADS (parallel uploads,
# default 4), JAVA_OPTS (for Custodian), CHECK (Custodian's StorageCommitmentCheck, default: its default).
# Needs: mvn -B -o -q package -DskipTests -pl server,bench -am (server/target/custodian.jar,
# bench/target/benchmarks.jar).
#
# How the index is filled (not timed): each target gets the same kind of instances — minimal Secondary
# Capture files without pixel data, generated in memory — uploaded through its own REST API
# (POST /instances, LOAD_THREADS in parallel), so each is stored, fsynced and indexed by the target
# as any instance. Sizes are cumulative: the index holds exactly N instances when the N-request is
# timed. The requesting modality is the bench driver (AE BENCHSCU, dev.custodian.bench.commit):
# one association per request, released after the N-ACTION-RSP; the report comes on a new
# association. Each driver run first sends one untimed 100-instance request (warming up the driver's
# JVM and the target), then the REPEATS timed ones.
# Prints: target, N, missing %, median seconds of REPEATS runs, the runs, and the target's RSS.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SIZES=${1:-"100 1000 10000 100000"}; REPEATS=${2:-3}; TARGETS=${3:-"custodian orthanc"}
WORK=${BENCH_WORK:-/tmp/custodian-commit-bench}
ORTHANC_MAX=${ORTHANC_MAX:-5000}; LOAD_THREADS=${LOAD_THREADS:-4}
BENCH_JAR="$ROOT/bench/target/benchmarks.jar"; SERVER_JAR="$ROOT/server/target/custodian.jar"
JARS="$BENCH_JAR"; case " $TARGETS " in *" custodian "*) JARS="$JARS $SERVER_JAR" ;; esac
for jar in $JARS; do
  [ -f "$jar" ] || { echo "$jar missing: mvn -B -o -q package -DskipTests -pl server,bench -am" >&2; exit 2; }
done
mkdir -p "$WORK"
PORT=$((20000 + RANDOM % 20000)); HTTP=$((PORT + 1)); SCU_PORT=$((PORT + 2))
CHECK_KEY=""; if [ -n "${CHECK:-}" ]; then CHECK_KEY="\"StorageCommitmentCheck\": \"$CHECK\","; fi
MODALITIES="{ \"bench\": [\"BENCHSCU\", \"127.0.0.1\", $SCU_PORT] }"

driver() { java -cp "$BENCH_JAR" dev.custodian.bench.commit.CommitBench "$@"; }
wait_port() { for _ in $(seq 1 600); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "port $1 never opened" >&2; return 1; }

start_target() { # $1 target; sets PID, AET
  local store="$WORK/store-$1"; rm -rf "$store"; mkdir -p "$store"; sync
  case $1 in
    orthanc) AET=ORTHANC
      cat > "$WORK/orthanc.json" <<JSON
{ "Name": "BENCH", "DicomAet": "$AET", "DicomPort": $PORT, "HttpPort": $HTTP,
  "StorageDirectory": "$store", "IndexDirectory": "$store", "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "Plugins": [], "KeepAlive": false, "DicomScpTimeout": 3600,
  "DicomModalities": $MODALITIES }
JSON
      TCP_NODELAY=1 /usr/sbin/Orthanc "$WORK/orthanc.json" >"$WORK/orthanc.log" 2>&1 & PID=$! ;;
    custodian) AET=CUSTODIAN
      cat > "$WORK/custodian.json" <<JSON
{ "Name": "BENCH", "DicomAet": "$AET", "DicomPort": $PORT, "HttpPort": $HTTP,
  "StorageDirectory": "$store", "IndexDirectory": "$store",
  $CHECK_KEY
  "DicomModalities": $MODALITIES }
JSON
      java ${JAVA_OPTS:-} -jar "$SERVER_JAR" "$WORK/custodian.json" >"$WORK/custodian.log" 2>&1 & PID=$! ;;
    *) echo "unknown target $1" >&2; exit 2 ;;
  esac
  wait_port "$PORT"; wait_port "$HTTP"
}

stop_target() { if [ -n "${PID:-}" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi; }
trap 'stop_target' EXIT

RUNS="$WORK/runs.txt"; : > "$RUNS"
for t in $TARGETS; do
  start_target "$t"
  manifest="$WORK/manifest-$t.txt"; : > "$manifest"; loaded=0
  for n in $SIZES; do
    if [ "$t" = orthanc ] && [ "$n" -gt "$ORTHANC_MAX" ]; then continue; fi
    if [ "$n" -gt "$loaded" ]; then driver load "$HTTP" $((n - loaded)) "$manifest" "$LOAD_THREADS"; loaded=$n; fi
    for missing in 0 10; do
      line=$(driver commit "$PORT" "$AET" BENCHSCU "$SCU_PORT" "$manifest" "$n" "$missing" "$REPEATS")
      echo "$t $line rss_mb $(( $(ps -o rss= -p "$PID") / 1024 )) load $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$RUNS" >&2
    done
  done
  stop_target
done
printf "%-10s %8s %8s %10s %8s\n" target n missing median_s rss_mb
awk '{ for (i = 1; i <= NF; i++) { if ($i == "n") n = $(i+1); if ($i == "missing") m = $(i+1);
       if ($i == "median_s") s = $(i+1); if ($i == "rss_mb") r = $(i+1) }
       printf "%-10s %8d %8s %10.3f %8d\n", $1, n, m, s, r }' "$RUNS"
