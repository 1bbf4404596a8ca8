#!/usr/bin/env bash
# retrace quick start, step 1: install what is missing (Debian packages only), build into
# build/ (the program lands at build/retrace), then run a real program under translation.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(g++ cmake ninja-build pkg-config python3 nasm binutils
          libzydis-dev libasmjit-dev libcapstone-dev libtbb-dev libgtest-dev
          qemu-user valgrind busybox-static time      # time: bench/run's peak memory
          gzip bzip2 xz-utils sqlite3 lua5.4 perl git # real programs the suites and bench/run use
          openjdk-17-jdk-headless)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j2

echo
echo "setup: demo — real programs under translation:"
guest=build/bench/guests/intloop
echo "  intloop native:           $("$guest" 2000000)"
echo "  intloop under retrace:    $(build/retrace run --tier=interp -- "$guest" 2000000)  (interpreter tier)"
echo "  sha256sum of README.md:   $(build/retrace run -- /usr/bin/sha256sum README.md)"
echo "  python3 under retrace:    $(build/retrace run -- /usr/bin/python3 -c 'import sys; print(sys.version.split()[0], sum(range(10**6)))')"
build/retrace run --stats -- /usr/bin/python3 -c 'print(1)' > /dev/null
