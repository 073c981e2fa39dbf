#!/usr/bin/env bash
# Sends every file of DATA_DIR to a C-STORE SCP with DCMTK storescu, split over ASSOCS parallel
# associations, and prints one line: "<instances> <seconds> <instances/s> <MB/s>".
# Usage: storescu-load.sh HOST PORT CALLED_AET DATA_DIR ASSOCS [extra storescu args]
set -euo pipefail
HOST=$1 PORT=$2 AET=$3 DATA=$4 ASSOCS=$5; shift 5
SPLIT=$(mktemp -d /tmp/custodian-bench-split.XXXXXX)
trap 'rm -rf "$SPLIT"' EXIT
i=0
for f in "$DATA"/*; do
  d="$SPLIT/$((i % ASSOCS))"; mkdir -p "$d"; ln "$f" "$d/" 2>/dev/null || ln -s "$f" "$d/"
  i=$((i + 1))
done
bytes=$(du -sbL "$DATA" | cut -f1)
start=$(date +%s.%N)
pids=()
for ((a = 0; a < ASSOCS; a++)); do
  TCP_NODELAY=1 storescu -q -aet BENCHSCU -aec "$AET" +sd "$@" "$HOST" "$PORT" "$SPLIT/$a" &
  pids+=($!)
done
rc=0
for p in "${pids[@]}"; do wait "$p" || rc=1; done
end=$(date +%s.%N)
if [ $rc -ne 0 ]; then echo "storescu-load: a storescu process failed" >&2; exit 1; fi
awk -v n="$i" -v s="$start" -v e="$end" -v b="$bytes" \
  'BEGIN { t = e - s; printf "%d %.3f %.1f %.1f\n", n, t, n / t, b / 1048576 / t }'
