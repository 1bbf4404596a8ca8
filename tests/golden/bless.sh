#!/bin/sh
# Rewrites tests/golden/expected/*.txt from the current backend (all cases, or the ones
# named), after building retrace_codegen and the nasm outputs. Review with `git diff`.
#   tests/golden/bless.sh [CASE...]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$here/build}
flock /tmp/retrace-build.lock cmake --build "$build" -j2 --target retrace_codegen
"$build/tests/golden/retrace_codegen" --bless "$@"
git -C "$here" --no-pager diff --stat -- tests/golden/expected || true
