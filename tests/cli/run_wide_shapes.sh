#!/usr/bin/env bash
# Nodes with thousands of children (tools/wide_shapes.py: arguments, displays,
# string parts, target lists, decorators, handler bodies, elif chains ...) or
# nesting thousands deep (chained assignments, operator and call chains):
# each file is reviewed completely, the JSON report parses, and the rules
# still see every child (one finding per child where the shape has one).
# A review that reads children by index is quadratic or worse in such a node
# (`a0, ..., aN = 0, ..., N` was cubic: 120 s at N = 20,000; `v0 = ... = vN = 1`
# quadratic, 20 minutes at N = 100,000); ctest's timeout
# is the guard. Run by ctest with PYREVIEW=/path/to/pyreview.
set -uo pipefail
: "${PYREVIEW:?set PYREVIEW to the pyreview binary}"
root=$(cd "$(dirname "$0")/../.." && pwd)
n=3000
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/tools/wide_shapes.py" "$work/shapes" "$n" || { echo "wide_shapes: could not write the shapes"; exit 1; }
fail=0
mkdir -p "$work/out"
for f in "$work"/shapes/*.py; do
  name=$(basename "$f" .py)
  "$PYREVIEW" check --no-cache --no-config --exit-zero --quiet --jobs 1 --format json "$f" >"$work/out/$name.json" 2>"$work/err"
  rc=$?
  if [ "$rc" != 0 ] || [ -s "$work/err" ]; then
    fail=$((fail + 1)); echo "FAIL $name: exit $rc"; head -5 "$work/err"
  fi
done
# every report parses; the shapes whose children each carry a finding have them all
python3 - "$work/out" "$n" <<'PY' || fail=$((fail + 1))
import collections, json, os, sys
out, n = sys.argv[1], int(sys.argv[2])
want = {
    "except_body": ("DED001", n),    # every name assigned in the handler is unused
    "for_targets": ("DED003", n),    # every loop target is unused
    "chained_assign": ("DED001", n), # every name of `v0 = ... = 1` is unused
    "string_parts": ("SEC001", 1),   # a query of n adjacent literals, then `+ x`
    "format_fields": ("SEC001", 1),  # a template of n fields filled by names
}
bad = 0
for name in sorted(os.listdir(out)):
    shape = name[:-5]
    try:
        counts = collections.Counter(f["code"] for f in json.load(open(os.path.join(out, name))))
    except ValueError as e:
        print("FAIL %s: the JSON report does not parse: %s" % (shape, e))
        bad += 1
        continue
    if shape in want and counts[want[shape][0]] != want[shape][1]:
        print("FAIL %s: expected %s=%d, got %s" % (shape, want[shape][0], want[shape][1], dict(counts)))
        bad += 1
print("wide shapes (N=%d): %d reports, %d failed" % (n, len(os.listdir(out)), bad))
sys.exit(1 if bad else 0)
PY
# the shapes that were super-linear, ten times wider: a return to quadratic
# time (the chain took 72 s at 23,831 links in a Release build before its fix,
# a fuzz finding; more under ASan) or worse trips the per-file limit, tens of
# times what they take now
big=30000
python3 "$root/tools/wide_shapes.py" "$work/big" "$big" || { echo "wide_shapes: could not write the big shapes"; exit 1; }
for name in tuple_targets chained_assign for_targets secret_targets; do
  timeout 60 "$PYREVIEW" check --no-cache --no-config --exit-zero --quiet --jobs 1 "$work/big/$name.py" >/dev/null 2>"$work/err"
  rc=$?
  if [ "$rc" != 0 ]; then
    fail=$((fail + 1)); echo "FAIL $name at N=$big: exit $rc (124: over 60 s)"; head -5 "$work/err"
  fi
done
[ "$fail" = 0 ]
