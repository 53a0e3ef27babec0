#!/usr/bin/env bash
# run_editor.sh neovim|emacs - pyreview's diagnostics in a real editor, headless:
#   neovim  Neovim 0.7+ (`nvim --headless`), driven by neovim_test.lua
#   emacs   Emacs 28 + eglot 1.9 + flymake (`emacs --batch`), driven by eglot_test.el
# Both open the same fixture and check the exact (code, line) set after open,
# after an edit that removes one finding and adds another, and after a fix;
# then shutdown + exit must end the server with status 0.
#
# Environment (set by ctest, see tests/CMakeLists.txt):
#   PYREVIEW       absolute path of the pyreview binary under test
#   PR_SOURCE_DIR  the repository (its tests/editors/ holds this script's files)
# Optional: PR_STEP_TIMEOUT_MS (default 15000) bounds each wait inside the editor;
#   PR_KEEP_WORK=1 keeps the scratch folder for inspection.
#
# The fixture is copied to a fresh scratch folder (also the editor's HOME and
# XDG folders), so the edits the test makes in the buffer, and anything the
# editor or the server writes, never touch the repository.
# Exit status: 0 pass, 1 fail (the reason is printed).
set -euo pipefail

editor="${1:-}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="${PR_SOURCE_DIR:-$(cd "$here/../.." && pwd)}/tests/editors"

fail() { echo "editor.$editor: FAIL: $*"; exit 1; }

case "$editor" in
  neovim)
    label=Neovim script="$src/neovim_test.lua"
    command -v nvim >/dev/null || fail "nvim is not installed"
    ;;
  emacs)
    label=Emacs script="$src/eglot_test.el"
    command -v emacs >/dev/null || fail "emacs is not installed"
    compgen -G "/usr/share/emacs/site-lisp/elpa/eglot-*" >/dev/null ||
      fail "eglot is not installed (apt-get install elpa-eglot)"
    ;;
  *) echo "usage: run_editor.sh neovim|emacs" >&2; exit 2 ;;
esac
[[ -n "${PYREVIEW:-}" ]] || fail "PYREVIEW is not set"
[[ -f "$PYREVIEW" && -x "$PYREVIEW" ]] || fail "PYREVIEW=$PYREVIEW is not an executable file"
[[ -f "$script" && -f "$src/fixture/app/sync.py" ]] || fail "test files not found under $src"

work="$(mktemp -d "${TMPDIR:-/tmp}/pyreview-$editor.XXXXXX")"
cleanup() {
  if [[ "${PR_KEEP_WORK:-0}" == 1 ]]; then echo "scratch kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

cp -R "$src/fixture/." "$work/"
before="$(cksum < "$work/app/sync.py")"
mkdir -p "$work/home"
export HOME="$work/home"
export XDG_CACHE_HOME="$work/.cache" XDG_STATE_HOME="$work/.state" XDG_DATA_HOME="$work/.data"
export XDG_CONFIG_HOME="$work/.config"
export PR_TEST_FILE="$work/app/sync.py" PR_WORK_DIR="$work" PR_SERVER_LOG="$work/server.stderr"
: > "$PR_SERVER_LOG"

start=$(date +%s%N)
status=0
if [[ "$editor" == neovim ]]; then
  ( cd "$work" && timeout 60 nvim --headless -u NONE -i NONE -n -S "$script" ) \
    > "$work/editor.out" 2> "$work/editor.err" < /dev/null || status=$?
else
  ( cd "$work" && timeout 60 emacs --batch -Q -l "$script" ) \
    > "$work/editor.out" 2> "$work/editor.err" < /dev/null || status=$?
fi
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))

cat "$work/editor.out"
if [[ $status -eq 0 ]] && ! grep -q '^OK shutdown' "$work/editor.out"; then
  status=1; echo "FAIL: $label exited 0 without finishing every step"
fi
if [[ "$(cksum < "$work/app/sync.py")" != "$before" ]]; then
  status=1; echo "FAIL: the test wrote the fixture copy to disk"
fi
if [[ $status -ne 0 ]]; then
  [[ $status -eq 124 ]] && echo "FAIL: $label did not finish within 60 s (timeout)"
  [[ $status -eq 141 ]] && echo "FAIL: $label died of SIGPIPE: the server closed its stdin (did it start?)"
  if [[ -s "$work/editor.err" ]]; then echo "--- $label stderr"; tail -n 40 "$work/editor.err"; echo; fi
  if [[ -s "$PR_SERVER_LOG" ]]; then echo "--- server stderr"; tail -n 60 "$PR_SERVER_LOG"; fi
  echo "editor.$editor: FAIL (exit $status) in ${elapsed} ms"
  exit 1
fi
echo "editor.$editor: PASS in ${elapsed} ms"
