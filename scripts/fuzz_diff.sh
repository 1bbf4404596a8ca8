#!/bin/sh
# Runs the differential fuzzer over any number of seeds, in chunks, in parallel.
#   scripts/fuzz_diff.sh [FIRST_SEED] [COUNT] [JOBS] [-- extra retrace_difftest args]
# e.g. scripts/fuzz_diff.sh 1 20000 2 -- --skip-unsupported
# Each chunk's report goes to $OUT (default build/fuzz_diff/) as seeds-A-B.log; the
# summary at the end adds up the "N passed, M failed" lines and lists the failing kinds.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${DIFFTEST:-$here/build/tests/diff/retrace_difftest}
first=${1:-1}; count=${2:-10000}; jobs=${3:-2}
[ $# -ge 3 ] && shift 3 || shift $#
[ "${1:-}" = "--" ] && shift
out=${OUT:-$here/build/fuzz_diff}
mkdir -p "$out"
[ -x "$bin" ] || { echo "fuzz_diff: $bin not built (cmake --build build --target retrace_difftest)" >&2; exit 2; }

chunk=$(( (count + jobs - 1) / jobs ))
a=$first; last=$((first + count - 1)); pids=""
while [ "$a" -le "$last" ]; do
  b=$((a + chunk - 1)); [ "$b" -gt "$last" ] && b=$last
  "$bin" --seeds="$a..$b" "$@" > "$out/seeds-$a-$b.log" 2>&1 &
  pids="$pids $!"
  a=$((b + 1))
done
status=0
for p in $pids; do wait "$p" || status=1; done

passed=0; failed=0
for f in "$out"/seeds-*.log; do
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$f" | tail -1)
  [ -n "$line" ] || { echo "fuzz_diff: no summary in $f (crashed?)"; status=1; continue; }
  passed=$((passed + $(echo "$line" | cut -d' ' -f1)))
  failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
done
echo "failing kinds / unsupported (per chunk, see $out):"
grep -h -E '^  [a-z0-9]+ +[0-9]+  e\.g\.' "$out"/seeds-*.log | awk '{n[$1]+=$2; if (!($1 in ex)) { $2=""; ex[$1]=$0 } } END { for (k in n) printf "  %-12s %6d %s\n", k, n[k], substr(ex[k], length(k)+2) }' | sort
echo "$passed passed, $failed failed"
exit $status
