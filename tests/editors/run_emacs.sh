#!/usr/bin/env bash
# run_emacs.sh - pyreview's diagnostics in a real Emacs 28 + eglot 1.9 + flymake, batch.
#
# Environment (set by ctest, see tests/CMakeLists.txt):
#   PYREVIEW       absolute path of the pyreview binary under test
#   PR_SOURCE_DIR  the repository (its tests/editors/ holds this script's files)
# Optional: PR_STEP_TIMEOUT_MS (default 15000) bounds each wait inside Emacs;
#   PR_KEEP_WORK=1 keeps the scratch folder for inspection.
#
# The fixture is copied to a fresh scratch folder (also Emacs's HOME), so the
# edits the test makes in the buffer, and anything Emacs or the server writes,
# never touch the repository. Exit status: 0 pass, 1 fail (the reason is printed).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="${PR_SOURCE_DIR:-$(cd "$here/../.." && pwd)}/tests/editors"

fail() { echo "editor.emacs: FAIL: $*"; exit 1; }

[[ -n "${PYREVIEW:-}" ]] || fail "PYREVIEW is not set"
[[ -f "$PYREVIEW" && -x "$PYREVIEW" ]] || fail "PYREVIEW=$PYREVIEW is not an executable file"
command -v emacs >/dev/null || fail "emacs is not installed"
if ! compgen -G "/usr/share/emacs/site-lisp/elpa/eglot-*" >/dev/null; then
  fail "eglot is not installed (apt-get install elpa-eglot)"
fi
[[ -f "$src/eglot_test.el" && -f "$src/fixture/app/sync.py" ]] || fail "test files not found under $src"

work="$(mktemp -d "${TMPDIR:-/tmp}/pyreview-emacs.XXXXXX")"
cleanup() {
  if [[ "${PR_KEEP_WORK:-0}" == 1 ]]; then echo "scratch kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

cp -R "$src/fixture/." "$work/"
before="$(cksum < "$work/app/sync.py")"

mkdir -p "$work/home"
export HOME="$work/home"   # ~/.emacs.d and anything else Emacs writes stays in the scratch folder
export PR_TEST_FILE="$work/app/sync.py" PR_WORK_DIR="$work" PR_SERVER_LOG="$work/server.stderr"
: > "$PR_SERVER_LOG"

start=$(date +%s%N)
status=0
( cd "$work" && timeout 60 emacs --batch -Q -l "$src/eglot_test.el" ) \
  > "$work/emacs.out" 2> "$work/emacs.err" < /dev/null || status=$?
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))

cat "$work/emacs.out"
if [[ $status -eq 0 ]] && ! grep -q '^OK shutdown' "$work/emacs.out"; then
  status=1; echo "FAIL: Emacs exited 0 without finishing every step"
fi
if [[ "$(cksum < "$work/app/sync.py")" != "$before" ]]; then
  status=1; echo "FAIL: the test wrote the fixture copy to disk"
fi
if [[ $status -ne 0 ]]; then
  [[ $status -eq 124 ]] && echo "FAIL: Emacs did not finish within 60 s (timeout)"
  [[ $status -eq 141 ]] && echo "FAIL: Emacs died of SIGPIPE: the server closed its stdin (did it start?)"
  if [[ -s "$work/emacs.err" ]]; then echo "--- emacs stderr"; tail -n 40 "$work/emacs.err"; echo; fi
  if [[ -s "$PR_SERVER_LOG" ]]; then echo "--- server stderr"; tail -n 60 "$PR_SERVER_LOG"; fi
  echo "editor.emacs: FAIL (exit $status) in ${elapsed} ms"
  exit 1
fi
echo "editor.emacs: PASS in ${elapsed} ms"
