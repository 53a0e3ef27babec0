#!/usr/bin/env bash
# README command 2 (and .ci/run): set up, then build and run every test twice:
# once in a normal build and once under AddressSanitizer + UndefinedBehaviorSanitizer;
# then build the libFuzzer targets (clang, ASan + UBSan) and give each a short
# smoke run after replaying its past crashes (tests/fuzz, tools/fuzz.sh); then
# the unit, CLI and protocol tests once more under valgrind memcheck.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh test
jobs=$(nproc)
for variant in build:OFF build-asan:ON; do
  dir=${variant%%:*}
  san=${variant##*:}
  echo "== $dir (sanitizers $san)"
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPYREVIEW_SANITIZE="$san" >/dev/null
  cmake --build "$dir" -j"$jobs"
  (cd "$dir" && ctest --output-on-failure -j"$jobs" --timeout 600)
done
echo "== build-fuzz (libFuzzer smoke runs, clang, sanitizers ON)"
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPYREVIEW_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$jobs"
(cd build-fuzz && ctest --output-on-failure -j"$jobs" --timeout 600)
echo "== valgrind memcheck (normal build)"
tools/valgrind.sh build
echo "all tests passed (normal and sanitizer builds, fuzz smoke runs, valgrind)"
