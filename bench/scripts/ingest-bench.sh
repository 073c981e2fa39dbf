#!/usr/bin/env bash
# End-to-end C-STORE ingest benchmark: DCMTK storescu -> each target, same files, same machine,
# same run. Targets: storescp (DCMTK, --ignore), orthanc (Debian package, TCP_NODELAY=1),
# custodian (our server, fsync durability on), discard (our C-STORE SCP with a discarding sink).
# Usage: bench/scripts/ingest-bench.sh [N_FILES=2000] [REPEATS=3] [TARGETS="storescp orthanc custodian discard"]
# Environment: BENCH_WORK (data and stores), WARMUP (untimed instances sent first, default 300),
# WARMUP_ROUNDS (how many times, each on a new association, default 1).
# Other targets: storescp-fork (storescp --fork: one process per association). JAVA_OPTS is passed
# to the Java targets. Prints one line per target x associations with the median of REPEATS runs.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
N=${1:-2000}; REPEATS=${2:-3}; TARGETS=${3:-"storescp orthanc custodian discard"}
WORK=${BENCH_WORK:-/tmp/custodian-bench}
DATA="$WORK/data-$N"
mkdir -p "$WORK"
if [ ! -d "$DATA" ] || [ "$(ls "$DATA" | wc -l)" -ne "$N" ]; then
  rm -rf "$DATA" "$DATA".split-*; /usr/bin/python3 "$ROOT/bench/scripts/make-instances.py" "$DATA" "$N" 0.5
fi
# Every target gets the same untimed warm-up after it starts (WARMUP distinct instances on one
# association, sent WARMUP_ROUNDS times, each time on a new association), so that the measured run
# sees a server in its steady state: a JVM's JIT has compiled the hot path, a database its first
# pages. A JVM needs several associations for that: the first ones take paths (negotiation,
# release) that make the JIT drop and recompile code it had compiled while a data set streamed.
# Rounds after the first re-send the same instances (a store target then sees duplicates).
# WARMUP=0 measures from a cold start.
WARMUP=${WARMUP:-300}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-1}
WARM="$WORK/warmup-$WARMUP"
if [ "$WARMUP" -gt 0 ] && { [ ! -d "$WARM" ] || [ "$(ls "$WARM" | wc -l)" -ne "$WARMUP" ]; }; then
  rm -rf "$WARM" "$WARM".split-*; /usr/bin/python3 "$ROOT/bench/scripts/make-instances.py" "$WARM" "$WARMUP" 0.5
fi
PORT=$((20000 + RANDOM % 20000)); HTTP=$((PORT + 1))
LOAD="$ROOT/bench/scripts/storescu-load.sh"

wait_port() { for _ in $(seq 1 300); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; return 1; }

start_target() { # $1 target; sets PID, AET
  local store="$WORK/store"; rm -rf "$store"; mkdir -p "$store"
  # The previous target's files may still be being written back: let that finish first, or it
  # slows whichever target comes next (seen: DiscardScp at 0.65x its own speed after a store run).
  sync
  case $1 in
    storescp) AET=STORESCP; TCP_NODELAY=1 storescp --ignore -aet $AET "$PORT" >"$WORK/$1.log" 2>&1 & PID=$! ;;
    storescp-fork) AET=STORESCP; TCP_NODELAY=1 storescp --fork --ignore -aet $AET "$PORT" >"$WORK/$1.log" 2>&1 & PID=$! ;;
    orthanc) AET=ORTHANC
      cat > "$WORK/orthanc.json" <<JSON
{ "Name": "BENCH", "DicomAet": "$AET", "DicomPort": $PORT, "HttpPort": $HTTP,
  "StorageDirectory": "$store", "IndexDirectory": "$store", "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "Plugins": [] }
JSON
      TCP_NODELAY=1 /usr/sbin/Orthanc "$WORK/orthanc.json" >"$WORK/$1.log" 2>&1 & PID=$! ;;
    custodian) AET=CUSTODIAN
      cat > "$WORK/custodian.json" <<JSON
{ "Name": "BENCH", "DicomAet": "$AET", "DicomPort": $PORT, "HttpPort": $HTTP,
  "StorageDirectory": "$store", "IndexDirectory": "$store" }
JSON
      java ${JAVA_OPTS:-} -jar "$ROOT/server/target/custodian.jar" "$WORK/custodian.json" >"$WORK/$1.log" 2>&1 & PID=$! ;;
    discard) AET=DISCARD
      java ${JAVA_OPTS:-} -cp "$ROOT/bench/target/benchmarks.jar" dev.custodian.bench.DiscardScp "$AET" "$PORT" >"$WORK/$1.log" 2>&1 & PID=$! ;;
    *) echo "unknown target $1" >&2; exit 2 ;;
  esac
  wait_port "$PORT"
}

stop_target() { pkill -P "$PID" 2>/dev/null || true; kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }

# Repeats are the outer loop and targets the inner one, so that a change in the machine's load
# during the run hits every target alike; each run's line goes to $WORK/runs.txt with the load.
RUNS="$WORK/runs.txt"; : > "$RUNS"
for ((r = 0; r < REPEATS; r++)); do
  for t in $TARGETS; do
    for assocs in 1 4; do
      start_target "$t"
      if [ "$WARMUP" -gt 0 ]; then
        for ((w = 0; w < WARMUP_ROUNDS; w++)); do "$LOAD" 127.0.0.1 "$PORT" "$AET" "$WARM" 1 > /dev/null; done
      fi
      line=$("$LOAD" 127.0.0.1 "$PORT" "$AET" "$DATA" "$assocs")
      stop_target
      echo "$t $assocs $line load $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$RUNS" >&2
    done
  done
done
printf "%-10s %6s %10s %12s %8s\n" target assocs instances "median_ips" "MB/s"
for t in $TARGETS; do
  for assocs in 1 4; do
    awk -v t="$t" -v a="$assocs" '$1 == t && $2 == a' "$RUNS" | sort -k5 -n | awk -v t="$t" -v a="$assocs" \
      '{ n[NR] = $3; ips[NR] = $5; mbs[NR] = $6 } END { m = int((NR + 1) / 2);
         printf "%-10s %6d %10d %12.1f %8.1f\n", t, a, n[m], ips[m], mbs[m] }'
  done
done
