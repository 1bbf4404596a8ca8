#!/usr/bin/env bash
# Interpreter-tier benchmark: guest instructions per second on an integer loop, and the
# slowdown against the same loop run natively. Not a test: run it by hand, on a quiet
# machine, and record the table in docs/performance.md.
#
#   bench/interp_loop.sh [ITERATIONS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
iters=${1:-20000000}
runs=${2:-5}
guest=build/bench/guests/intloop
retrace=build/retrace
[[ -x $guest && -x $retrace ]] || { echo "build first (./setup.sh)" >&2; exit 2; }

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

native=(); interp=()
for ((i = 0; i < runs; i++)); do   # alternate the runs so drift hits both alike
  t0=$(now); out_n=$("$guest" "$iters"); t1=$(now)
  out_r=$("$retrace" run --tier=interp -- "$guest" "$iters"); t2=$(now)
  [[ $out_n == "$out_r" ]] || { echo "output differs: native $out_n, retrace $out_r" >&2; exit 1; }
  native+=("$(awk "BEGIN{print $t1 - $t0}")"); interp+=("$(awk "BEGIN{print $t2 - $t1}")")
done
n=$(printf '%s\n' "${native[@]}" | median)
r=$(printf '%s\n' "${interp[@]}" | median)
insns=$("$retrace" run --tier=interp --stats -- "$guest" "$iters" 2>&1 >/dev/null | awk '/guest instructions/ {print $3}')
printf '| workload | iterations | native s | interp s | slowdown | guest insns | interp M insns/s |\n'
printf '|---|---|---|---|---|---|---|\n'
awk -v it="$iters" -v n="$n" -v r="$r" -v ins="$insns" \
  'BEGIN { printf "| intloop | %s | %.3f | %.3f | %.1fx | %s | %.0f |\n", it, n, r, r / n, ins, ins / r / 1e6 }'
