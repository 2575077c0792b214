#!/usr/bin/env bash
# Times `coursemap build --no-search` on one benchmark corpus with and without extra environment
# variables, alternating, to measure a setting that the binary reads from its environment (such as the
# allocator's):
#
#   scripts/bench/compare-env.sh SIZE ROUNDS VAR=VALUE...
#   scripts/bench/compare-env.sh 100000 3 MIMALLOC_LARGE_OS_PAGES=0 MIMALLOC_ALLOW_DECOMMIT=1
#
# Each round builds once as is ("default") and once with the variables ("with env"), with the page cache
# dropped before each build as run.sh does (as root). Outputs are kept until the end, in
# $BENCH_DIR/compare-<pid>/, and deleted then (see run.sh on why deleting between runs misleads). Prints
# every run (wall, user and system seconds, peak RSS, minor page faults) and the median wall time of each.
# The corpus must exist: run.sh makes it (or run make-corpus.py SIZE $BENCH_DIR/SIZE).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bench_dir="${BENCH_DIR:-/tmp/coursemap-bench}"
coursemap="${COURSEMAP:-$repo/.build/release/coursemap}"
[[ $# -ge 3 && "$1" =~ ^[1-9][0-9]*$ && "$2" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 SIZE ROUNDS VAR=VALUE..." >&2; exit 2; }
size=$1 rounds=$2; shift 2
extra=("$@")
for assignment in "${extra[@]}"; do [[ "$assignment" == *=* ]] || { echo "compare-env: not VAR=VALUE: $assignment" >&2; exit 2; }; done
input="$bench_dir/$size/coursemap"
[[ -d "$input" ]] || { echo "compare-env: no corpus at $input; run scripts/bench/run.sh $size first" >&2; exit 2; }
[[ -x "$coursemap" && -x /usr/bin/time ]] || { echo "compare-env: needs $coursemap and GNU time (/usr/bin/time)" >&2; exit 2; }

outputs="$bench_dir/compare-$$"
mkdir -p "$outputs"
trap 'rm -rf "$outputs"' EXIT
declare -A walls=()
for ((round = 1; round <= rounds; round++)); do
    for variant in default "with env"; do
        sync
        if [[ -w /proc/sys/vm/drop_caches ]]; then
            echo 1 >/proc/sys/vm/drop_caches
            find "$input" -type f -print0 | xargs -0 cat >/dev/null
            cat "$coursemap" >/dev/null
        fi
        prefix=(); [[ $variant == "with env" ]] && prefix=(env "${extra[@]}")
        line=$("${prefix[@]}" /usr/bin/time -f "%e %U %S %M %R" "$coursemap" build --no-search --content "$input" \
            --output "$outputs/$round-${variant// /-}" 2>&1 >/dev/null | tail -n 1)
        read -r wall user system rss faults <<<"$line"
        printf '%-9s round %d: %6.2f s wall, %6.2f s user, %6.2f s system, %5d MB peak RSS, %7d page faults\n' \
            "$variant" "$round" "$wall" "$user" "$system" "$((rss / 1024))" "$faults"
        walls[$variant]+="$wall "
    done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "$size modules, $rounds rounds; with env = ${extra[*]}"
echo "median wall: default $(echo "${walls[default]}" | median) s, with env $(echo "${walls[with env]}" | median) s"
