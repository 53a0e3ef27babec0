#!/usr/bin/env bash
# Configuration as a user sees it: discovery and precedence of pyreview.toml
# and [tool.pyreview], every key's effect, malformed files (each message and
# the review going on with defaults), --strict-config, flags over the file,
# --config / --no-config, the result cache following the settings, and
# --jobs N giving the same bytes as --jobs 1. Run by ctest with
# PYREVIEW=/path/to/pyreview.
set -uo pipefail
: "${PYREVIEW:?set PYREVIEW to the pyreview binary}"
PYREVIEW=$(realpath "$PYREVIEW")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); printf 'FAIL %s\n  expected: %q\n  actual:   %q\n' "$1" "$2" "$3"; fi
}
contains() {  # contains NAME NEEDLE HAYSTACK
  if [[ "$3" == *"$2"* ]]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); printf 'FAIL %s\n  wanted to find: %q\n  in: %q\n' "$1" "$2" "$3"; fi
}
run() {  # run ARGS... -> sets out, err, rc (no result cache unless asked)
  out=$("$PYREVIEW" check --no-cache "$@" 2>"$work/stderr"); rc=$?; err=$(cat "$work/stderr")
}
codes() {  # the findings of $out as "path:line:col: CODE", one a line
  printf '%s\n' "$out" | cut -d' ' -f1-2
}

cd "$work"
# a file whose only findings by default are ERR001 and ERR002, both at 8:5
jobs_py() {
  mkdir -p "$(dirname "$1")"
  cat > "$1" <<'PY'
"""Jobs."""


def run(job):
    """Run a job."""
    try:
        job()
    except:
        pass
PY
}

# ---------------- discovery and precedence ----------------
mkdir -p disc/a disc/b disc/c/deep/er
printf '[tool.pyreview]\nselect = ["ERR002"]\n' > disc/pyproject.toml
printf 'select = ["ERR001"]\n' > disc/a/pyreview.toml                   # wins over a/pyproject.toml
printf '[tool.pyreview]\nselect = ["ERR002"]\n' > disc/a/pyproject.toml
printf '[project]\nname = "b"\n' > disc/b/pyproject.toml                # no table: skipped
printf '[tool.pyreview]\nignore = ["ERR002"]\n' > disc/c/pyproject.toml # alone: disc's select is not merged
for f in disc/top.py disc/a/j.py disc/b/j.py disc/c/j.py disc/c/deep/er/j.py; do jobs_py "$f"; done
run disc
check "closest configuration applies alone" "disc/a/j.py:8:5: ERR001
disc/b/j.py:8:5: ERR002
disc/c/deep/er/j.py:8:5: ERR001
disc/c/j.py:8:5: ERR001
disc/top.py:8:5: ERR002" "$(codes)"
check "discovery: exit 1" 1 "$rc"
check "valid configurations say nothing" "pyreview: 5 findings (0 error, 5 warning, 0 information, 0 hint) in 5 files" "$err"
# from inside a folder, and a configuration above the current folder
out=$(cd disc/b && "$PYREVIEW" check --no-cache j.py 2>/dev/null)
check "configuration found above the current folder" "j.py:8:5: ERR002" "$(codes)"
out=$(cd disc/c/deep && "$PYREVIEW" check --no-cache er 2>/dev/null)
check "configuration found from a subfolder" "er/j.py:8:5: ERR001" "$(codes)"

# ---------------- every key ----------------
mkdir -p keys
# max-complexity: f has complexity 4 (three ifs), g 3
mkdir keys/complexity
printf 'select = ["CPX002"]\nmax-complexity = 3\n' > keys/complexity/pyreview.toml
cat > keys/complexity/m.py <<'PY'
def f(a, b, c):
    if a:
        return 1
    if b:
        return 2
    if c:
        return 3
    return 4


def g(a, b):
    if a:
        return 1
    if b:
        return 2
    return 3
PY
run keys/complexity
check "max-complexity" 'keys/complexity/m.py:1:5: CPX002 `f` has a cyclomatic complexity of 4 (limit 3): split its decisions into smaller functions' "$out"
run --no-config --select CPX002 keys/complexity
check "complexity 4 is quiet by default" "" "$out"

# max-statements: f has 3 statements, g 2
mkdir keys/statements
printf 'select = ["CPX001"]\nmax-statements = 2\n' > keys/statements/pyreview.toml
printf 'def f():\n    a = 1\n    b = 2\n    return a + b\n\n\ndef g():\n    a = 1\n    return a\n' > keys/statements/m.py
run keys/statements
check "max-statements" "keys/statements/m.py:1:5: CPX001" "$(codes)"

# max-parameters: f has 3, g 2
mkdir keys/params
printf 'select = ["CPX003"]\nmax-parameters = 2\n' > keys/params/pyreview.toml
printf 'def f(a, b, c):\n    return a, b, c\n\n\ndef g(a, b):\n    return a, b\n' > keys/params/m.py
run keys/params
check "max-parameters" "keys/params/m.py:1:5: CPX003" "$(codes)"

# max-nesting: the inner `if` (line 3) is at depth 1 and holds a statement at depth 2
mkdir keys/nesting
printf 'select = ["CPX004"]\nmax-nesting = 1\n' > keys/nesting/pyreview.toml
printf 'def f(x):\n    if x:\n        if x > 1:\n            return 1\n    return 0\n' > keys/nesting/m.py
run keys/nesting
check "max-nesting" "keys/nesting/m.py:3:9: CPX004" "$(codes)"

# max-test-statements: test_a has 2 statements, test_b 1
mkdir keys/tests
printf 'select = ["TST004"]\nmax-test-statements = 1\n' > keys/tests/pyreview.toml
printf 'def test_a():\n    x = 1\n    assert x\n\n\ndef test_b():\n    assert True\n' > keys/tests/test_k.py
run keys/tests
check "max-test-statements" "keys/tests/test_k.py:1:5: TST004" "$(codes)"

# severity: ERR002 raised to error, ERR001 off
mkdir keys/severity
printf '[severity]\nERR002 = "error"\nbare-except = "off"\n' > keys/severity/pyreview.toml
jobs_py keys/severity/j.py
run keys/severity
check "severity off drops the rule" "keys/severity/j.py:8:5: ERR002" "$(codes)"
contains "severity error counts as an error" "(1 error, 0 warning, 0 information, 0 hint)" "$err"
run --fail-on error keys/severity
check "severity error fails --fail-on error" 1 "$rc"
run --format json keys/severity
check "severity in JSON" "ERR002 error" "$(printf '%s' "$out" | python3 -c 'import json,sys; print(*[i["code"] + " " + i["severity"] for i in json.load(sys.stdin)])')"
# a category's severity, with a code more specific than it
printf '[severity]\nERR001 = "error"\nERR = "hint"\n' > keys/severity/pyreview.toml
run --format json keys/severity
check "code beats category" "ERR001 error ERR002 hint" "$(printf '%s' "$out" | python3 -c 'import json,sys; print(*[i["code"] + " " + i["severity"] for i in json.load(sys.stdin)])')"
check "an error finding fails the check" 1 "$rc"
printf '[severity]\nERR = "hint"\n' > keys/severity/pyreview.toml
run keys/severity
check "hints only: exit 0" 0 "$rc"
contains "hints counted" "(0 error, 0 warning, 0 information, 2 hint)" "$err"

# per-file-ignores: a glob with a slash below the configuration's folder, one
# without a slash matching the file's name anywhere
mkdir keys/pfi
printf '[per-file-ignores]\n"legacy/*.py" = ["ERR"]\n"gen.py" = ["swallowed-exception"]\n' > keys/pfi/pyreview.toml
for f in legacy/old.py x/gen.py x/legacy/old.py new.py; do jobs_py "keys/pfi/$f"; done
run keys/pfi
check "per-file-ignores" "keys/pfi/new.py:8:5: ERR001
keys/pfi/new.py:8:5: ERR002
keys/pfi/x/gen.py:8:5: ERR001
keys/pfi/x/legacy/old.py:8:5: ERR001
keys/pfi/x/legacy/old.py:8:5: ERR002" "$(codes)"
run --select ERR keys/pfi/legacy/old.py
check "per-file-ignores hold under --select" "" "$out"

# test-patterns: checks/*.py become test files, so TST003 runs there
mkdir -p keys/testpat/checks keys/testpat/other
printf 'select = ["TST003"]\ntest-patterns = ["checks/*.py"]\n' > keys/testpat/pyreview.toml
printf 'def test_probe():\n    run()\n' | tee keys/testpat/checks/probe.py > keys/testpat/other/probe.py
run keys/testpat
check "test-patterns" "keys/testpat/checks/probe.py:1:5: TST003" "$(codes)"

# type-hints: one unannotated public function; "consistent" (the default)
# reports nothing in a module where fewer than half are annotated
mkdir keys/hints
printf 'select = ["TYP"]\ntype-hints = "strict"\n' > keys/hints/pyreview.toml
printf 'def area(w, h):\n    return w * h\n' > keys/hints/m.py
run keys/hints
check "type-hints strict" "keys/hints/m.py:1:5: TYP002
keys/hints/m.py:1:10: TYP001
keys/hints/m.py:1:13: TYP001" "$(codes)"
run --no-config --select TYP keys/hints
check "type-hints consistent by default" "" "$out"

# type-hints-varargs: *items needs an annotation too
mkdir keys/varargs
printf 'select = ["TYP001"]\ntype-hints-varargs = true\n' > keys/varargs/pyreview.toml
printf 'def log_all(prefix: str, *items) -> None:\n    print(prefix, items)\n' > keys/varargs/m.py
run keys/varargs
check "type-hints-varargs" "keys/varargs/m.py:1:27: TYP001" "$(codes)"
run --no-config --select TYP001 keys/varargs
check "varargs exempt by default" "" "$out"

# logging-masks: only mask_password masks; redact() is looked through, len() never reveals
mkdir keys/masks
printf 'select = ["SEC019"]\nlogging-masks = ["mask_password"]\n' > keys/masks/pyreview.toml
cat > keys/masks/m.py <<'PY'
import logging

logger = logging.getLogger(__name__)


def login(user, token):
    logger.info("user %s token %s", user, mask_password(token))
    logger.info("user %s token %s", user, redact(token))
    logger.info("token length %d", len(token))
PY
run keys/masks
check "logging-masks" 'keys/masks/m.py:8:5: SEC019 `token` looks like a secret (token) and is written to the log; log that it was used, not its value, or mask it [CWE-532]' "$out"
run --no-config --select SEC019 keys/masks
check "every call masks by default" "" "$out"

# extend-select and ignore in the file; exclude is accepted (the folder walk uses it)
mkdir keys/extend
printf 'select = ["CPX"]\nextend-select = ["ERR"]\nignore = ["ERR001"]\nexclude = ["build"]\n' > keys/extend/pyreview.toml
jobs_py keys/extend/j.py
run keys/extend
check "extend-select and ignore" "keys/extend/j.py:8:5: ERR002" "$(codes)"
check "exclude is a known key" "pyreview: 1 finding (0 error, 1 warning, 0 information, 0 hint) in 1 file" "$err"

# ---------------- malformed configurations ----------------
mkdir -p bad/syntax bad/types bad/dup
printf 'select = ["ERR001"\n' > bad/syntax/pyreview.toml
jobs_py bad/syntax/j.py
run bad/syntax
check "syntax error: defaults" "bad/syntax/j.py:8:5: ERR001
bad/syntax/j.py:8:5: ERR002" "$(codes)"
check "syntax error message" "pyreview: warning: bad/syntax/pyreview.toml:1:19: syntax error: unexpected end of line
pyreview: 2 findings (0 error, 2 warning, 0 information, 0 hint) in 1 file" "$err"
check "syntax error: the review's exit code" 1 "$rc"

cat > bad/types/pyreview.toml <<'TOML'
select = "ERR001"
max-complexity = "3"
max-nesting = 0
type-hints = "loose"
type-hints-varargs = "yes"
severity = { ERR002 = "fatal", NOPE = "error" }
ignore = ["ERR001", "XYZ999"]
colour = true
logging-masks = ["mask password"]
TOML
jobs_py bad/types/j.py
jobs_py bad/types/k.py
run bad/types
check "what could be read still applies" "bad/types/j.py:8:5: ERR002
bad/types/k.py:8:5: ERR002" "$(codes)"
check "each error once, at its place" "pyreview: warning: bad/types/pyreview.toml:1:10: 'select' must be an array of strings, not a string
pyreview: warning: bad/types/pyreview.toml:2:18: 'max-complexity' must be an integer, not a string
pyreview: warning: bad/types/pyreview.toml:3:15: 'max-nesting' must be between 1 and 100000, not 0
pyreview: warning: bad/types/pyreview.toml:4:14: 'type-hints' must be \"consistent\" or \"strict\", not \"loose\"
pyreview: warning: bad/types/pyreview.toml:5:22: 'type-hints-varargs' must be a boolean, not a string
pyreview: warning: bad/types/pyreview.toml:6:32: unknown rule code, name or category 'NOPE'
pyreview: warning: bad/types/pyreview.toml:6:23: unknown severity 'fatal' (error, warning, information, hint or off)
pyreview: warning: bad/types/pyreview.toml:7:21: unknown rule code, name or category 'XYZ999'
pyreview: warning: bad/types/pyreview.toml:8:1: unknown key 'colour'
pyreview: warning: bad/types/pyreview.toml:9:18: 'mask password' is not a dotted call name (like 'mask_password' or 'utils.redact')
pyreview: 2 findings (0 error, 2 warning, 0 information, 0 hint) in 2 files" "$err"

printf 'max-complexity = 3\nmax-complexity = 4\n' > bad/dup/pyreview.toml
jobs_py bad/dup/j.py
run bad/dup
contains "duplicate key" "pyreview: warning: bad/dup/pyreview.toml:2:1: duplicate key 'max-complexity' (first defined at 1:1)" "$err"
check "duplicate key: defaults" 2 "$(codes | wc -l)"

# a hostile file: 100,000 nested arrays are refused at depth 100, not recursed into
mkdir bad/deep
python3 -c 'import sys; sys.stdout.write("select = " + "[" * 100000 + "]" * 100000 + "\n")' > bad/deep/pyreview.toml
jobs_py bad/deep/j.py
run bad/deep
check "deep nesting: message" "pyreview: warning: bad/deep/pyreview.toml:1:110: arrays and inline tables nested more than 100 deep
pyreview: 2 findings (0 error, 2 warning, 0 information, 0 hint) in 1 file" "$err"

# a pyproject.toml with a broken [tool.pyreview] is reported, not skipped
mkdir bad/pyproject
printf '[tool.pyreview]\nselect = [ERR001]\n' > bad/pyproject/pyproject.toml
jobs_py bad/pyproject/j.py
run bad/pyproject
contains "malformed pyproject.toml" "pyreview: warning: bad/pyproject/pyproject.toml:2:11: syntax error: unexpected 'ERR001'" "$err"
check "malformed pyproject.toml: defaults" 2 "$(codes | wc -l)"

# --strict-config: every message as an error, exit 2, no review
run --strict-config bad/types
check "--strict-config exits 2" 2 "$rc"
check "--strict-config reviews nothing" "" "$out"
contains "--strict-config: errors" "pyreview: error: bad/types/pyreview.toml:8:1: unknown key 'colour'" "$err"
check "--strict-config prints all of them" 10 "$(printf '%s\n' "$err" | grep -c '^pyreview: error: bad/types/pyreview.toml:')"
run --strict-config disc
check "--strict-config with valid files" 1 "$rc"

# ---------------- flags over the file ----------------
run --select ERR001 disc/top.py
check "--select replaces the file's select" "disc/top.py:8:5: ERR001" "$(codes)"
run --extend-select ERR001 disc/top.py
check "--extend-select adds" "disc/top.py:8:5: ERR001
disc/top.py:8:5: ERR002" "$(codes)"
run --ignore ERR002 disc/top.py
check "--ignore removes" "" "$out"
run --select ERR disc/c/j.py
check "the ignores of a file without select carry over --select (as Ruff)" "disc/c/j.py:8:5: ERR001" "$(codes)"
run --extend-select NOPE9 disc
check "unknown --extend-select item" 2 "$rc"
contains "unknown --extend-select message" "unknown rule or category 'NOPE9'" "$err"

# ---------------- --config, --no-config ----------------
run --config disc/a/pyreview.toml disc
check "--config for every file" "disc/a/j.py:8:5: ERR001
disc/b/j.py:8:5: ERR001
disc/c/deep/er/j.py:8:5: ERR001
disc/c/j.py:8:5: ERR001
disc/top.py:8:5: ERR001" "$(codes)"
run --config disc/c/pyproject.toml disc/top.py
check "--config pyproject.toml" "disc/top.py:8:5: ERR001" "$(codes)"
run --config disc/b/pyproject.toml disc/top.py
check "--config pyproject.toml without the table exits 2" 2 "$rc"
check "--config without the table: message" "pyreview: error: disc/b/pyproject.toml: no [tool.pyreview] table" "$err"
run --config nope.toml disc/top.py
check "--config missing file exits 2" 2 "$rc"
check "--config missing file: message" "pyreview: error: nope.toml: cannot read it: No such file or directory" "$err"
run --no-config disc/top.py
check "--no-config" "disc/top.py:8:5: ERR001
disc/top.py:8:5: ERR002" "$(codes)"
run --config disc/a/pyreview.toml --no-config disc
check "--config with --no-config is a usage error" 2 "$rc"

# ---------------- the result cache follows the settings ----------------
cached() { out=$("$PYREVIEW" check --cache-dir "$work/cache" "$@" 2>/dev/null); }
cached keys/complexity
check "cache: first run" "keys/complexity/m.py:1:5: CPX002" "$(codes)"
printf 'select = ["CPX002"]\nmax-complexity = 10\n' > keys/complexity/pyreview.toml
cached keys/complexity
check "cache: a changed threshold is a new result" "" "$out"
printf 'select = ["CPX002"]\nmax-complexity = 3\n' > keys/complexity/pyreview.toml
cached keys/complexity
check "cache: and back" "keys/complexity/m.py:1:5: CPX002" "$(codes)"

# ---------------- exclude ----------------
mkdir -p excl/proj/migrations excl/proj/app excl/proj/gen
printf '[tool.pyreview]\nselect = ["SEC003"]\nexclude = ["migrations", "gen/*_pb2.py"]\n' > excl/proj/pyproject.toml
for f in migrations/m1.py app/a.py gen/x_pb2.py gen/keep.py; do printf 'eval(input())\n' > "excl/proj/$f"; done
run check excl/proj
check "exclude: a folder and a glob below the configuration's folder" "excl/proj/app/a.py:1:1: SEC003
excl/proj/gen/keep.py:1:1: SEC003" "$(codes)"
run check excl/proj/migrations/m1.py
check "exclude: a file named on the command line is reviewed" "excl/proj/migrations/m1.py:1:1: SEC003" "$(codes)"

# ---------------- --jobs ----------------
one=$("$PYREVIEW" check --no-cache --jobs 1 disc keys bad 2>&1)
four=$("$PYREVIEW" check --no-cache --jobs 4 disc keys bad 2>&1)
check "--jobs 4 gives the bytes of --jobs 1" "$one" "$four"

echo "config: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
