#!/usr/bin/env bash
# README command 1: set up, build, and review the bundled example project.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target pyreview >/dev/null
status=0
build/pyreview check examples/ || status=$?
echo "pyreview check exited with $status (0: nothing at or above warning, 1: findings, 2: error)"
[ "$status" -le 1 ]
