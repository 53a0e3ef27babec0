#!/usr/bin/env bash
# `pyreview check` folder walks and git: what .gitignore, .git/info/exclude and
# the global excludes file ignore is skipped, --no-respect-gitignore reviews it,
# and a file named on the command line is always reviewed. Needs git (to make
# the throw-away repository). Run by ctest with PYREVIEW=/path/to/pyreview.
set -uo pipefail
: "${PYREVIEW:?set PYREVIEW to the pyreview binary}"
PYREVIEW=$(realpath "$PYREVIEW")
command -v git >/dev/null || { echo "cli.gitignore: git is missing (tools/setup.sh test installs it)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); printf 'FAIL %s\n  expected: %q\n  actual:   %q\n' "$1" "$2" "$3"; fi
}
run() {  # run ARGS... -> sets out (the paths with findings), err, rc
  out=$("$PYREVIEW" check --no-cache --select DED002 "$@" 2>"$work/stderr" | cut -d: -f1); rc=$?
  err=$(cat "$work/stderr")
}

# a global excludes file, as git config --global core.excludesFile sets it
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config"
mkdir -p "$HOME"
printf '[core]\n\texcludesFile = %s/global-ignore\n' "$HOME" > "$HOME/.gitconfig"
printf 'personal_*.py\n' > "$HOME/global-ignore"

cd "$work"
git init -q repo
cd repo
mkdir -p src/generated out
for f in src/app.py src/generated/api.py src/models_pb2.py out/report.py personal_notes.py mine.py; do
  printf 'import os\n' > "$f"
done
printf 'src/generated/\n*_pb2.py\n/out\n' > .gitignore
printf 'mine.py\n' > .git/info/exclude

run .
check "gitignored files and folders are skipped" "./src/app.py" "$out"
check "exit 1 for the one finding" 1 "$rc"
run --no-respect-gitignore .
check "--no-respect-gitignore reviews them" \
  "$(printf './mine.py\n./out/report.py\n./personal_notes.py\n./src/app.py\n./src/generated/api.py\n./src/models_pb2.py')" "$out"
run src/models_pb2.py mine.py personal_notes.py
check "files named explicitly are reviewed" "$(printf 'mine.py\npersonal_notes.py\nsrc/models_pb2.py')" "$out"
run src
check "a subfolder walk applies the top .gitignore" "src/app.py" "$out"
(cd src && run . && check "from a subfolder's cwd too" "./app.py" "$out")

# outside a repository .gitignore files are not read (as with Ruff's walker)
mkdir "$work/plain"
cp src/app.py src/models_pb2.py "$work/plain/"
cp .gitignore "$work/plain/"
run "$work/plain"
check "no repository, no gitignore" "$(printf '%s\n%s' "$work/plain/app.py" "$work/plain/models_pb2.py")" "$out"

echo "cli.gitignore: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
