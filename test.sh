#!/usr/bin/env bash
# retrace quick start, step 2: the whole test suite (unit, asm instruction tests,
# differential fuzzing, end-to-end). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
[[ -x build/retrace ]] || { echo "test: run ./setup.sh first" >&2; exit 2; }
cmake --build build -j2
# The suite runs with a persistent decode cache of its own, emptied first: programs run
# in several tiers find what an earlier run recorded, and ~/.cache stays out of it.
export RETRACE_CACHE_DIR="$PWD/build/test-decode-cache"
rm -rf "$RETRACE_CACHE_DIR"
cd build
ctest --output-on-failure -j2 --timeout 900 "$@"
