#!/usr/bin/env bash
# Precision on real code (docs/precision.md): runs pyreview over the standard
# library and Debian-packaged projects and counts findings per code.
#
#   tools/precision.sh [CODES]     e.g. tools/precision.sh SEC005,SEC006
#
# CODES defaults to SEC (every security rule). Installs the packages with
# apt-get when missing (needs root or sudo). Writes one JSON file per corpus
# under build/precision/ and prints `corpus code count` lines, then totals.
# Not part of the test suite.
set -euo pipefail

src_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pyreview="${PYREVIEW:-$src_dir/build/pyreview}"
codes="${1:-SEC}"
out="$src_dir/build/precision"
dist=/usr/lib/python3/dist-packages
projects=(django requests sqlalchemy paramiko cryptography jinja2 flask yaml lxml)

missing=()
for p in "${projects[@]}"; do
  [[ -d "$dist/$p" ]] || missing+=("python3-$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [[ ! -x "$pyreview" ]]; then
  echo "precision.sh: no pyreview at $pyreview (build first, or set PYREVIEW)" >&2
  exit 2
fi

mkdir -p "$out"
corpora=("stdlib=/usr/lib/python3.11")
for p in "${projects[@]}"; do corpora+=("$p=$dist/$p"); done

for entry in "${corpora[@]}"; do
  name="${entry%%=*}"
  path="${entry#*=}"
  "$pyreview" check --format json --exit-zero --no-cache --jobs 1 --select "$codes" "$path" >"$out/$name.json" 2>/dev/null
done

python3 - "$out" "${corpora[@]}" <<'PY'
import json, os, sys
from collections import Counter
out, corpora = sys.argv[1], sys.argv[2:]
total = Counter()
for entry in corpora:
    name = entry.split("=", 1)[0]
    with open(os.path.join(out, name + ".json"), encoding="utf-8") as fh:
        findings = json.load(fh)
    counts = Counter(f["code"] for f in findings)
    total.update(counts)
    for code in sorted(counts):
        print(f"{name:14} {code} {counts[code]}")
print("total:")
for code in sorted(total):
    print(f"  {code} {total[code]}")
PY
