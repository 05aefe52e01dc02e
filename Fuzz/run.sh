#!/usr/bin/env bash
# Runs each fuzz target for a set time and prints executions and crashes per target.
#   Fuzz/run.sh <seconds per target> <target>...   (from the package root, after Fuzz/Makefile build seeds)
# One process per target, one target at a time, at low priority. The corpus each run grows is
# kept in .build-fuzz/fuzz/corpus/<target> for the next run; inputs that fail are saved in
# .build-fuzz/fuzz/artifacts/<target>/ and the run's output in .build-fuzz/fuzz/logs/<target>.log.
set -uo pipefail
seconds=$1
shift
out=${FUZZ_OUT:-.build-fuzz/fuzz}
# A failed property traps through fatalError: libFuzzer prints the stack and saves the input;
# Swift's own backtracer would only add a second, slow report.
export SWIFT_BACKTRACE=enable=no
failed=0
rows=()
total=0
for target in "$@"; do
  case $target in
    number-parser) max_len=256 ;;
    *) max_len=8192 ;;
  esac
  corpus=$out/corpus/$target
  artifacts=$out/artifacts/$target
  log=$out/logs/$target.log
  mkdir -p "$corpus" "$artifacts" "$out/logs"
  before=$(ls "$artifacts" | wc -l)
  echo "fuzz $target for ${seconds}s (log: $log)"
  ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16:malloc_context_size=5} \
    nice -n 10 "$out/bin/$target" -max_total_time="$seconds" -timeout=10 -max_len="$max_len" \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "$out/seeds/$target" >"$log" 2>&1
  status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  corp=$(grep -o 'corp: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  crashes=$(( $(ls "$artifacts" | wc -l) - before ))
  if [ "$status" -ne 0 ]; then
    failed=1
    [ "$crashes" -gt 0 ] || crashes=1
    echo "  $target FAILED (exit $status):"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*fuzz property failed|artifact_prefix|Test unit written)' "$log" | head -8 | sed 's/^/    /'
    echo "    reproduce: $out/bin/$target <the crash-* file above>"
  fi
  total=$(( total + ${execs:-0} ))
  rows+=("$(printf '%-14s %8s %12s %8s %9s %9s %7s %8s' "$target" "$seconds" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$crashes")")
done
echo
printf '%-14s %8s %12s %8s %9s %9s %7s %8s\n' target seconds executions exec/s coverage features corpus crashes
printf '%s\n' "${rows[@]}"
printf '%-14s %8s %12s\n' total "" "$total"
exit $failed
