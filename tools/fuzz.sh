#!/usr/bin/env bash
# Runs one libFuzzer target of tests/fuzz for a while:
#   tools/fuzz.sh [--bin FILE] [--build DIR] [--sanitizers LIST] [--from DIR] [--replay FILE]
#                 [--merge] [--keep] TARGET [SECONDS] [libFuzzer args...]
# TARGET is fuzz_framer, fuzz_dispatch, fuzz_analyse or fuzz_config. The script configures and
# builds the fuzz build (clang, -DPYREVIEW_FUZZ=ON, in build-fuzz) when needed,
# replays the target's regression inputs (tests/fuzz/regressions/TARGET), then
# fuzzes for SECONDS (default 60) starting from the seed corpus
# (tests/fuzz/corpus/TARGET), which it only reads: new inputs go to a scratch
# folder. It prints the executions done, their rate and the corpus size.
#   --bin FILE   run this target binary and build nothing (ctest's smoke runs)
#   --build DIR  the fuzz build folder (default build-fuzz)
#   --sanitizers LIST  configure that folder with these sanitizers (default
#                address,undefined; `undefined` runs a long run about 2.7x as
#                fast, then give --replay an ASan build's binary)
#   --from DIR   also start from the inputs in DIR (read only)
#   --replay FILE  afterwards, run every input of the grown corpus once through
#                this binary (an ASan build's target: memory errors and leaks)
#   --merge      afterwards, add the new inputs that reach new coverage to the
#                committed seed corpus (libFuzzer -merge=1)
#   --keep       keep the scratch folder (it is always kept after a crash)
# With -jobs=N the jobs' logs (fuzz-N.log) are in the scratch folder and the
# executions printed are their sum.
# Exit status: 0; 1 when an input crashed, leaked, timed out or failed a check
# (the reproducer's path is printed: minimise it with -minimize_crash=1 and add
# it to tests/fuzz/regressions/TARGET); 2 for a usage or build error.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

bin="" build="$root/build-fuzz" sanitizers="" from="" replay="" merge=0 keep=0
while [ $# -gt 0 ]; do
  case $1 in
    --bin) bin=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --sanitizers) sanitizers=$2; shift 2 ;;
    --from) from=$(cd "$2" && pwd); shift 2 ;;
    --replay) replay=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --merge) merge=1; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { echo "usage: tools/fuzz.sh [--bin FILE] [--build DIR] [--sanitizers LIST] [--from DIR] [--replay FILE] [--merge] [--keep] TARGET [SECONDS] [libFuzzer args...]" >&2; exit 2; }
target=$1
seconds=60
if [ $# -ge 2 ] && [[ $2 != -* ]]; then seconds=$2; shift 2; else shift 1; fi

# Per-target defaults; later arguments (the caller's) win in libFuzzer.
case $target in
  fuzz_framer) defaults=(-max_len=4096 -dict="$root/tests/fuzz/fuzz_framer.dict") ;;
  # libFuzzer's entropic schedule (the default) spent 31% of a dispatcher
  # execution updating its feature frequencies (perf): without it 724 instead
  # of 468 executions per second, with no less coverage in the same time
  fuzz_dispatch) defaults=(-max_len=4096 -entropic=0) ;;
  # files of up to 8 KB, the recipes reach 256 KB from a few bytes; inputs that
  # keep tree-sitter's error recovery busy for seconds are scheduled less
  fuzz_analyse) defaults=(-max_len=8192 -dict="$root/tests/fuzz/fuzz_analyse.dict" -entropic_scale_per_exec_time=1) ;;
  fuzz_config) defaults=(-max_len=2048 -dict="$root/tests/fuzz/fuzz_config.dict") ;;
  *) echo "tools/fuzz.sh: unknown target '$target' (fuzz_framer, fuzz_dispatch, fuzz_analyse, fuzz_config)" >&2; exit 2 ;;
esac
case $seconds in ''|*[!0-9]*) echo "tools/fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;; esac

if [ -z "$bin" ]; then
  if [ ! -f "$build/CMakeCache.txt" ] || [ -n "$sanitizers" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPYREVIEW_FUZZ=ON \
      ${sanitizers:+-DPYREVIEW_FUZZ_SANITIZERS="$sanitizers"} >/dev/null || exit 2
  fi
  cmake --build "$build" --target "$target" -j"$(( $(nproc) < 2 ? $(nproc) : 2 ))" >/dev/null || exit 2
  bin="$build/tests/fuzz/$target"
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")  # libFuzzer runs in the scratch folder
[ -x "$bin" ] || { echo "tools/fuzz.sh: no fuzz target at $bin" >&2; exit 2; }
[ -z "$replay" ] || [ -x "$replay" ] || { echo "tools/fuzz.sh: no binary to replay with at $replay" >&2; exit 2; }

# allocator_release_to_os_interval_ms=-1: ASan otherwise hands freed pages of
# its size classes back to the kernel every 5 s (madvise, a TLB shootdown on
# each CPU) and faults them in again on the next allocations: 5-8% of a
# fuzz_dispatch execution in perf. Memory stays with the process instead
# (bounded by the peak heap and ASan's 256 MB quarantine, well under
# -rss_limit_mb); no check changes.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_release_to_os_interval_ms=-1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/pyreview-$target.XXXXXX")
mkdir -p "$scratch/corpus"
log="$scratch/log"
# -rss_limit_mb -purge_allocator_interval=30: once a worker's peak RSS
# passes half the limit, libFuzzer purges ASan's allocator (hands every free
# page back to the kernel) every -purge_allocator_interval seconds, 1 by
# default. fuzz_analyse's 256 KB recipes and ASan's 256 MB quarantine keep a
# worker above 2 GB within minutes (4 GB after 370,000 executions), and
# purging each second, the page faults after it were over half of a worker's
# time (perf: 20-26 executions a second instead of 85-110). Every 30 s keeps
# memory bounded at a small cost. One allocation over 2 GB is still reported.
# 16 GB: the purges start at 8 GB, which two analyser workers of 505,000
# executions each never reached (4.0 GB each; docs/reliability.md).
common=(-timeout=60 -rss_limit_mb=16384 -malloc_limit_mb=2048 -purge_allocator_interval=30 -artifact_prefix="$scratch/"
        -print_final_stats=1)

failed() {
  echo "tools/fuzz.sh: $target: $1 (log and reproducer kept in $scratch)" >&2
  for l in "$log" "$scratch"/fuzz-*.log; do
    [ -e "$l" ] || continue
    grep -qE '^(==[0-9]+==|SUMMARY|.*runtime error|Running:)' "$l" || [ "$l" = "$log" ] || continue
    grep -E '^(==[0-9]+==|SUMMARY|fuzz_|.*runtime error|Running:)' "$l" | head -20 >&2 || true
    tail -n 60 "$l" >&2
  done
  for a in "$scratch"/crash-* "$scratch"/leak-* "$scratch"/timeout-* "$scratch"/oom-* "$scratch"/slow-unit-*; do
    [ -e "$a" ] && echo "reproducer: $a" >&2
  done
  exit 1
}

# 1. every past crash, replayed once each
regressions=("$root/tests/fuzz/regressions/$target"/*)
if [ -e "${regressions[0]}" ]; then
  "$bin" "${defaults[@]}" "${common[@]}" "${regressions[@]}" >"$log" 2>&1 ||
    failed "a regression input fails again"
  echo "$target: ${#regressions[@]} regression input(s) replayed"
fi

# 2. fuzzing from the seeds; new inputs go to the scratch corpus (first folder)
start=$(date +%s.%N)
(cd "$scratch" && "$bin" "${defaults[@]}" "${common[@]}" -max_total_time="$seconds" "$@" \
  "$scratch/corpus" "$root/tests/fuzz/corpus/$target" ${from:+"$from"}) >"$log" 2>&1 || failed "crash"
end=$(date +%s.%N)
# one log, or with -jobs one per job (the main log repeats each job's log as
# it ends, so then only the jobs' logs count): the sum of each one's last count
logs=("$scratch"/fuzz-*.log)
[ -e "${logs[0]}" ] || logs=("$log")
execs=0 done_line=""
for l in "${logs[@]}"; do
  [ -e "$l" ] || continue
  n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$l" | tail -n 1)
  execs=$(( execs + ${n:-0} ))
  d=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$l" | tail -n 1 || true)
  [ -n "$d" ] && done_line=$d
done
corpus=$(sed -n 's/.* corp: \([0-9]*\)\/\([^ ]*\).*/\1 inputs (\2)/p' <<<"$done_line")
awk -v t="$target" -v n="${execs:-0}" -v s="$start" -v e="$end" -v c="${corpus:-?}" 'BEGIN {
  w = e - s; printf "%s: %d executions in %.1f s (%.0f/s), corpus %s, no crash\n", t, n, w, (w > 0 ? n / w : 0), c }'

if [ -n "$replay" ]; then
  inputs=$(find "$scratch/corpus" -type f | wc -l)
  "$replay" -runs=0 "${common[@]}" "$scratch/corpus" >"$scratch/replay.log" 2>&1 || {
    log="$scratch/replay.log"; failed "an input of the grown corpus fails under $replay"; }
  echo "$target: the $inputs new inputs replayed through $replay, none failed"
fi

if [ "$merge" = 1 ]; then
  "$bin" "${defaults[@]}" -merge=1 "$root/tests/fuzz/corpus/$target" "$scratch/corpus" >>"$log" 2>&1 ||
    failed "merge"
  echo "$target: merged into tests/fuzz/corpus/$target"
fi
if [ "$keep" = 1 ]; then echo "$target: scratch folder $scratch"; else rm -rf "$scratch"; fi
