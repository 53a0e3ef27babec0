#!/usr/bin/env bash
# run_vscode.sh - pyreview in real VS Code: code-server 4.100.3 (VS Code 1.100.3)
# in Debian's headless chromium, driven by playwright-core (vscode_e2e.js).
#
# Steps: package vscode-client/ as a .vsix with $PYREVIEW bundled (npm run
# package), install it with `code-server --install-extension` into a fresh
# extensions folder, start code-server on a copy of fixture/ and run the driver,
# which checks squiggles, Problems-panel rows, a hover, a light-bulb quick fix
# and the "pyreview: Fix all" command (see vscode_e2e.js).
#
# Environment (set by ctest, see tests/CMakeLists.txt):
#   PYREVIEW        absolute path of the pyreview binary under test
#   PR_SOURCE_DIR   the repository
#   PR_VSCODE_SHOTS where the screenshots go (default: <scratch>/shots)
# Optional: PR_KEEP_WORK=1 keeps the scratch folder; PR_VSCODE_PORT (default: a
#   free port the system picks).
#
# Everything code-server, chromium and the server write goes to the scratch
# folder (HOME, TMPDIR, XDG_*); code-server runs in its own process group,
# which is ended afterwards. A missing tool fails the test, with the command
# that installs it. Exit status: 0 pass, 1 fail.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="${PR_SOURCE_DIR:-$(cd "$here/../../.." && pwd)}"
tools="$repo/tests/editors/vscode"
client="$repo/vscode-client"
fail() { echo "editor.vscode: FAIL: $*"; exit 1; }

[[ -n "${PYREVIEW:-}" && -x "${PYREVIEW:-}" ]] || fail "PYREVIEW is not set to an executable"
[[ -x /usr/bin/chromium ]] || fail "chromium is not installed (tools/setup.sh test)"
code_server="$tools/node_modules/code-server/out/node/entry.js"
[[ -f "$code_server" && -e "$tools/node_modules/code-server/lib/vscode/node_modules.asar" ]] ||
  fail "code-server is not installed in $tools (tools/setup.sh test)"
[[ -d "$tools/node_modules/playwright-core" ]] || fail "playwright-core is not installed in $tools (tools/setup.sh test)"
[[ -d "$client/node_modules/@vscode/vsce" ]] || fail "vscode-client's npm packages are not installed (tools/setup.sh test)"

work="$(mktemp -d "${TMPDIR:-/tmp}/pyreview-vscode.XXXXXX")"
port="${PR_VSCODE_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
shots="${PR_VSCODE_SHOTS:-$work/shots}"
cs_pid=""
cleanup() {
  if [[ -n "$cs_pid" ]]; then
    kill -TERM -- "-$cs_pid" 2>/dev/null || true
    for _ in $(seq 20); do kill -0 -- "-$cs_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$cs_pid" 2>/dev/null || true
  fi
  if [[ "${PR_KEEP_WORK:-0}" == 1 ]]; then echo "scratch kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
start=$(date +%s%N)
mkdir -p "$work/proj" "$work/data/User" "$work/ext" "$work/tmp" "$work/home" "$shots"
rm -f "$shots"/*.png  # an earlier run's error.png must not look like this run's
cp -R "$tools/fixture/." "$work/proj/"
export HOME="$work/home" TMPDIR="$work/tmp"
export XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" XDG_CACHE_HOME="$work/xdg/cache"

# 1. the .vsix, with the binary under test bundled
( cd "$client" && PYREVIEW="$PYREVIEW" PYREVIEW_VSIX="$work/pyreview.vsix" PYREVIEW_SKIP_TYPECHECK=1 npm run --silent package ) \
  > "$work/package.log" 2>&1 || { cat "$work/package.log"; fail "npm run package failed"; }
grep -qi 'warning' "$work/package.log" && { cat "$work/package.log"; fail "vsce package printed a warning"; }

# 2. installed the way a user installs it
node "$code_server" --extensions-dir "$work/ext" --user-data-dir "$work/data" \
  --install-extension "$work/pyreview.vsix" > "$work/install.log" 2>&1 ||
  { cat "$work/install.log"; fail "code-server --install-extension failed"; }

# 3. code-server: no network, no welcome page, no trust prompt, no hot exit
cat > "$work/data/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "workbench.tips.enabled": false,
  "workbench.enableExperiments": false, "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off", "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false, "update.mode": "none", "files.hotExit": "off",
  "editor.hover.delay": 200, "workbench.colorTheme": "Default Dark Modern" }
JSON
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" > "$work/config.yaml"
setsid node "$code_server" --config "$work/config.yaml" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$work/data" --extensions-dir "$work/ext" "$work/proj" > "$work/code-server.log" 2>&1 &
cs_pid=$!
up=0
for _ in $(seq 200); do
  node -e "require('http').get('http://127.0.0.1:$port/healthz', (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1))" \
    2>/dev/null && { up=1; break; }
  kill -0 "$cs_pid" 2>/dev/null || break
  sleep 0.1
done
[[ $up == 1 ]] || { cat "$work/code-server.log"; fail "code-server did not start on port $port"; }

# 4. the driver
status=0
CS_URL="http://127.0.0.1:$port" CS_FOLDER="$work/proj" PR_SHOTS="$shots" \
  node "$tools/vscode_e2e.js" || status=$?
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
if [[ $status -ne 0 ]]; then
  echo "--- extension output channel (pyreview)"
  cat "$work"/data/logs/*/exthost*/output_logging_*/*pyreview*.log 2>/dev/null | tail -n 40 || true
  echo "--- extension host log"
  tail -n 20 "$work"/data/logs/*/exthost*/remoteexthost.log 2>/dev/null || true
  echo "editor.vscode: FAIL (exit $status) in ${elapsed} ms; screenshots in $shots"
  exit 1
fi
echo "editor.vscode: PASS in ${elapsed} ms; screenshots in $shots"
