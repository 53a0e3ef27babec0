#!/usr/bin/env bash
# The suite's memory check under valgrind memcheck (run by tools/test.sh after
# the normal and sanitizer builds): every unit test, one `pyreview check` over
# all rule fixtures and examples, and the whole protocol suite with the server
# started under valgrind. Any memcheck error or definite leak fails it.
#   tools/valgrind.sh [BUILD_DIR]     (default: build, a normal non-sanitizer build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build}")
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
vg=(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
    --suppressions="$PWD/tools/valgrind.supp")
fail=0
# the tests scale their heaviest cases down (test_incremental, the big documents
# of the protocol tests) and wait longer for a server to exit
# parsing under valgrind is about 50x slower: the 4 s parse budget would cut it short
export PR_TEST_SLOW=1 PR_SOURCE_DIR="$PWD" PYREVIEW_PARSE_LIMIT_MS=120000

for t in "$build"/tests/test_*; do
  [ -x "$t" ] || continue
  if ! "${vg[@]}" --log-file="$logs/$(basename "$t").log" "$t" >/dev/null 2>&1; then
    echo "valgrind: $(basename "$t") failed"; fail=1
  fi
done

if ! "${vg[@]}" --log-file="$logs/check.log" "$build/pyreview" check --no-cache --exit-zero tests/rules examples >/dev/null 2>&1; then
  echo "valgrind: pyreview check failed"; fail=1
fi

# the server, as the protocol tests start it, under valgrind (one log per process)
cat > "$logs/server.sh" <<SH
#!/bin/sh
exec ${vg[*]} --log-file=$logs/server.%p.log "$build/pyreview" "\$@"
SH
chmod +x "$logs/server.sh"
# (not posture.test.js: it counts the server's execve calls under strace, and
# valgrind is one more program in between)
protocol_tests=$(ls tests/protocol/*.test.js | grep -v posture.test.js)
# shellcheck disable=SC2086
if ! PYREVIEW="$logs/server.sh" PR_SOURCE_DIR="$PWD" node --test $protocol_tests >"$logs/protocol.out" 2>&1; then
  echo "valgrind: protocol tests failed under valgrind"; grep -A30 '^not ok' "$logs/protocol.out" | head -80; fail=1
fi

for log in "$logs"/*.log; do
  [ -s "$log" ] || continue
  echo "valgrind: $(basename "$log") reports:"; head -40 "$log"; fail=1
done
[ "$fail" -eq 0 ] && echo "valgrind: no memcheck errors, no definite leaks"
exit "$fail"
