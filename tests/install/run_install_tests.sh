#!/usr/bin/env bash
# Installing like a C tool: `cmake --install BUILD --prefix DIR` puts
# bin/pyreview and share/man/man1/pyreview.1 there; CPack's .deb holds the same
# two files with Depends computed by dpkg-shlibdeps, and the binary extracted
# from it (dpkg-deb -x) runs and reviews like the built one.
#   run_install_tests.sh BUILD_DIR      (ctest passes it; PYREVIEW=the built binary)
set -uo pipefail
build=$(realpath "${1:?usage: run_install_tests.sh BUILD_DIR}")
: "${PYREVIEW:?set PYREVIEW to the pyreview binary}"
PYREVIEW=$(realpath "$PYREVIEW")
src=${PR_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "install: $tool is missing (tools/setup.sh test installs dpkg-dev)"; exit 1; }
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

version=$("$PYREVIEW" --version)
contains "the built binary has a version" "pyreview " "$version"
printf 'import os\n\n\ndef ok():\n    return 1\n' > "$work/small.py"
expected='small.py:1:8: DED002 `os` is imported but never used; remove the import'
review() {  # review BINARY -> the report on small.py, and its exit status
  (cd "$work" && "$1" check --no-cache --select DED002 small.py 2>/dev/null; echo "exit $?")
}
check "the built binary's review" "$(printf '%s\nexit 1' "$expected")" "$(review "$PYREVIEW")"

# cmake --install --prefix
out=$(cmake --install "$build" --prefix "$work/prefix" 2>&1) || { echo "cmake --install failed:"; echo "$out"; exit 1; }
check "installed files" "$(printf 'bin/pyreview\nshare/man/man1/pyreview.1')" \
  "$(cd "$work/prefix" && find . -type f | sed 's|^\./||' | sort)"
check "installed binary's version" "$version" "$("$work/prefix/bin/pyreview" --version)"
check "installed binary's review" "$(printf '%s\nexit 1' "$expected")" "$(review "$work/prefix/bin/pyreview")"
cmp -s "$src/docs/pyreview.1" "$work/prefix/share/man/man1/pyreview.1"
check "installed man page is docs/pyreview.1" 0 $?

# the .deb
out=$(cpack --config "$build/CPackConfig.cmake" -B "$work/pkg" 2>&1) || { echo "cpack failed:"; echo "$out"; exit 1; }
debs=("$work"/pkg/pyreview_*.deb)
check "one .deb" 1 "${#debs[@]}"
deb=${debs[0]}
check "package name and version" "pyreview ${version#pyreview }" "$(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libgit2-1.5 libjansson4 libuv1; do contains "Depends names $lib" "$lib " "$depends"; done
check "section" "devel" "$(dpkg-deb -f "$deb" Section)"
contains "maintainer" "<" "$(dpkg-deb -f "$deb" Maintainer)"
contains "description" "reviewer for Python code" "$(dpkg-deb -f "$deb" Description)"
check "files in the .deb" "$(printf './usr/bin/pyreview\n./usr/share/man/man1/pyreview.1')" \
  "$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $NF}' | sort)"
dpkg-deb -x "$deb" "$work/root"
check "extracted binary's version" "$version" "$("$work/root/usr/bin/pyreview" --version)"
check "extracted binary's review" "$(printf '%s\nexit 1' "$expected")" "$(review "$work/root/usr/bin/pyreview")"
check "extracted binary's rules" "$("$PYREVIEW" rules)" "$("$work/root/usr/bin/pyreview" rules)"
cmp -s "$src/docs/pyreview.1" "$work/root/usr/share/man/man1/pyreview.1"
check "the .deb's man page is docs/pyreview.1" 0 $?

echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
