#!/usr/bin/env bash
# Rule fixtures: golden output, markers and completeness.
#
#   PYREVIEW=/path/to/pyreview PR_SOURCE_DIR=/path/to/repo tests/rules/run_golden.sh [CODE]
#   UPDATE_GOLDEN=1 ... rewrites every expected.txt instead of comparing it.
#
# For each rule directory tests/rules/<CODE>/ (or only CODE when given):
#   golden     `pyreview check --select CODE --format text .`, run inside the
#              directory, must print exactly expected.txt.
#   markers    every fixture line ending in `# [CODE]` (`# [CODE, CODE]` for two)
#              is where a finding of CODE starts; the (file, line, CODE) multiset
#              of the markers must equal the one of the output, whatever the
#              golden file says.
#   positions  when positions.txt exists (`file:line:col: CODE` lines, written
#              by hand from the catalog), the (file, line, col, CODE) multiset of
#              the output must equal it: the check of columns (BOM, tabs, CRLF,
#              non-ASCII text, other encodings).
#   complete   every code of `pyreview rules --format json` has a directory with
#              a .py fixture, expected.txt, a marker, a comment line saying
#              "negative", and `pyreview explain CODE` exits 0 with the headings
#              "What it does", "Why", "Example" and "Use instead".
set -euo pipefail

if [[ -z "${PYREVIEW:-}" ]]; then
  echo "run_golden.sh: set PYREVIEW to the pyreview executable" >&2
  exit 2
fi
case "$PYREVIEW" in
  /*) ;;
  */*) PYREVIEW="$PWD/$PYREVIEW" ;; # the checks run in other directories
esac
src_dir="${PR_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
rules_dir="$src_dir/tests/rules"
only="${1:-}"
update="${UPDATE_GOLDEN:-0}"

if [[ $# -gt 1 ]]; then
  echo "usage: run_golden.sh [CODE]" >&2
  exit 2
fi
if [[ -n "$only" && ! "$only" =~ ^[A-Z]+[0-9]+$ ]]; then
  echo "run_golden.sh: '$only' is not a rule code" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

helper="$work/fixtures.py"
cat >"$helper" <<'PY'
"""Marker, output and positions parsing for run_golden.sh."""
import json
import os
import re
import sys
from collections import Counter

MARK_RE = re.compile(
    r"#\s*\[\s*([A-Z]{3}[0-9]{3}(?:\s*,\s*[A-Z]{3}[0-9]{3})*)\s*\]\s*$")
FINDING_RE = re.compile(
    r"^(?P<path>.+?):(?P<line>[0-9]+):(?P<col>[0-9]+): (?P<code>[A-Z]+[0-9]+)(?: |$)")


def fixtures(root):
    """(relative path, full path) of every .py file under root, sorted."""
    found = []
    for here, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                full = os.path.join(here, name)
                found.append((os.path.relpath(full, root).replace(os.sep, "/"), full))
    return sorted(found)


def lines(full):
    """(1-based number, text) of each line; bytes that are not UTF-8 are replaced."""
    with open(full, "rb") as fh:
        data = fh.read()
    for number, raw in enumerate(data.split(b"\n"), 1):
        yield number, raw.rstrip(b"\r").decode("utf-8", "replace")


def markers(root, code):
    expected = Counter()
    for rel, full in fixtures(root):
        for number, text in lines(full):
            match = MARK_RE.search(text)
            if match:
                for item in re.split(r"\s*,\s*", match.group(1)):
                    if item == code:
                        expected[(rel, number)] += 1
    return expected


def norm_path(path, root):
    path = path.replace("\\", "/")
    if os.path.isabs(path):
        path = os.path.relpath(path, root)
    return os.path.normpath(path).replace(os.sep, "/")


def findings(output, root):
    """[(path, line, col, code)] from `check --format text` output, and bad lines."""
    found, bad = [], []
    with open(output, encoding="utf-8", errors="replace") as fh:
        for text in fh.read().splitlines():
            if not text.strip():
                continue
            match = FINDING_RE.match(text)
            if match is None:
                bad.append(text)
                continue
            found.append((norm_path(match["path"], root), int(match["line"]),
                          int(match["col"]), match["code"]))
    return found, bad


def cmd_markers(root, code, output):
    found, bad = findings(output, root)
    problems = ["unparsable output line: " + text for text in bad]
    expected = markers(root, code)
    actual = Counter((path, line) for path, line, _, c in found if c == code)
    for (path, line), n in sorted((expected - actual).items()):
        problems.append(f"missing: {path}:{line}: {code} expected by a marker"
                        + (f" ({n} findings)" if n > 1 else ""))
    for (path, line), n in sorted((actual - expected).items()):
        problems.append(f"unexpected: {path}:{line}: {code} reported without a marker"
                        + (f" ({n} findings)" if n > 1 else ""))
    for path, line, col, c in found:
        if c != code:
            problems.append(f"unexpected: {path}:{line}:{col}: {c} (not the selected rule)")
    for text in problems:
        print("    " + text)
    return 1 if problems else 0


def cmd_positions(root, code, output):
    table = os.path.join(root, "positions.txt")
    if not os.path.exists(table):
        return 0
    expected, problems = Counter(), []
    with open(table, encoding="utf-8") as fh:
        for number, text in enumerate(fh.read().splitlines(), 1):
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            match = FINDING_RE.match(text)
            if match is None:
                problems.append(f"positions.txt:{number}: cannot parse {text!r}")
                continue
            expected[(norm_path(match["path"], root), int(match["line"]),
                      int(match["col"]), match["code"])] += 1
    found, _ = findings(output, root)
    actual = Counter(f for f in found if f[3] == code)
    for (path, line, col, c), _ in sorted((expected - actual).items()):
        problems.append(f"position missing: {path}:{line}:{col}: {c}")
    for (path, line, col, c), _ in sorted((actual - expected).items()):
        problems.append(f"position not in positions.txt: {path}:{line}:{col}: {c}")
    for text in problems:
        print("    " + text)
    return 1 if problems else 0


def cmd_lint(root, code):
    problems = []
    files = fixtures(root)
    if not files:
        problems.append("no .py fixture")
    if not os.path.isfile(os.path.join(root, "expected.txt")):
        problems.append("no expected.txt (run with UPDATE_GOLDEN=1 and review it)")
    if files and not markers(root, code):
        problems.append(f"no `# [{code}]` marker in any fixture")
    negative = any(text.lstrip().startswith("#") and "negative" in text.lower()
                   for _, full in files for _, text in lines(full))
    if files and not negative:
        problems.append('no comment line describing a "negative" case')
    for text in problems:
        print("    " + text)
    return 1 if problems else 0


def cmd_codes(listing):
    with open(listing, encoding="utf-8") as fh:
        rules = json.load(fh)
    if not isinstance(rules, list):
        raise SystemExit("`rules --format json` did not print a JSON array")
    for rule in rules:
        print(rule["code"])
    return 0


def main(argv):
    command, args = argv[1], argv[2:]
    if command == "markers":
        return cmd_markers(*args)
    if command == "positions":
        return cmd_positions(*args)
    if command == "lint":
        return cmd_lint(*args)
    if command == "codes":
        return cmd_codes(*args)
    raise SystemExit("unknown command " + command)


sys.exit(main(sys.argv))
PY

failures=0
checked=0

# The rule codes pyreview ships.
listed=()
listing_ok=1
if "$PYREVIEW" rules --format json >"$work/rules.json" 2>"$work/rules.err" &&
  python3 "$helper" codes "$work/rules.json" >"$work/codes.txt" 2>>"$work/rules.err"; then
  mapfile -t listed <"$work/codes.txt"
else
  listing_ok=0
  failures=$((failures + 1))
  echo "FAIL \`pyreview rules --format json\` did not list the rules:"
  sed 's/^/    /' "$work/rules.err"
fi

is_listed() {
  local code
  for code in "${listed[@]}"; do
    [[ "$code" == "$1" ]] && return 0
  done
  return 1
}

# The codes to check: the one asked for, or every listed code and directory.
codes=()
if [[ -n "$only" ]]; then
  codes=("$only")
else
  for dir in "$rules_dir"/*/; do
    name=$(basename "$dir")
    [[ "$name" =~ ^[A-Z]+[0-9]+$ ]] && codes+=("$name")
  done
  codes+=("${listed[@]}")
  mapfile -t codes < <(printf '%s\n' "${codes[@]}" | sort -u | sed '/^$/d')
fi

# Appends a problem to the current rule's log.
say() { printf '    %s\n' "$@" >>"$log"; }

for code in "${codes[@]}"; do
  checked=$((checked + 1))
  dir="$rules_dir/$code"
  log="$work/$code.log"
  : >"$log"

  if [[ "$listing_ok" == 1 ]] && ! is_listed "$code"; then
    say "$code is not listed by \`pyreview rules\`"
  fi
  if [[ ! -d "$dir" ]]; then
    say "no directory tests/rules/$code/"
  else
    out="$work/$code.out"
    err="$work/$code.err"
    rc=0
    (cd "$dir" && "$PYREVIEW" check --no-cache --select "$code" --format text .) >"$out" 2>"$err" || rc=$?
    if [[ $rc -ge 2 ]]; then
      say "\`pyreview check --select $code\` exited $rc:"
      sed 's/^/      /' "$err" >>"$log"
    fi

    # Golden output.
    if [[ "$update" == 1 ]]; then
      if [[ $rc -lt 2 ]]; then
        if [[ ! -f "$dir/expected.txt" ]] || ! cmp -s "$out" "$dir/expected.txt"; then
          cp "$out" "$dir/expected.txt"
          echo "updated tests/rules/$code/expected.txt"
        fi
      fi
    elif [[ -f "$dir/expected.txt" ]]; then
      if ! diff -u --label "tests/rules/$code/expected.txt" --label "pyreview check output" \
        "$dir/expected.txt" "$out" >"$work/$code.diff"; then
        say "output differs from expected.txt:"
        sed 's/^/      /' "$work/$code.diff" >>"$log"
      fi
    fi

    # Markers and positions, independent of the golden file.
    python3 "$helper" markers "$dir" "$code" "$out" >>"$log" 2>&1 || true
    python3 "$helper" positions "$dir" "$code" "$out" >>"$log" 2>&1 || true
    python3 "$helper" lint "$dir" "$code" >>"$log" 2>&1 || true
  fi

  # The explanation behind `explain` and hover.
  if [[ "$listing_ok" == 0 ]] || is_listed "$code"; then
    rc=0
    "$PYREVIEW" explain "$code" >"$work/$code.explain" 2>&1 || rc=$?
    if [[ $rc -ne 0 ]]; then
      say "\`pyreview explain $code\` exited $rc"
    fi
    for heading in "What it does" "Why" "Example" "Use instead"; do
      if ! grep -qF -- "$heading" "$work/$code.explain"; then
        say "\`pyreview explain $code\` has no \"$heading\" section"
      fi
    done
  fi

  if [[ -s "$log" ]]; then
    failures=$((failures + 1))
    echo "FAIL $code"
    cat "$log"
  else
    echo "ok   $code"
  fi
done

echo "$checked rules checked, $failures failures"
[[ $failures -eq 0 ]]
