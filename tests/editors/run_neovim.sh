#!/usr/bin/env bash
# run_neovim.sh - pyreview's diagnostics in a real headless Neovim (0.7+).
#
# Environment (set by ctest, see tests/CMakeLists.txt):
#   PYREVIEW       absolute path of the pyreview binary under test
#   PR_SOURCE_DIR  the repository (its tests/editors/ holds this script's files)
# Optional: PR_STEP_TIMEOUT_MS (default 15000) bounds each wait inside Neovim;
#   PR_KEEP_WORK=1 keeps the scratch folder for inspection.
#
# The fixture is copied to a fresh scratch folder, so the edits the test makes
# in the buffer, and anything Neovim or the server writes, never touch the
# repository. Exit status: 0 pass, 1 fail (the reason is printed).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="${PR_SOURCE_DIR:-$(cd "$here/../.." && pwd)}/tests/editors"

fail() { echo "editor.neovim: FAIL: $*"; exit 1; }

[[ -n "${PYREVIEW:-}" ]] || fail "PYREVIEW is not set"
[[ -f "$PYREVIEW" && -x "$PYREVIEW" ]] || fail "PYREVIEW=$PYREVIEW is not an executable file"
command -v nvim >/dev/null || fail "nvim is not installed"
[[ -f "$src/neovim_test.lua" && -f "$src/fixture/app/sync.py" ]] || fail "test files not found under $src"

work="$(mktemp -d "${TMPDIR:-/tmp}/pyreview-nvim.XXXXXX")"
cleanup() {
  if [[ "${PR_KEEP_WORK:-0}" == 1 ]]; then echo "scratch kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

cp -R "$src/fixture/." "$work/"
before="$(cksum < "$work/app/sync.py")"

# Neovim writes its log (and nothing else, with -i NONE -n) under these.
export XDG_CACHE_HOME="$work/.cache" XDG_STATE_HOME="$work/.state" XDG_DATA_HOME="$work/.data"
export XDG_CONFIG_HOME="$work/.config"
export PR_TEST_FILE="$work/app/sync.py" PR_WORK_DIR="$work" PR_SERVER_LOG="$work/server.stderr"
: > "$PR_SERVER_LOG"

start=$(date +%s%N)
status=0
( cd "$work" && timeout 60 nvim --headless -u NONE -i NONE -n -S "$src/neovim_test.lua" ) \
  > "$work/nvim.out" 2> "$work/nvim.err" < /dev/null || status=$?
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))

cat "$work/nvim.out"
if [[ $status -eq 0 ]] && ! grep -q '^OK shutdown' "$work/nvim.out"; then
  status=1; echo "FAIL: Neovim exited 0 without finishing every step"
fi
if [[ "$(cksum < "$work/app/sync.py")" != "$before" ]]; then
  status=1; echo "FAIL: the test wrote the fixture copy to disk"
fi
if [[ $status -ne 0 ]]; then
  [[ $status -eq 124 ]] && echo "FAIL: Neovim did not finish within 60 s (timeout)"
  if [[ -s "$work/nvim.err" ]]; then echo "--- nvim stderr"; tail -n 40 "$work/nvim.err"; echo; fi
  if [[ -s "$PR_SERVER_LOG" ]]; then echo "--- server stderr"; tail -n 60 "$PR_SERVER_LOG"; fi
  echo "editor.neovim: FAIL (exit $status) in ${elapsed} ms"
  exit 1
fi
echo "editor.neovim: PASS in ${elapsed} ms"
