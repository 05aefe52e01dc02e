#!/usr/bin/env bash
# Cells written per second: SakipXLSX (checked writes, written beside the target, verified,
# renamed) against libxlsxwriter alone writing the same cells, interleaved, 3 rounds.
#   bench/xlsx/run.sh [ROWS]      (default 300000 rows x 3 cells)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-300000}"
out=bench/out
mkdir -p "$out"
swift build -c release --product sakip-bench >&2
bin="$(swift build -c release --show-bin-path)"
cc -O2 -Wall -o "$out/xlsx-floor" bench/xlsx/floor.c $(pkg-config --cflags --libs xlsxwriter)
cells=$((rows * 3))
for round in 1 2 3; do
  f=$("$out/xlsx-floor" "$rows" "$out/floor.xlsx" | sed -n 's/.*write_seconds=\([0-9.]*\).*/\1/p')
  s=$("$bin/sakip-bench" write-xlsx "$rows" | sed -n 's/.*write_seconds=\([0-9.]*\).*/\1/p')
  python3 - "$cells" "$f" "$s" "$round" <<'PY'
import sys
cells, f, s, r = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
print(f"round {r}: libxlsxwriter alone {cells/f/1e6:.2f} M cells/s ({f:.3f} s); "
      f"SakipXLSX {cells/s/1e6:.2f} M cells/s ({s:.3f} s, incl. verification); ratio {s/f:.2f}x")
PY
done
