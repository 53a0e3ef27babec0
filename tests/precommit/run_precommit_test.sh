#!/usr/bin/env bash
# .pre-commit-hooks.yaml, run by Debian's pre-commit exactly as a project would:
# a throw-away git repository holding our hooks file (pre-commit clones a local
# path), a project repository whose .pre-commit-config.yaml names it at its
# commit, the built pyreview on PATH. A committed file with a finding fails the
# hook and the finding is printed; a clean file passes. Offline: no network
# namespace when unshare allows it, and in any case no proxy, no package index,
# git limited to local files; `language: system` installs nothing.
set -uo pipefail
: "${PYREVIEW:?set PYREVIEW to the pyreview binary}"
PYREVIEW=$(realpath "$PYREVIEW")
src=${PR_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
for tool in git pre-commit; do
  command -v "$tool" >/dev/null || { echo "precommit: $tool is missing (tools/setup.sh test installs it)"; exit 1; }
done
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

mkdir -p "$work/bin" "$work/home"
ln -s "$PYREVIEW" "$work/bin/pyreview"
export PATH="$work/bin:$PATH" HOME="$work/home" PRE_COMMIT_HOME="$work/pre-commit-home"
export XDG_CACHE_HOME="$work/home/.cache" PYREVIEW_CACHE_DIR="$work/pyreview-cache"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid GIT_COMMITTER_NAME=test
export GIT_COMMITTER_EMAIL=test@example.invalid GIT_CONFIG_NOSYSTEM=1
# offline, whatever the machine allows
export GIT_ALLOW_PROTOCOL=file PIP_NO_INDEX=1 http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
export HTTP_PROXY=$http_proxy HTTPS_PROXY=$https_proxy no_proxy= NO_PROXY=
offline=()
unshare -rn true 2>/dev/null && offline=(unshare -rn)

# the hook repository: our hooks file, committed
git init -q "$work/hooks"
cp "$src/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" add .pre-commit-hooks.yaml
git -C "$work/hooks" commit -qm hooks
rev=$(git -C "$work/hooks" rev-parse HEAD)

# the project
git init -q "$work/project"
cd "$work/project"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: pyreview
        args: [--select, ERR002]
YAML
cat > jobs.py <<'PY'
def sync(client):
    try:
        client.sync()
    except Exception:
        pass
PY
printf 'not python: except Exception: pass\n' > notes.txt
git add -A && git commit -qm "a finding"

out=$("${offline[@]}" pre-commit run --all-files 2>&1); rc=$?
check "a finding fails the hook" 1 "$rc"
[ "${PR_TEST_VERBOSE:-}" ] && printf "%s\n" "$out"
contains "the hook ran" "pyreview" "$out"
contains "the finding is printed" "jobs.py:4:5: ERR002" "$out"
contains "pre-commit says Failed" "Failed" "$out"
if [[ "$out" == *notes.txt* ]]; then fail=$((fail + 1)); echo "FAIL types: [python] passed notes.txt to pyreview"; fi

cat > jobs.py <<'PY'
def sync(client):
    client.sync()
PY
git add -A && git commit -qm "clean"
out=$("${offline[@]}" pre-commit run --all-files 2>&1); rc=$?
check "a clean file passes" 0 "$rc"
contains "pre-commit says Passed" "Passed" "$out"

echo "precommit: $pass passed, $fail failed${offline:+ (run without a network: unshare -rn)}"
[ "$fail" -eq 0 ]
