#!/usr/bin/env bash
# docs/pyreview.1: groff formats it without a single warning (-ww), and it
# documents every command and every option the binary's usage text names.
set -uo pipefail
: "${PYREVIEW:?set PYREVIEW to the pyreview binary}"
src=${PR_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
page=$src/docs/pyreview.1
command -v groff >/dev/null || { echo "man: groff is missing (tools/setup.sh test installs groff-base)"; exit 1; }
fail=0
warnings=$(groff -man -ww -z "$page" 2>&1)
if [ -n "$warnings" ]; then echo "FAIL groff warns about $page:"; echo "$warnings"; fail=1; fi
# the page as text, with roff's \- turned into plain hyphens
text=$(sed 's/\\-/-/g' "$page")
usage=$("$PYREVIEW" help)
for word in $(printf '%s\n' "$usage" | grep -oE -- '--[a-z][a-z-]*|^  [a-z]+' | tr -d ' ' | sort -u); do
  if ! grep -qE -- "(^|[^a-z-])${word}([^a-z-]|$)" <<<"$text"; then
    echo "FAIL the man page does not mention '$word' (from pyreview help)"; fail=1
  fi
done
[ "$fail" -eq 0 ] && echo "man: no groff warnings; every command and option of the usage text documented"
exit "$fail"
