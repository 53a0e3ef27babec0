#!/usr/bin/env bash
# Installs what pyreview needs on Debian 12, and only what is missing:
#   tools/setup.sh build   Debian build packages + the npm grammar/test packages
#   tools/setup.sh test    the same plus the editors the tests drive, and clang
#                          with libFuzzer for the fuzz targets' smoke runs
# Debian packages come from apt-get, JavaScript packages from npm with the
# committed package-lock.json (integrity hashes). Nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-build}
build_pkgs=(gcc make cmake pkg-config libuv1-dev libjansson-dev libcmocka-dev)
# clang-14's runtime libraries (libFuzzer, ASan, UBSan) are a separate package,
# only recommended by clang, which --no-install-recommends leaves out.
test_pkgs=(python3 bsdutils neovim emacs-nox elpa-eglot valgrind strace clang libclang-rt-14-dev)
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
