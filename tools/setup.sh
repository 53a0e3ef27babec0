#!/usr/bin/env bash
# Installs what pyreview needs on Debian 12, and only what is missing:
#   tools/setup.sh build   Debian build packages + the npm grammar/test packages
#   tools/setup.sh test    the same plus the editors the tests drive (Neovim,
#                          Emacs, VS Code as code-server with chromium), the
#                          VS Code extension's build tools, and clang with
#                          libFuzzer for the fuzz targets' smoke runs
# Debian packages come from apt-get, JavaScript packages from npm with the
# committed package-lock.json (integrity hashes). Nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-build}
build_pkgs=(gcc make cmake pkg-config libuv1-dev libjansson-dev libgit2-dev libcmocka-dev)
# groff-base checks the man page; dpkg-dev's dpkg-shlibdeps computes the .deb's
# Depends (CPack); git makes the throw-away repositories of the gitignore and
# pre-commit tests.
# clang-14's runtime libraries (libFuzzer, ASan, UBSan) are a separate package,
# only recommended by clang, which --no-install-recommends leaves out.
test_pkgs=(python3 bsdutils git groff-base dpkg-dev pre-commit neovim emacs-nox elpa-eglot valgrind strace clang libclang-rt-14-dev)
# The VS Code test: chromium (driven headless), and what code-server's native
# modules are built with (g++, make; libkrb5-dev for kerberos; rg for @vscode/ripgrep).
test_pkgs+=(chromium ripgrep g++ make libkrb5-dev)
pkgs=("${build_pkgs[@]}")
[ "$what" = test ] && pkgs+=("${test_pkgs[@]}")
command -v node >/dev/null || pkgs+=(nodejs)
command -v npm >/dev/null || pkgs+=(npm)

missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The grammar (and the protocol tests' LSP client) from the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci --ignore-scripts"
  npm ci --ignore-scripts --no-audit --no-fund >/dev/null
fi

if [ "$what" = test ]; then
  # vscode-client/: the extension's library and build tools (tsc, esbuild, vsce),
  # from its own lockfile.
  if [ ! -f vscode-client/node_modules/.package-lock.json ] ||
     [ vscode-client/package-lock.json -nt vscode-client/node_modules/.package-lock.json ]; then
    echo "setup: npm ci --ignore-scripts in vscode-client"
    (cd vscode-client && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
  fi

  # The VS Code test's tools (tests/editors/vscode/package-lock.json): code-server
  # 4.100.3 (the last release for Node 20) and playwright-core. Installed without
  # scripts, then the packages with native parts are built here, offline
  # except for the npm registry:
  # - argon2 and kerberos build from source (build_from_source: no prebuilt
  #   binaries from GitHub), against Debian's Node headers (nodedir=/usr);
  # - code-server's own postinstall runs `npm install` in lib/vscode and
  #   lib/vscode/extensions from their npm-shrinkwrap.json files; it refuses to
  #   run as root without unsafe_perm; node-pty's script there runs
  #   `npx node-gyp`, which finds the lockfile's node-gyp in our node_modules/.bin
  #   (yes=false: npx must not fetch one);
  # - @vscode/ripgrep's script downloads rg from GitHub unless its cache already
  #   holds the archive, so the cache gets Debian's rg.
  # 2 to 5 minutes on 2 cores; a marker file records that it finished.
  vsc=tests/editors/vscode
  if [ ! -f "$vsc/node_modules/.pyreview-built" ] || [ "$vsc/package-lock.json" -nt "$vsc/node_modules/.pyreview-built" ]; then
    echo "setup: code-server and playwright-core in $vsc (a few minutes)"
    rg_cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
    mkdir -p "$rg_cache"
    tar czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
    (
      cd "$vsc"
      export npm_config_nodedir=/usr npm_config_build_from_source=true
      npm ci --ignore-scripts --no-audit --no-fund >/dev/null
      npm rebuild argon2 >/dev/null
      npm_config_unsafe_perm=true npm_config_yes=false npm rebuild code-server --no-audit --no-fund >/dev/null
      touch node_modules/.pyreview-built
    )
  fi
fi
