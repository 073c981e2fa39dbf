#!/usr/bin/env bash
# Every benchmark scenario against Custodian and Orthanc 1.10.1 on this machine, in one run, with
# the machine's own ceilings measured in the same run; writes raw values, a Markdown table and PNG
# plots to a run folder (docs/BENCHMARKS.md says what each scenario does).
#
# Usage: bench/run.sh            (full run, REPEATS=3: about 30 min on 2 cores)
#        QUICK=1 bench/run.sh    (smoke run with small sizes, a few minutes: proves the harness, not a measurement)
# Environment (defaults in brackets, QUICK's second):
#   REPEATS [3 | 2]      timed repeats; the repeat is the outer loop, the targets interleaved inside it
#   SCENARIOS            subset of "ceilings ingest big commit rest rss" [all]; the network-only
#                        ceiling (DiscardScp) runs with "ingest", as a third target of the same loop
#   TARGETS              subset of "custodian orthanc" [both]
#   BENCH_WORK           data, stores and the ceilings' files, all on one filesystem [/tmp/custodian-bench-run]
#   RUN_DIR              where raw.tsv, meta.tsv, results.md and the PNGs go [$BENCH_WORK/runs/<UTC time>]
#   BUILD [1]            build server and bench first (offline when the repository is complete)
#   INGEST_N [2000 | 200] 0.5 MB instances per ingest run; WARMUP [300 | 50] untimed instances first,
#   WARMUP_ROUNDS [3 | 1] times, each round new instances on new associations (1, then 4 at once,
#                        alternating), so that a JVM's JIT has compiled both paths before the timed run
#   BIG_MB [200]         the big instance (MiB of pixels); the sequential-write ceiling writes as many bytes
#   DURABLE_FILES [2000 | 300]  files per durable-write ceiling run
#   COMMIT_SIZES ["100 1000 10000" | "100 1000"]  Storage Commitment sizes, both targets
#   CUSTODIAN_ONLY_SIZES ["100000" | "3000"]      Storage Commitment sizes, Custodian alone (empty: none)
#   REST_N [largest COMMIT_SIZES]  instances indexed for the REST timings and the RSS at rest
#   REST_REQUESTS [5 | 3] timed requests per target and repeat; SETTLE_S [30 | 5] before the RSS at rest
#   COMMIT_CAP_S [120 | 60]  a commitment report not received by then is recorded as "timeout > CAP s"
#   LOAD_THREADS [4]     parallel uploads filling the indexes (untimed)
#   PUBLISH=1            also copy the run to docs/bench/ and put its table at the top of docs/BENCHMARKS.md
# Needs: JDK 17, Maven, DCMTK (storescu), Orthanc 1.10.1 at /usr/sbin/Orthanc, python3-pydicom, curl.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
COMMAND="bench/run.sh"
for v in QUICK REPEATS SCENARIOS TARGETS INGEST_N WARMUP WARMUP_ROUNDS BIG_MB DURABLE_FILES COMMIT_SIZES CUSTODIAN_ONLY_SIZES \
         REST_N REST_REQUESTS SETTLE_S COMMIT_CAP_S; do
  if [ -n "${!v:-}" ]; then COMMAND="$v=\"${!v}\" $COMMAND"; fi
done
QUICK=${QUICK:-0}
q() { if [ "$QUICK" = 1 ]; then echo "$2"; else echo "$1"; fi; }
REPEATS=${REPEATS:-$(q 3 2)}
SCENARIOS=${SCENARIOS:-"ceilings ingest big commit rest rss"}
TARGETS=${TARGETS:-"custodian orthanc"}
WORK=${BENCH_WORK:-/tmp/custodian-bench-run}
INGEST_N=${INGEST_N:-$(q 2000 200)}; WARMUP=${WARMUP:-$(q 300 50)}; WARMUP_ROUNDS=${WARMUP_ROUNDS:-$(q 3 1)}
BIG_MB=${BIG_MB:-200}
DURABLE_FILES=${DURABLE_FILES:-$(q 2000 300)}
COMMIT_SIZES=${COMMIT_SIZES:-$(q "100 1000 10000" "100 1000")}
CUSTODIAN_ONLY_SIZES=${CUSTODIAN_ONLY_SIZES-$(q 100000 3000)}
REST_N=${REST_N:-$(tr ' ' '\n' <<< "$COMMIT_SIZES" | sort -n | tail -1)}
REST_REQUESTS=${REST_REQUESTS:-$(q 5 3)}; SETTLE_S=${SETTLE_S:-$(q 30 5)}
COMMIT_CAP_S=${COMMIT_CAP_S:-$(q 120 60)}; LOAD_THREADS=${LOAD_THREADS:-4}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN=${RUN_DIR:-$WORK/runs/$STAMP}
BENCH_JAR="$ROOT/bench/target/benchmarks.jar"
LOAD="$ROOT/bench/scripts/storescu-load.sh"
mkdir -p "$RUN" "$WORK/stores" "$WORK/logs"
RAW="$RUN/raw.tsv"; META="$RUN/meta.tsv"
printf 'repeat\tscenario\ttarget\tmetric\tvalue\tunit\tload\n' > "$RAW"; : > "$META"
T0=$(date +%s)

has() { case " $SCENARIOS " in *" $1 "*) return 0 ;; esac; return 1; }
targets_with_discard() { echo "$TARGETS discard"; }
progress() { printf '[%s +%4ds] %s\n' "$(date -u +%H:%M:%S)" $(( $(date +%s) - T0 )) "$*" >&2; }
load1() { cut -d' ' -f1 /proc/loadavg; }
meta() { printf '%s\t%s\n' "$1" "$2" >> "$META"; }
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$(load1)" >> "$RAW"; }
status_mib() { awk -v k="$2:" '$1 == k { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
java_bench() { java -cp "$BENCH_JAR" "$@"; }

# --- the targets: each on free ports with its own folders, stopped by PID ---
declare -A PID DPORT HPORT AET=([custodian]=CUSTODIAN [orthanc]=ORTHANC [discard]=DISCARD)
SCU_PORT=$(free_port)   # where the commitment driver (AE BENCHSCU) takes its reports
MODALITIES="{ \"bench\": [\"BENCHSCU\", \"127.0.0.1\", $SCU_PORT] }"

wait_port() { # port pid
  for _ in $(seq 1 1200); do
    (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "target (PID $2) exited before opening port $1" >&2; return 1; }
    sleep 0.1
  done
  echo "port $1 never opened" >&2; return 1
}

start_server() { # target store
  local t=$1 store=$2 log="$WORK/logs/$1.log" cfg="$WORK/$1.json"
  DPORT[$t]=$(free_port); HPORT[$t]=$(free_port)
  case $t in
    custodian)
      cat > "$cfg" <<JSON
{ "Name": "BENCH", "DicomAet": "${AET[$t]}", "DicomPort": ${DPORT[$t]}, "HttpPort": ${HPORT[$t]},
  "StorageDirectory": "$store", "IndexDirectory": "$store", "DicomModalities": $MODALITIES }
JSON
      # the repository's launcher with its default settings (it execs java: $! is the JVM)
      "$ROOT/custodian" "$cfg" >>"$log" 2>&1 & ;;
    orthanc)
      # Orthanc's defaults (SQLite, SyncStorageArea) but no HTTP keep-alive (the index loader's
      # HttpClient and Orthanc 1.10 disagree on it) and no saved jobs (so that a restart after a
      # commitment timeout does not resume the abandoned job)
      cat > "$cfg" <<JSON
{ "Name": "BENCH", "DicomAet": "${AET[$t]}", "DicomPort": ${DPORT[$t]}, "HttpPort": ${HPORT[$t]},
  "StorageDirectory": "$store", "IndexDirectory": "$store", "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "Plugins": [], "KeepAlive": false, "SaveJobs": false,
  "DicomScpTimeout": 3600, "DicomModalities": $MODALITIES }
JSON
      TCP_NODELAY=1 /usr/sbin/Orthanc "$cfg" >>"$log" 2>&1 & ;;
    discard) java -cp "$BENCH_JAR" dev.custodian.bench.DiscardScp "${AET[$t]}" "${DPORT[$t]}" >>"$log" 2>&1 & ;;
  esac
  PID[$t]=$!
  wait_port "${DPORT[$t]}" "${PID[$t]}"
  if [ "$t" != discard ]; then wait_port "${HPORT[$t]}" "${PID[$t]}"; fi
}

stop_server() { # target
  local p=${PID[$1]:-}
  [ -n "$p" ] || return 0
  kill "$p" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
  PID[$1]=
}
stop_all() { for t in "${!PID[@]}"; do stop_server "$t"; done; }
trap stop_all EXIT

fresh_store() { local s="$WORK/stores/$1"; rm -rf "$s"; mkdir -p "$s"; sync; echo "$s"; }

# --- data (made once per size, kept in BENCH_WORK) ---
instances() { # folder count size_mb
  if [ ! -d "$1" ] || [ "$(find "$1" -maxdepth 1 -type f | wc -l)" -ne "$2" ]; then
    progress "making $2 instances of $3 MB in $1"
    rm -rf "$1" "$1".split-*; /usr/bin/python3 "$ROOT/bench/scripts/make-instances.py" "$1" "$2" "$3"
  fi
}

# --- scenarios ---
ceilings() { # repeat
  local size line
  size=$(stat -c %s "$DATA/ct00000.dcm")
  for threads in 1 4; do
    sync; line=$(java_bench dev.custodian.bench.harness.Ceilings durable "$WORK/ceiling" "$DURABLE_FILES" "$threads" "$size")
    record "$1" "ceiling:durable:$threads" machine rate "$(cut -d' ' -f3 <<< "$line")" files/s
  done
  sync; line=$(java_bench dev.custodian.bench.harness.Ceilings sequential "$WORK/ceiling" "$(stat -c %s "$BIG/ct00000.dcm")")
  record "$1" ceiling:sequential machine rate "$(cut -d' ' -f3 <<< "$line")" MiB/s
  progress "repeat $1: ceilings measured"
}

ingest() { # repeat target assocs
  local line hwm
  start_server "$2" "$(fresh_store "$2")"
  if [ "$WARMUP" -gt 0 ]; then # untimed; every target gets the same rounds
    for ((w = 1; w <= WARMUP_ROUNDS; w++)); do
      "$LOAD" 127.0.0.1 "${DPORT[$2]}" "${AET[$2]}" "$WARM-$w" $(( w % 2 == 1 ? 1 : 4 )) > /dev/null
    done
  fi
  line=$("$LOAD" 127.0.0.1 "${DPORT[$2]}" "${AET[$2]}" "$DATA" "$3")
  hwm=$(status_mib "${PID[$2]}" VmHWM)
  stop_server "$2"
  record "$1" "ingest:$3" "$2" rate "$(cut -d' ' -f3 <<< "$line")" inst/s
  record "$1" "ingest:$3" "$2" peak_rss "$hwm" MiB
  progress "repeat $1: ingest $2, $3 association(s): $(cut -d' ' -f3 <<< "$line") inst/s, peak RSS $hwm MiB"
}

big() { # repeat target
  local line hwm
  start_server "$2" "$(fresh_store "$2")"
  line=$("$LOAD" 127.0.0.1 "${DPORT[$2]}" "${AET[$2]}" "$BIG" 1)
  hwm=$(status_mib "${PID[$2]}" VmHWM)
  stop_server "$2"
  record "$1" big "$2" seconds "$(cut -d' ' -f2 <<< "$line")" s
  record "$1" big "$2" rate "$(cut -d' ' -f4 <<< "$line")" MiB/s
  record "$1" big "$2" peak_rss "$hwm" MiB
  progress "repeat $1: $BIG_MB MB instance to $2: $(cut -d' ' -f2 <<< "$line") s, peak RSS $hwm MiB"
}

declare -A LOADED SKIP
fill() { # target n: the index holds exactly n instances afterwards (untimed for the table)
  local have=${LOADED[$1]:-0} t0
  [ "$2" -gt "$have" ] || return 0
  progress "filling $1's index from $have to $2 instances over HTTP"
  t0=$(date +%s.%N)
  java_bench dev.custodian.bench.commit.CommitBench load "${HPORT[$1]}" $(($2 - have)) "$WORK/manifest-$1" \
    "$LOAD_THREADS" 2>>"$WORK/logs/driver.log"
  record 1 "fill:$2" "$1" rate "$(awk -v n=$(($2 - have)) -v s="$t0" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", n / (e - s) }')" inst/s
  LOADED[$1]=$2
}

commit_once() { # repeat target n missing
  local key="commit:$3:$4" out rc
  [ -z "${SKIP[$2:$key]:-}" ] || return 0
  if out=$(timeout --kill-after=10 $((COMMIT_CAP_S + 120)) java -cp "$BENCH_JAR" dev.custodian.bench.commit.CommitBench \
      commit "${DPORT[$2]}" "${AET[$2]}" BENCHSCU "$SCU_PORT" "$WORK/manifest-$2" "$3" "$4" 1 "$COMMIT_CAP_S" \
      2>>"$WORK/logs/driver.log"); then rc=0; else rc=$?; fi
  if [ "$rc" = 0 ]; then
    record "$1" "$key" "$2" seconds "$(awk '{ print $NF }' <<< "$out")" s
    progress "repeat $1: commitment $2, $3 instances, $4 % missing: $(awk '{ print $NF }' <<< "$out") s"
    return 0
  fi
  SKIP[$2:$key]=1
  if [ "$rc" = 3 ]; then
    record "$1" "$key" "$2" timeout "$COMMIT_CAP_S" s
    progress "repeat $1: commitment $2, $3 instances, $4 % missing: no report within $COMMIT_CAP_S s (not retried)"
  else
    record "$1" "$key" "$2" error "$rc" exit
    progress "repeat $1: commitment $2, $3 instances, $4 % missing FAILED (exit $rc; $WORK/logs/driver.log)"
  fi
  # the target may still be working on the abandoned request: restart it on the same store
  stop_server "$2"; start_server "$2" "$WORK/stores/index-$2"
}

rest() { # repeat target
  local base="http://127.0.0.1:${HPORT[$2]}" path name out
  for path in "/instances" "/studies?expand"; do
    name=$([ "$path" = /instances ] && echo instances || echo studies-expand)
    curl -sS -o /dev/null "$base$path"   # untimed
    for ((i = 0; i < REST_REQUESTS; i++)); do
      out=$(curl -sS -o /dev/null -w '%{http_code} %{time_total}' "$base$path")
      [ "${out% *}" = 200 ] || { echo "GET $path on $2 answered ${out% *}" >&2; return 1; }
      record "$1" "rest:$name" "$2" seconds "${out#* }" s
    done
  done
  progress "repeat $1: REST timings of $2 done"
}

index_scenarios() {
  local sizes all_max n t
  all_max=$(tr ' ' '\n' <<< "$COMMIT_SIZES" | sort -n | tail -1)
  sizes=$( { if has commit; then tr ' ' '\n' <<< "$COMMIT_SIZES"; fi
             if has rest || has rss; then echo "$REST_N"; fi; } | sort -n -u)
  for t in $TARGETS; do
    : > "$WORK/manifest-$t"; LOADED[$t]=0
    start_server "$t" "$(fresh_store "index-$t")"
  done
  for n in $sizes; do
    for t in $TARGETS; do fill "$t" "$n"; done
    if [ "$n" = "$REST_N" ] && has rss; then
      progress "settling ${SETTLE_S} s before the RSS at rest"; sleep "$SETTLE_S"
      for t in $TARGETS; do record 1 rss-rest "$t" rss "$(status_mib "${PID[$t]}" VmRSS)" MiB; done
    fi
    if [ "$n" = "$REST_N" ] && has rest; then
      for ((r = 1; r <= REPEATS; r++)); do for t in $TARGETS; do rest "$r" "$t"; done; done
    fi
    if has commit && [[ " $COMMIT_SIZES " == *" $n "* ]]; then
      for ((r = 1; r <= REPEATS; r++)); do
        for t in $TARGETS; do for m in 0 10; do commit_once "$r" "$t" "$n" "$m"; done; done
      done
    fi
    for t in $TARGETS; do record 1 "index:$n" "$t" peak_rss "$(status_mib "${PID[$t]}" VmHWM)" MiB; done
  done
  stop_server orthanc
  if has commit && [[ " $TARGETS " == *" custodian "* ]]; then
    for n in $CUSTODIAN_ONLY_SIZES; do
      [ "$n" -gt "$all_max" ] || continue
      fill custodian "$n"
      for ((r = 1; r <= REPEATS; r++)); do for m in 0 10; do commit_once "$r" custodian "$n" "$m"; done; done
      record 1 "index:$n" custodian peak_rss "$(status_mib "${PID[custodian]}" VmHWM)" MiB
    done
  fi
  stop_server custodian
}

# --- the run ---
est=$(awk -v r="$REPEATS" -v n="$INGEST_N" -v w="$WARMUP" -v d="$DURABLE_FILES" -v c="$COMMIT_SIZES" \
  -v o="$CUSTODIAN_ONLY_SIZES" -v cap="$COMMIT_CAP_S" 'BEGIN {
    split(c, cs, " "); max = 0; for (i in cs) if (cs[i] + 0 > max) max = cs[i] + 0
    split(o, os, " "); omax = 0; for (i in os) if (os[i] + 0 > omax) omax = os[i] + 0
    per_repeat = 2 * d / 500 + 6 + 6 * (8 + (n + w) / 250) + 2 * 12
    fill = (2 * max + (omax > max ? omax - max : 0)) / 250
    orthanc_commit = (max >= 10000 ? 2 * cap : 2 * r * 8 * (max / 1000) ^ 2)
    commits = 2 * r * (length(cs) * 2 + (omax > max ? omax / 10000 : 0)) + orthanc_commit
    printf "%d", (r * per_repeat + fill + commits + 60) / 60 + 1 }')
progress "run folder $RUN; rough estimate ${est} min on 2 cores (QUICK=$QUICK, REPEATS=$REPEATS, SCENARIOS: $SCENARIOS)"

if [ "${BUILD:-1}" = 1 ]; then
  progress "building server and bench"
  (cd "$ROOT" && { mvn -B -q -ntp -o -pl server,bench -am package -DskipTests \
    || mvn -B -q -ntp -pl server,bench -am package -DskipTests; }) >&2
fi
meta started "$(date -u '+%Y-%m-%d %H:%M UTC')"; meta command "$COMMAND"; meta quick "$QUICK"; meta repeats "$REPEATS"
meta ingest_n "$INGEST_N"; meta warmup "$WARMUP x $WARMUP_ROUNDS rounds"; meta big_mb "$BIG_MB"; meta durable_files "$DURABLE_FILES"
meta commit_sizes "$COMMIT_SIZES"; meta custodian_only_sizes "$CUSTODIAN_ONLY_SIZES"; meta rest_n "$REST_N"
meta settle_s "$SETTLE_S"; meta commit_cap_s "$COMMIT_CAP_S"; meta load_start "$(load1)"
meta cpu "$(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }')"; meta cores "$(nproc)"
meta memory "$(free -g | awk '/Mem:/ { print $2 " GiB" }')"
meta os "$(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)"
meta filesystem "$(df -T "$WORK" | awk 'NR == 2 { print $2 " (" $1 ")" }')"
meta java "$(java -version 2>&1 | head -1)"; meta orthanc "Orthanc $(/usr/sbin/Orthanc --version | head -1 | awk '{ print $NF }')"
meta custodian_java_opts "${CUSTODIAN_JAVA_OPTS:-none, launcher defaults}"
meta dcmtk "$(storescu --version | head -1 | sed 's/^\$dcmtk: //; s/ \$$//')"
meta git "$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- || echo ' (with local changes)')"

DATA="$WORK/data-$INGEST_N"; WARM="$WORK/warmup-$WARMUP"; BIG="$WORK/big-$BIG_MB"
if has ingest || has ceilings; then instances "$DATA" "$INGEST_N" 0.5; fi
if has ingest; then for ((w = 1; w <= WARMUP_ROUNDS; w++)); do instances "$WARM-$w" "$WARMUP" 0.5; done; fi
if has big || has ceilings; then instances "$BIG" 1 "$BIG_MB"; fi

for ((r = 1; r <= REPEATS; r++)); do
  if has ceilings; then ceilings "$r"; fi
  if has ingest; then
    for t in $(targets_with_discard); do for a in 1 4; do ingest "$r" "$t" "$a"; done; done
  fi
  if has big; then for t in $TARGETS; do big "$r" "$t"; done; fi
done
if has commit || has rest || has rss; then index_scenarios; fi

meta load_end "$(load1)"; meta duration_s $(( $(date +%s) - T0 ))
java_bench dev.custodian.bench.harness.Report "$RUN" $([ "${PUBLISH:-0}" = 1 ] && echo "$ROOT/docs/BENCHMARKS.md") >&2
progress "done in $(( $(date +%s) - T0 )) s: $RUN/results.md, commit-latency.png, ingest.png"
cat "$RUN/results.md"
