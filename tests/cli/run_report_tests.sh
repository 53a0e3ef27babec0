#!/usr/bin/env bash
# Report formats and the baseline, as a user sees them: github, sarif (the
# schema itself is checked by sarif_schema.test.js), review, text on a
# terminal, --statistics, --output-file, --quiet, --baseline and
# --write-baseline. Goldens live in tests/cli/reports/; regenerate one by
# running this with PR_UPDATE_GOLDENS=1 and read the diff before committing.
# Run by ctest with PYREVIEW=/path/to/pyreview.
set -uo pipefail
: "${PYREVIEW:?set PYREVIEW to the pyreview binary}"
PYREVIEW=$(realpath "$PYREVIEW")
src=${PR_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
goldens=$src/tests/cli/reports
[ -d "$goldens" ] || { echo "reports: cannot find $goldens"; exit 2; }
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
golden() {  # golden NAME FILE ACTUAL
  if [ -n "${PR_UPDATE_GOLDENS:-}" ]; then printf '%s\n' "$3" > "$goldens/$2"; fi
  if [ -f "$goldens/$2" ] && [ "$(cat "$goldens/$2")" == "$3" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1 (golden $2)"
    diff <(cat "$goldens/$2" 2>/dev/null) <(printf '%s\n' "$3") | head -40; fi
}
run() {  # run ARGS... -> sets out, err, rc
  out=$("$PYREVIEW" "$@" 2>"$work/stderr"); rc=$?; err=$(cat "$work/stderr")
}
# on a terminal: `script` gives the command a pty; CRs from the pty are dropped, ESC shown as \e
on_tty() {  # on_tty ARGS... -> sets out
  local cmd
  printf -v cmd '%q ' "$PYREVIEW" "$@"
  out=$(script -qec "$cmd 2>/dev/null" /dev/null | tr -d '\r' | sed 's/\x1b/\\e/g')
}

cd "$work"
mkdir proj
cat > proj/jobs.py <<'PY'
import os


def sync(client):
    try:
        client.sync()
    except Exception:
        pass
    eval(os.environ["A"])
PY
printf '"""A clean module."""\n\n\ndef ok():\n    """Return one."""\n    return 1\n' > proj/clean.py
# github escaping: `,` and `:` in the path (a property), `%` in the message
mkdir "we,ird:dir"
cat > "we,ird:dir/q.py" <<'PY'
def find(cursor, name):
    cursor.execute("SELECT * FROM t WHERE a = '%s'" % name)
PY

# ---- github
run check --no-cache --format github proj "we,ird:dir"
golden "github workflow commands" github.txt "$out"
check "github exit code follows the findings" 1 "$rc"

# ---- sarif: the results (the rules' documentation lives in the rule files)
# (ruleIndex follows the registry's order; that it points at ruleId's rule is checked below)
out=$(cd "$src" && "$PYREVIEW" check --no-cache --format sarif examples 2>/dev/null)
golden "sarif results over examples/ (fixes, related locations)" sarif_examples.json "$(printf '%s' "$out" | python3 -c '
import json, sys
results = json.load(sys.stdin)["runs"][0]["results"]
for r in results:
    del r["ruleIndex"]
print(json.dumps(results, indent=1, sort_keys=True, ensure_ascii=False))')"
run check --no-cache --format sarif proj
check "sarif exit code" 1 "$rc"
meta=$(printf '%s' "$out" | python3 -c '
import json, sys
log = json.load(sys.stdin)
run = log["runs"][0]
rules = run["tool"]["driver"]["rules"]
by = {r["id"]: r for r in rules}
s, e = by["SEC003"], by["ERR002"]
print(log["version"], run["tool"]["driver"]["name"], run["columnKind"], len(rules))
print(s["name"], s["helpUri"], s["defaultConfiguration"]["level"], ",".join(s["properties"]["tags"]))
print(e["defaultConfiguration"]["level"], ",".join(e["properties"]["tags"]), by["DOC100"]["defaultConfiguration"]["level"])
print(s["fullDescription"]["text"].startswith("## What it does"), all(run["results"][i]["ruleId"] == rules[run["results"][i]["ruleIndex"]]["id"] for i in range(len(run["results"]))))')
registered=$(grep -c '^PR_RULE(' "$src/core/rules/registry.def")
check "sarif rule metadata" "2.1.0 pyreview unicodeCodePoints $registered
code-injection https://cwe.mitre.org/data/definitions/95.html error Security,security,external/cwe/cwe-95
warning Exceptions,external/cwe/cwe-390 note
True True" "$meta"
explain_doc=$("$PYREVIEW" explain SEC003 | sed -n '/^## What it does/,$p')
sarif_doc=$(printf '%s' "$out" | python3 -c '
import json, sys
print([r for r in json.load(sys.stdin)["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "SEC003"][0]["fullDescription"]["text"])')
check "sarif fullDescription is the rule's documentation (as explain prints it)" "$explain_doc" "$sarif_doc"
run check --no-cache --format sarif proj/clean.py
check "sarif with no findings: an empty results array" "0 0" \
  "$(printf '%s' "$out" | python3 -c 'import json,sys; r=json.load(sys.stdin)["runs"][0]["results"]; print(len(r), 0)')"

# ---- review: the bundled example and a clean file
out=$(cd "$src" && "$PYREVIEW" check --no-cache --format review examples 2>/dev/null)
golden "review of examples/" review_examples.md "$out"
security=$(cd "$src/examples" && "$PYREVIEW" check --no-cache --select SEC . 2>/dev/null | grep -c SEC)
check "review: one numbered security item per security finding" "$security" \
  "$(printf '%s\n' "$out" | sed -n '/^Security defects:/,/^Suggestions/p' | grep -c '^[0-9]*\. CWE-')"
run check --no-cache --format review proj/clean.py
golden "review of a clean file" review_clean.md "$out"
check "review of a clean file exits 0" 0 "$rc"
for f in review sarif github; do
  a=$(cd "$src" && "$PYREVIEW" check --no-cache --format $f --jobs 1 examples 2>/dev/null)
  b=$(cd "$src" && "$PYREVIEW" check --no-cache --format $f --jobs 3 examples 2>/dev/null)
  check "$f: --jobs 1 and --jobs 3 give the same bytes" "$a" "$b"
done

# ---- --statistics
out=$(cd "$src" && "$PYREVIEW" check --no-cache --statistics examples 2>/dev/null)
golden "--statistics of examples/" statistics_examples.txt "$out"
a=$(cd "$src" && "$PYREVIEW" check --cache-dir "$work/sc" --statistics examples >/dev/null 2>&1; "$PYREVIEW" check --cache-dir "$work/sc" --statistics examples 2>/dev/null)
check "--statistics from the result cache is the same" "$(cat "$goldens/statistics_examples.txt")" "$a"
run check --no-cache --statistics proj/clean.py
check "--statistics with no findings prints nothing" "" "$out"

# ---- text on a terminal: source line, carets, colours; tabs and wide characters
printf 'def f():\n\tx = "\xe6\x97\xa5\xe6\x9c\xac"; eval(input())\n\ty = "\xe2\x80\xaeabc"\n' > wide.py
on_tty check --no-cache --select SEC003,SEC022 wide.py
golden "text on a terminal" tty_text.txt "$out"
NO_COLOR=1 on_tty check --no-cache --select SEC003,SEC022 wide.py
check "NO_COLOR: plain lines on a terminal" "$("$PYREVIEW" check --no-cache --select SEC003,SEC022 wide.py 2>/dev/null)" "$out"
on_tty check --no-cache --color never --select SEC003 wide.py
check "--color never: plain lines" "wide.py:2:12: SEC003" "$(printf '%s' "$out" | cut -d' ' -f1-2)"
run check --no-cache --color always --select SEC003 wide.py
contains "--color always: carets without a terminal" '^~~~~~~~~~~~~' "$out"
run check --no-cache --color sometimes wide.py
check "--color with a bad value exits 2" 2 "$rc"
on_tty check --select SEC003,SEC022 wide.py; cached_tty=$out
on_tty check --select SEC003,SEC022 wide.py
check "text on a terminal from the cache is the same" "$cached_tty" "$out"
run check --select SEC003,SEC022 wide.py
check "and the plain text is not taken from the terminal's cache" "wide.py:2:12: SEC003|wide.py:3:7: SEC022" \
  "$(printf '%s\n' "$out" | cut -d' ' -f1-2 | paste -sd'|')"

# ---- --output-file
run check --no-cache --format json --output-file report.json proj
check "--output-file: nothing on stdout" "" "$out"
check "--output-file: the exit code still follows the findings" 1 "$rc"
check "--output-file: the report in the file" "$("$PYREVIEW" check --no-cache --format json proj 2>/dev/null)" "$(cat report.json)"
contains "--output-file: the summary still on stderr" "findings" "$err"
script -qec "$(printf '%q ' "$PYREVIEW") check --no-cache --select SEC003 --output-file tty.txt wide.py" /dev/null >/dev/null
check "--output-file from a terminal: plain text, no colours" "wide.py:2:12: SEC003" "$(cut -d' ' -f1-2 tty.txt)"
run check --no-cache --output-file /nonexistent/dir/r.txt proj
check "--output-file that cannot be written exits 2" 2 "$rc"
contains "--output-file error message" "/nonexistent/dir/r.txt: cannot write the report" "$err"

# ---- --quiet
run check --no-cache --quiet proj
check "--quiet: no summary" "" "$err"
check "--quiet: the report as usual" 1 "$rc"
run check --no-cache --quiet proj/missing.py
contains "--quiet: errors still printed" "proj/missing.py: No such file or directory" "$err"

# ---- baseline
run check --no-cache --select ERR002,SEC003 --write-baseline base.json proj
check "--write-baseline exits 0" 0 "$rc"
check "--write-baseline reports nothing on stdout" "" "$out"
contains "--write-baseline says what it wrote" "baseline base.json written: 2 findings in 2 files" "$err"
check "baseline file: one key per finding, no line numbers" "proj/jobs.py ERR002 1|proj/jobs.py SEC003 1" \
  "$(python3 -c 'import json; print("|".join("%s %s %d" % (f["path"], f["code"], f["count"]) for f in json.load(open("base.json"))["findings"]))')"
run check --select ERR002,SEC003 --baseline base.json proj
check "baseline: the same code again has no findings" "" "$out"
check "baseline: exit 0" 0 "$rc"
contains "baseline: the summary says how many it suppressed" "no findings in 2 files; 2 suppressed by the baseline" "$err"
run check --select ERR002,SEC003 --baseline base.json ./proj
check "baseline: ./proj is the same path" "" "$out"
sed -i '1i import sys\n\n# three lines above' proj/jobs.py
run check --select ERR002,SEC003 --baseline base.json proj
check "baseline: lines inserted above keep them suppressed" "" "$out"
sed -i 's/^    eval(os.environ\["A"\])$/    if client:\n        eval(os.environ["A"])/' proj/jobs.py
run check --select ERR002,SEC003 --baseline base.json proj
check "baseline: re-indented code stays suppressed" "" "$out"
sed -i '/^    if client:$/d; s/^        eval(os.environ\["A"\])$/    eval(os.environ["A"])/' proj/jobs.py
printf '    eval(os.environ["A"])\n' >> proj/jobs.py
run check --select ERR002,SEC003 --baseline base.json proj
check "baseline: a second identical finding is reported, exactly once" "proj/jobs.py:13:5: SEC003" \
  "$(printf '%s\n' "$out" | cut -d' ' -f1-2)"
check "baseline: and fails the run" 1 "$rc"
contains "baseline: summary" "1 finding (1 error, 0 warning, 0 information, 0 hint) in 2 files; 2 suppressed by the baseline" "$err"
sed -i 's/os.environ\["A"\])$/os.environ["B"])/' proj/jobs.py
run check --select ERR002,SEC003 --baseline base.json proj
check "baseline: changed flagged text is a new finding" "proj/jobs.py:12:5: SEC003|proj/jobs.py:13:5: SEC003" \
  "$(printf '%s\n' "$out" | cut -d' ' -f1-2 | paste -sd'|')"
run check --select ERR002,SEC003 --format sarif --baseline base.json proj
check "baseline applies to every format" 2 "$(printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["runs"][0]["results"]))')"
run check --select ERR002,SEC003 --baseline missing.json proj
check "missing baseline exits 2" 2 "$rc"
contains "missing baseline message" "missing.json: cannot read the baseline: No such file or directory" "$err"
check "missing baseline: no report" "" "$out"
printf '{"version": 1, "findings": [' > truncated.json
run check --baseline truncated.json proj
check "malformed baseline exits 2" 2 "$rc"
contains "malformed baseline message" "truncated.json: malformed baseline: line 1, column 28: not valid JSON" "$err"
printf '{"version": 1, "findings": [{"path": "proj/jobs.py", "code": "SEC003", "fingerprint": "xyz", "count": 1}]}' > badfp.json
run check --baseline badfp.json proj
check "a baseline with a bad field exits 2" 2 "$rc"
contains "bad field message" 'badfp.json: malformed baseline: findings[0]: "fingerprint" must be 16 lowercase hexadecimal digits' "$err"
printf '{"findings": []}' > nover.json
run check --baseline nover.json proj
contains "a baseline without a version is refused" "nover.json: malformed baseline: unsupported baseline version" "$err"
printf '[]' > notobj.json
run check --baseline notobj.json proj
contains "JSON that is not a baseline is refused" "notobj.json: malformed baseline: not a pyreview baseline" "$err"
run check --baseline base.json --write-baseline other.json proj
check "--baseline with --write-baseline exits 2" 2 "$rc"
# the result cache keys on the baseline: a new one changes the report
mkdir cachebase; printf 'import os\neval(os.environ["A"])\n' > cachebase/a.py
run check --cache-dir "$work/rc" --select SEC003 --write-baseline cb.json cachebase
run check --cache-dir "$work/rc" --select SEC003 cachebase;                   check "cache: without a baseline" 1 "$rc"
run check --cache-dir "$work/rc" --select SEC003 --baseline cb.json cachebase; check "cache: with the baseline" 0 "$rc"
contains "cache: the suppressed count comes from the cache too" "1 suppressed by the baseline" "$err"
run check --cache-dir "$work/rc" --select SEC003 --baseline cb.json cachebase
contains "cache: a hit gives the same summary" "no findings in 1 file; 1 suppressed by the baseline" "$err"
printf '{"version": 1, "findings": []}\n' > empty.json
run check --cache-dir "$work/rc" --select SEC003 --baseline empty.json cachebase; check "cache: an empty baseline suppresses nothing" 1 "$rc"

echo "reports: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
