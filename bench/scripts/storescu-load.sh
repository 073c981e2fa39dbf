#!/usr/bin/env bash
# Sends every file of DATA_DIR to a C-STORE SCP with DCMTK storescu, split over ASSOCS parallel
# associations, and prints one line: "<instances> <seconds> <instances/s> <MB/s>".
# Usage: storescu-load.sh HOST PORT CALLED_AET DATA_DIR ASSOCS [extra storescu args]
set -euo pipefail
HOST=$1 PORT=$2 AET=$3 DATA=$4 ASSOCS=$5; shift 5
DATA=$(cd "$DATA" && pwd)
# The files are split once per (data folder, associations) into hard-linked sub-folders kept
# beside the data for the next run (one ln per file costs minutes on a loaded machine).
SPLIT="$DATA.split-$ASSOCS"
if [ ! -f "$SPLIT/.complete" ]; then
  rm -rf "$SPLIT"; mkdir -p "$SPLIT"
  j=0
  while IFS= read -r f; do
    printf '%s\0' "$f" >> "$SPLIT/list-$((j % ASSOCS))"; j=$((j + 1))
  done < <(cd "$DATA" && find . -maxdepth 1 -type f -printf '%f\n' | sort)
  for ((a = 0; a < ASSOCS; a++)); do
    mkdir -p "$SPLIT/$a"
    if [ -f "$SPLIT/list-$a" ]; then
      (cd "$DATA" && xargs -0 -r cp -l -t "$SPLIT/$a" < "$SPLIT/list-$a")
      rm -f "$SPLIT/list-$a"
    fi
  done
  touch "$SPLIT/.complete"
fi
i=$(find "$DATA" -maxdepth 1 -type f | wc -l)
bytes=$(du -sb "$DATA" | cut -f1)
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
