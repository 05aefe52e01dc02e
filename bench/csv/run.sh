#!/usr/bin/env bash
# Measures SakipCSV's streaming reader against the floor (libcsv alone, same options) on the same
# generated ~100 MB `;` form, 3 runs each, interleaved so machine noise hits both alike.
#
#   bench/csv/run.sh [MEGABYTES]     (from anywhere; output in bench/out/, gitignored)
set -euo pipefail
cd "$(dirname "$0")/../.."
megabytes="${1:-100}"
out=bench/out
mkdir -p "$out"

swift build -c release --product sakip-bench >&2
bin="$(swift build -c release --show-bin-path)"
cc -O2 -Wall -Wextra -o "$out/csv-floor" bench/csv/floor.c -lcsv

corpus="$out/csv-form-${megabytes}mb.csv"
if [ ! -f "$corpus" ]; then
  echo "generating $corpus" >&2
  python3 bench/csv/gen.py "$corpus" "$megabytes"
fi

mbps() { sed -n 's/.*mbps=\([0-9.]*\).*/\1/p'; }
floor_runs=()
swift_runs=()
for run in 1 2 3; do
  floor_line="$("$out/csv-floor" "$corpus")"
  swift_line="$("$bin/sakip-bench" read-csv "$corpus")"
  echo "run $run floor: $floor_line"
  echo "run $run swift: $swift_line"
  floor_runs+=("$(echo "$floor_line" | mbps)")
  swift_runs+=("$(echo "$swift_line" | mbps)")
done

# Best of 3 for each (the least disturbed run), and the ratio of the bests.
best() { printf '%s\n' "$@" | sort -g | tail -1; }
floor_best="$(best "${floor_runs[@]}")"
swift_best="$(best "${swift_runs[@]}")"
echo "floor (libcsv alone) MB/s: ${floor_runs[*]}  best $floor_best"
echo "SakipCSV CSVReader   MB/s: ${swift_runs[*]}  best $swift_best"
awk -v s="$swift_best" -v f="$floor_best" 'BEGIN { printf "ratio SakipCSV/floor: %.2f\n", s / f }'
