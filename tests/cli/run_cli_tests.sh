#!/usr/bin/env bash
# CLI behaviour a user sees: formats, exit codes, errors, file discovery,
# encodings and positions. Run by ctest with PYREVIEW=/path/to/pyreview.
set -uo pipefail
: "${PYREVIEW:?set PYREVIEW to the pyreview binary}"
PYREVIEW=$(realpath "$PYREVIEW")
src=${PR_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
[ -f "$src/examples/expected.txt" ] || { echo "cli: cannot find the source tree ($src)"; exit 2; }
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
run() {  # run ARGS... -> sets out, err, rc
  out=$("$PYREVIEW" "$@" 2>"$work/stderr"); rc=$?; err=$(cat "$work/stderr")
}

cd "$work"
mkdir proj
cat > proj/jobs.py <<'PY'
import logging

log = logging.getLogger(__name__)


def sync(client):
    try:
        client.sync()
    except Exception:
        pass


def sync_quietly(client):
    try:
        client.sync()
    except Exception:  # noqa: ERR002 -- reviewed: best effort
        pass
PY
printf 'def ok():\n    return 1\n' > proj/clean.py

# text format, positions, exit code 1 for a warning, the noqa'd handler absent
run check --select ERR002 proj/jobs.py
check "text output" 'proj/jobs.py:9:5: ERR002 `except Exception` discards it; handle or re-raise it, or catch the specific exceptions you expect [CWE-390]' "$out"
check "exit 1 on a warning" 1 "$rc"
contains "summary on stderr" "1 finding" "$err"

# exit codes
run check --select ERR002 --exit-zero proj/jobs.py;          check "--exit-zero" 0 "$rc"
run check --select ERR002 --fail-on error proj/jobs.py;      check "--fail-on error ignores warnings" 0 "$rc"
run check --select ERR002 proj/clean.py;                     check "clean file exits 0" 0 "$rc"
check "clean file prints nothing" "" "$out"
run check proj/missing.py
check "missing path exits 2" 2 "$rc"
contains "missing path message" "proj/missing.py: No such file or directory" "$err"
run check --select NOPE999 proj;                             check "unknown rule exits 2" 2 "$rc"
contains "unknown rule message" "unknown rule or category 'NOPE999'" "$err"
run check --format xml proj;                                 check "unknown format exits 2" 2 "$rc"
run check --frobnicate proj;                                 check "unknown option exits 2" 2 "$rc"
run check;                                                   check "no path exits 2" 2 "$rc"
run frobnicate;                                              check "unknown command exits 2" 2 "$rc"

# json format: valid, with the catalog's fields
run check --select ERR002 --format json proj
check "json exit code" 1 "$rc"
fields=$(printf '%s' "$out" | python3 -c '
import json, sys
items = json.load(sys.stdin)
i = items[0]
print(len(items), i["path"], i["code"], i["name"], i["category"], i["severity"], i["cwe"],
      i["start"]["line"], i["start"]["column"], i["end"]["line"], i["end"]["column"], i["fix"])')
check "json fields" "1 proj/jobs.py ERR002 swallowed-exception Exceptions warning 390 9 5 9 22 None" "$fields"
run check --select ERR002 --format json proj/clean.py
check "json with no findings is an empty array" "[]" "$(printf '%s' "$out" | tr -d ' \n')"

# rule selection by name and by category prefix
run check --select swallowed-exception proj/jobs.py;         check "select by name" 1 "$rc"
run check --select ERR proj/jobs.py;                         check "select by prefix" 1 "$rc"
run check --select ERR002 --ignore ERR proj/jobs.py;         check "ignore wins" 0 "$rc"

# folder discovery: hidden, venv, node_modules, __pycache__, build, dist skipped; only .py files
for d in .hidden venv .venv node_modules __pycache__ build dist; do
  mkdir -p "tree/$d"; cp proj/jobs.py "tree/$d/x.py"
done
mkdir -p tree/pkg/sub; cp proj/jobs.py tree/pkg/sub/a.py; cp proj/jobs.py tree/pkg/notes.txt
run check --select ERR002 tree
check "folder discovery" "tree/pkg/sub/a.py:9:5: ERR002" "$(printf '%s' "$out" | cut -d' ' -f1-2)"
run check --select ERR002 --jobs 1 proj tree; one=$out
run check --select ERR002 --jobs 2 proj tree
check "--jobs 1 and --jobs 2 agree" "$one" "$out"

# positions: code points, tabs one column, BOM none, CRLF, non-ASCII before the finding
printf '\xef\xbb\xbfs = "\xc3\xa9\xf0\x9f\x98\x80"; exec(s + input())\r\n' > bom_crlf.py
run check --select SEC003 bom_crlf.py
contains "code-point column after BOM, e-acute and emoji" "bom_crlf.py:1:11: SEC003" "$out"
printf 'def f():\n\ttry:\n\t\tg()\n\texcept Exception:\n\t\tpass\n' > tabs.py
run check --select ERR002 tabs.py
contains "a tab is one column" "tabs.py:4:2: ERR002" "$out"

printf 'def f():\r    try:\r        g()\r\n    except Exception:\r        pass\r' > bare_cr.py
run check --select ERR002 bare_cr.py
check "a bare CR ends a line (as in Python and LSP)" "bare_cr.py:4:5: ERR002" "$(printf '%s' "$out" | cut -d' ' -f1-2)"

# encodings: invalid UTF-8 is reported and reviewed; a coding declaration is honoured
printf 'x = "caf\xe9"\ntry:\n    g()\nexcept Exception:\n    pass\n' > latin.py
run check --select ERR002 latin.py
check "invalid UTF-8 still reviewed" 1 "$rc"
contains "invalid UTF-8 finding" "latin.py:4:1: ERR002" "$out"
contains "invalid UTF-8 warned" "latin.py: bytes that are not valid UTF-8 were read as U+FFFD" "$err"
printf '# -*- coding: latin-1 -*-\nx = "caf\xe9"; exec(x + input())\n' > declared.py
run check --select SEC003 declared.py
contains "latin-1 declared: columns count the decoded character" "declared.py:2:13: SEC003" "$out"
check "latin-1 declared: no warning" "" "$(printf '%s' "$err" | grep -v 'finding' || true)"

# syntax errors: intact parts still reviewed, nothing reported inside the broken statement
printf 'try:\n    g()\nexcept Exception:\n    pass\nx = (1,\ntry:\n    h(\nexcept:\n    pass\n' > broken.py
run check --select ERR002 broken.py
contains "finding before the syntax error" "broken.py:3:1: ERR002" "$out"
check "no finding inside the ERROR node" 1 "$(printf '%s\n' "$out" | grep -c ERR002)"

# suppressions through the engine: a statement's last line, nosec, unknown codes, strings
cat > noqa.py <<'PY'
import os
eval(
    os.environ["A"]
)  # noqa: SEC003
exec(os.environ["B"])  # nosec
eval(os.environ["C"])  # noqa: F401
x = "# noqa"; eval(os.environ["D"])
PY
run check --select SEC003 noqa.py
check "suppressions: only the unsuppressed findings remain" "noqa.py:6:1: SEC003|noqa.py:7:15: SEC003" "$(printf '%s\n' "$out" | cut -d' ' -f1-2 | paste -sd'|')"

# a clause (except, elif, case) has its own header for suppressions
cat > clauses.py <<'PY'
def sync(client):
    try:  # noqa: ERR002
        client.sync()
    except Exception:
        pass
    try:
        client.close()
    except (
        KeyError,
        Exception,
    ):  # noqa: ERR002
        pass
PY
run check --select ERR002 clauses.py
check "a noqa on try: does not reach its handler; one on a handler's last header line does" "clauses.py:4:5: ERR002" "$(printf '%s\n' "$out" | cut -d' ' -f1-2 | paste -sd'|')"

# issue 6, defect 1: tens of thousands of unclosed brackets once double-freed in tree-sitter 0.20.7
python3 -c "import sys; open('deep_paren.py','w').write('x = ' + '(' * 65533); open('deep_bracket.py','w').write('[' * 70000); open('deep_minus.py','w').write('-' * 70000)"
for f in deep_paren.py deep_bracket.py deep_minus.py; do
  run check "$f"; check "$f is reviewed without a crash" 0 "$rc"
done

# issue 6, defect 3: messages quoting long non-ASCII names are valid UTF-8, whole or elided with an ellipsis
python3 -c "open('long_name.py','w').write('def f():\\n    v' + '\\u00e9' * 300 + ' = 1\\n    w' + '\\u00e9' * 3000 + ' = 2\\n')"
run check --select DED001 long_name.py
check "long names: both findings, valid UTF-8, the 300-character name whole, the 3000 one elided" "2 True False True" \
  "$(printf '%s' "$out" | python3 -c 'import sys; s=sys.stdin.buffer.read().decode("utf-8"); l=s.splitlines(); print(len(l), ("v"+"\u00e9"*300+"`") in l[0], "\u2026" in l[0], "\u2026" in l[1])')"

# issue 6, defects 5 and 6: only regular files are read (a FIFO would block for ever), and
# a file that could not be read is not counted as reviewed
mkfifo fifo.py
printf '"""A fine module."""\nx = 1\n' > fine.py
out=$(timeout 10 "$PYREVIEW" check fifo.py fine.py 2>"$work/stderr"); rc=$?; err=$(cat "$work/stderr")
check "a FIFO named on the command line exits 2 (not 124: no hang)" 2 "$rc"
contains "a FIFO gets a clear error" "fifo.py: not a regular file or folder; skipped" "$err"
contains "the rest is reviewed" "no findings in 1 file" "$err"
ln -s /proc/self/mem unreadable.py   # stat says regular; every read fails with EIO
run check fine.py unreadable.py
check "an unreadable file exits 2" 2 "$rc"
contains "an unreadable file is not counted as reviewed" "no findings in 1 file (1 could not be reviewed)" "$err"

# tree-sitter-python misreads a line indented 256 columns or more (its scanner
# saves each level in one byte): a broken file says so instead of staying silent
python3 -c 'print("def f():"); [print("    " * (i + 1) + "if x:") for i in range(70)]; print("    " * 71 + "pass")' > deep_indent.py
run check --no-config deep_indent.py
contains "a line indented past 255 columns is named" "deep_indent.py:65: indented more than 255 columns" "$err"
python3 -c 'print("def f():"); [print("    " * (i + 1) + "if x:") for i in range(62)]; print("    " * 63 + "pass")' > indent_252.py
run check --no-config indent_252.py
check "252 columns: no notice, findings as usual" "0 CPX004" \
  "$(printf '%s' "$err" | grep -c 'columns') $(printf '%s\n' "$out" | grep -o CPX004 | head -1)"

# fixes in the JSON report: a message and edits with 1-based positions
mkdir -p fixes/tests
cat > fixes/tests/test_totals.py <<'PY'
import unittest


class TotalsTest(unittest.TestCase):
    def test_total(self):
        self.assertTrue(total([1, 2]) == 3, "sum")
        for row in range(3):
            pass
PY
run check --no-cache --format json --select TST001,DED003 fixes
fix=$(printf '%s' "$out" | python3 -c 'import json,sys
for d in json.load(sys.stdin):
    f = d["fix"]
    print(d["code"], f["message"], ";".join("%d:%d-%d:%d=%s" % (e["start"]["line"], e["start"]["column"], e["end"]["line"], e["end"]["column"], e["text"]) for e in f["edits"]))')
check "json fixes" "TST001 Use \`assertEqual\` 6:14-6:24=assertEqual;6:25-6:43=total([1, 2]), 3
DED003 Rename to \`_row\` 7:13-7:13=_" "$fix"

# --diff shows every fix as a unified diff and changes nothing; --fix applies them
mkdir -p tofix/tests
cat > tofix/tests/test_rows.py <<'PY'
import unittest


class RowsTest(unittest.TestCase):
    def test_rows(self):
        self.assertTrue(count() == 3)
        for row in range(3):
            pass
PY
cp tofix/tests/test_rows.py tofix/original.txt
run check --no-cache --diff --select TST001,DED003 tofix
check "--diff exits 1 when a fix would change a file" 1 "$rc"
check "--diff output" "--- a/tofix/tests/test_rows.py
+++ b/tofix/tests/test_rows.py
@@ -3,6 +3,6 @@
 
 class RowsTest(unittest.TestCase):
     def test_rows(self):
-        self.assertTrue(count() == 3)
-        for row in range(3):
+        self.assertEqual(count(), 3)
+        for _row in range(3):
             pass" "$out"
check "--diff changes nothing" "$(cat tofix/original.txt)" "$(cat tofix/tests/test_rows.py)"
run check --no-cache --fix --select TST001,DED003 tofix
check "--fix exits 0 when nothing is left" 0 "$rc"
contains "--fix says what it did" "2 fixes applied in 1 file" "$err"
check "--fix rewrote the file" "$(sed -e 's/assertTrue(count() == 3)/assertEqual(count(), 3)/' -e 's/for row/for _row/' tofix/original.txt)" "$(cat tofix/tests/test_rows.py)"
run check --no-cache --fix --select TST001,DED003 tofix
contains "--fix twice changes nothing" "0 fixes applied" "$err"
printf '# -*- coding: latin-1 -*-\nfor row in range(3):\n    pass  # caf\xe9\n' > tofix/latin.py
run check --no-cache --fix tofix/latin.py
contains "--fix leaves a file it cannot write back as read" "not fixed" "$err"

# a parse that does not finish within the limit is given up: the file is an
# error, the rest is reviewed (a small limit stands in for adversarial input)
python3 -c "import sys; sys.stdout.write(''.join('def f%d(a):\\n    return a + %d\\n\\n' % (i, i) for i in range(20000)))" > slowparse.py
out=$(PYREVIEW_PARSE_LIMIT_MS=1 "$PYREVIEW" check --no-cache slowparse.py fine.py 2>"$work/stderr"); rc=$?; err=$(cat "$work/stderr")
check "a parse over the limit exits 2" 2 "$rc"
contains "a parse over the limit is said" "could not parse it within 1 ms" "$err"
contains "the other file is still reviewed" "in 1 file (1 could not be reviewed)" "$err"

# the result cache: a re-run reads results instead of reviewing, and says the same
cd "$work"
mkdir -p cached
cp proj/jobs.py proj/clean.py cached/
run check --cache-dir "$work/rc" cached;   first_out=$out first_err=$err first_rc=$rc
check "cache: results stored, one per file" 2 "$(find "$work/rc/v1" -type f | wc -l)"
check "cache: tagged as a cache folder" 0 "$(test -f "$work/rc/CACHEDIR.TAG"; echo $?)"
run check --cache-dir "$work/rc" cached
check "cache: a re-run prints the same report" "$first_out" "$out"
check "cache: and the same summary" "$first_err" "$err"
check "cache: and exits the same" "$first_rc" "$rc"
printf 'import os\n\ndef run(cmd):\n    os.system(cmd)\n' >> cached/clean.py
run check --cache-dir "$work/rc" cached
contains "cache: a changed file is reviewed again" "cached/clean.py:6:5: SEC002" "$out"
check "cache: only the changed file gets a new result" 3 "$(find "$work/rc/v1" -type f | wc -l)"
run check --cache-dir "$work/rc" --select SEC cached
check "cache: another selection is another result" 5 "$(find "$work/rc/v1" -type f | wc -l)"
for f in $(find "$work/rc/v1" -type f); do printf 'garbage' > "$f"; done
run check --cache-dir "$work/rc" cached
contains "cache: a damaged result is ignored" "cached/clean.py:6:5: SEC002" "$out"
run check --no-cache --cache-dir "$work/none" cached
check "cache: --no-cache writes nothing" 1 "$(test -e "$work/none"; echo $?)"
run check --cache-dir /proc/forbidden cached
contains "cache: an unusable folder is a warning" "result cache not used" "$err"
contains "cache: and the review goes on" "cached/clean.py:6:5: SEC002" "$out"

# rules and explain
run rules --format json
registered=$(grep -c '^PR_RULE(' "$src/core/rules/registry.def")
check "rules json lists every registered rule ($registered)" "$registered" "$(printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
run explain ERR002
contains "explain by code" "## What it does" "$out"
run explain swallowed-exception;                              check "explain by name" 0 "$rc"
run explain NOPE001;                                          check "explain unknown exits 2" 2 "$rc"

# the bundled example (README command 1) reports exactly what examples/README.md explains
out=$(cd "$src/examples" && "$PYREVIEW" check . 2>/dev/null)
check "examples/ findings" "$(cat "$src/examples/expected.txt")" "$out"

# a finding's own severity: SEC011 (error) reports its zipfile case at information,
# and every format and the exit code follow the finding, not the rule's default
cat > proj/unpack_severity.py <<'PY'
import tarfile
import zipfile


def unpack(upload, dest):
    with tarfile.open(upload) as tf:
        tf.extractall(dest)
    with zipfile.ZipFile(upload) as zf:
        zf.extractall(dest)
PY
run check --select SEC011 --format json proj/unpack_severity.py
check "json: the finding's own severity" "7:error 9:information" \
  "$(printf '%s' "$out" | python3 -c 'import json,sys; print(" ".join("%d:%s" % (f["start"]["line"], f["severity"]) for f in json.load(sys.stdin)))')"
sed -i '6,7d' proj/unpack_severity.py
run check --select SEC011 proj/unpack_severity.py
check "an information finding alone exits 0 under --fail-on warning" 0 "$rc"
contains "summary counts it as information" "1 information" "$err"
run check --select SEC011 --fail-on information proj/unpack_severity.py
check "--fail-on information counts it" 1 "$rc"

# SUP001 with every rule on: an item is judged against the findings it could
# silence; a used item, another tool's code and a bare noqa are left alone; --fix removes
# the unused item (and its comma) or the whole comment
mkdir -p sup
cat > sup/jobs.py <<'PY'
"""Jobs."""
import os  # noqa: DED002, SEC001
import re  # noqa: DED002, SEC001
import sys  # noqa: F401


def run(cmd):
    total = 1  # noqa: DED001
    os.system(cmd)  # noqa: SEC002
    return sys.argv  # noqa
PY
run check --no-cache sup/jobs.py
check "SUP001: unused items of enabled rules, the bare noqa with nothing to silence" \
  "sup/jobs.py:2:20: SUP001|sup/jobs.py:2:28: SUP001|sup/jobs.py:3:28: SUP001" \
  "$(printf '%s\n' "$out" | cut -d' ' -f1-2 | paste -sd'|')"
run check --no-cache --ignore DED002,SEC001 sup/jobs.py
check "SUP001: an item naming a rule turned off is not judged" "" \
  "$(printf '%s\n' "$out" | cut -d' ' -f1-2 | paste -sd'|')"
run check --no-cache --fix sup/jobs.py
check "SUP001 --fix" '"""Jobs."""
import os
import re  # noqa: DED002
import sys  # noqa: F401


def run(cmd):
    total = 1  # noqa: DED001
    os.system(cmd)  # noqa: SEC002
    return sys.argv  # noqa' "$(cat sup/jobs.py)"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
