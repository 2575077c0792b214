#!/usr/bin/env bash
# Coursemap vs Hugo build benchmark (GUIDE §6). See scripts/bench/README.md.
#
#   scripts/bench/run.sh [SIZES...]              default: 1000 10000 100000; Coursemap at every size, Hugo
#                                                at sizes up to HUGO_MAX (default 10000), alternating
#   scripts/bench/run.sh --coursemap-only N...   Coursemap only (e.g. 10000 100000: the growth target)
#
# For each size: generates the corpus once (cached in /tmp/coursemap-bench/<N>, regenerated when
# make-corpus.py changes). Then RUNS rounds (default 3): each round builds every size, smallest first, with
# Coursemap and then Hugo (up to HUGO_MAX modules), each run measured with GNU time (wall seconds, peak RSS). Output folders are deleted before every run,
# outside the measurement (moved aside, deleted at the end). Prints medians, the Coursemap/Hugo ratios and
# how Coursemap's time grew from the size before, then times Pagefind on the Coursemap output of the
# largest size Hugo built.
#
# Environment: COURSEMAP (binary; default .build/release/coursemap, built when missing), RUNS (default 3),
# WARMUP (unmeasured rounds first, default 1), HUGO_MAX (largest size Hugo builds, default 10000: Hugo
# takes over two minutes and several GB at 100k, and the targets compare the tools at 1k and 10k only),
# BENCH_DIR (default /tmp/coursemap-bench), PAGEFIND=0 to skip timing Pagefind (always skipped with
# --coursemap-only), DROP_CACHES=0 to keep the page cache between runs (it is dropped only as root),
# MEMORY_PROBE=0 or 1 to skip or force the closing memory probe (by default it runs when a size is 100k or
# more; see memory-probe.py).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bench_dir="${BENCH_DIR:-/tmp/coursemap-bench}"
runs="${RUNS:-3}"
warmup="${WARMUP:-1}"

usage() { echo "usage: $0 [SIZES...] | $0 --coursemap-only SIZES..." >&2; exit 2; }

with_hugo=1
sizes=()
if [[ "${1:-}" == "--coursemap-only" ]]; then
    [[ $# -ge 2 ]] || usage
    with_hugo=0
    shift
    sizes=("$@")
else
    sizes=("$@")
    [[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 100000)
fi
for n in "${sizes[@]}"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || usage; done
[[ "$runs" =~ ^[1-9][0-9]*$ && "$warmup" =~ ^[0-9]+$ ]] || { echo "bench: RUNS must be 1 or more and WARMUP 0 or more" >&2; exit 2; }
hugo_max="${HUGO_MAX:-10000}"
[[ "$hugo_max" =~ ^[0-9]+$ ]] || { echo "bench: HUGO_MAX must be a number of modules" >&2; exit 2; }
# hugo_at N: whether Hugo builds the corpus of N modules in this run.
hugo_at() { [[ $with_hugo -eq 1 && $1 -le $hugo_max ]]; }

# --- tools -------------------------------------------------------------------------------------------
apt_install() {
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "bench: installing $1 with apt-get" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null \
            || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null; }
    else
        echo "bench: $1 is missing; install it (Debian: apt-get install $1)" >&2
        exit 2
    fi
}
[[ -x /usr/bin/time ]] || apt_install time
gnu_time=/usr/bin/time
if [[ $with_hugo -eq 1 ]] && ! command -v hugo >/dev/null; then apt_install hugo; fi

coursemap="${COURSEMAP:-$repo/.build/release/coursemap}"
if [[ ! -x "$coursemap" ]]; then
    echo "bench: building coursemap (release)" >&2
    (cd "$repo" && swift build -c release --product coursemap --static-swift-stdlib >&2)
fi
if ! "$coursemap" build --help 2>/dev/null | grep -q -- '--no-search'; then
    echo "bench: $coursemap has no --no-search option; rebuild it (swift build -c release --product coursemap --static-swift-stdlib)" >&2
    exit 2
fi

# Pagefind needs about 0.4 GB per 1,000 pages here; it runs on the largest size Hugo built, PAGEFIND=0 skips it.
have_pagefind=0
if [[ "${PAGEFIND:-1}" != 0 && $with_hugo -eq 1 ]]; then python3 -c "import pagefind" 2>/dev/null && have_pagefind=1; fi

# --- helpers -----------------------------------------------------------------------------------------
# median of the numbers on standard input
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure LOG -- COMMAND...: runs COMMAND under GNU time, appends "wall_s peak_kb" to LOG.
# The command's own output goes to LOG.out; a failure prints it and stops the benchmark.
measure() {
    local log="$1"; shift 2
    local t; t="$(mktemp)"
    if ! "$gnu_time" -f "%e %M" -o "$t" "$@" >"$log.out" 2>&1; then
        echo "bench: FAILED: $*" >&2
        tail -n 20 "$log.out" >&2
        rm -f "$t"
        exit 1
    fi
    tail -n 1 "$t" >>"$log"
    rm -f "$t"
}

corpus() {
    local n="$1" dir="$bench_dir/$1"
    local stamp; stamp="$(sha256sum "$here/make-corpus.py" | cut -d' ' -f1)"
    if [[ "$(cat "$dir/.generator" 2>/dev/null)" != "$stamp" ]]; then
        rm -rf "$dir"
        mkdir -p "$dir"
        python3 "$here/make-corpus.py" "$n" "$dir"
        echo "$stamp" >"$dir/.generator"
    fi
}

html_count() { find "$1" -name '*.html' -type f | wc -l; }

# --- runs --------------------------------------------------------------------------------------------
results="$(mktemp)"   # size tool wall_s rss_mb pages
# Earlier outputs are moved here and deleted only at the end. Deleting tens of thousands of files right
# before a run would slow the next tool's file creation: ext4 without a journal (this machine's root file
# system) skips recently freed inodes when it allocates new ones, scanning past each of them.
trash="$bench_dir/.trash-$$"
mkdir -p "$trash"
trap 'rm -f "$results"; rm -rf "$trash"' EXIT
# Before each run the previous output is moved aside and `sync` writes back what is still dirty, so that no
# run pays for writing back the one before it (at 100k modules that is 4 GB). Then, when the harness may
# (root, and DROP_CACHES is not 0), the page cache is dropped and the tree the next run reads is read once
# into it again: every run starts with the same memory state, its input cached and no earlier output
# holding memory. Without that, each 100k run's 4 GB of new page cache came from memory the virtual
# machine had not touched yet, which costs several microseconds a page here (see the README).
drop_caches=0
if [[ "${DROP_CACHES:-1}" != 0 && -w /proc/sys/vm/drop_caches ]]; then drop_caches=1; fi
set_aside() {
    if [[ -e "$1" ]]; then mv "$1" "$trash/$(basename "$1")-$RANDOM$RANDOM"; fi
    sync
    if [[ $drop_caches -eq 1 ]]; then
        echo 1 >/proc/sys/vm/drop_caches
        find "$2" -type f -print0 | xargs -0 cat >/dev/null
        cat "$coursemap" $( [[ $with_hugo -eq 1 ]] && command -v hugo ) >/dev/null
    fi
}

for n in "${sizes[@]}"; do
    corpus "$n"
    : >"$bench_dir/$n/coursemap.times"; : >"$bench_dir/$n/hugo.times"
    : >"$bench_dir/$n/coursemap.warmup"; : >"$bench_dir/$n/hugo.warmup"
done
# Round r builds every size once, each with Coursemap and then Hugo: the sizes take turns as the tools do,
# so that a slower spell of the machine (it varies by minutes here) weighs on every size alike, and the
# growth from one size to the next compares runs made at the same time. The first WARMUP rounds are not
# measured (their times go to *.warmup): here the first large build after a pause was often the slowest
# of its size (see the README).
for ((r = 1 - warmup; r <= runs; r++)); do
    label="run $r/$runs"; suffix=times
    if [[ $r -lt 1 ]]; then label="warm-up $((r + warmup))/$warmup"; suffix=warmup; fi
    for n in "${sizes[@]}"; do
        dir="$bench_dir/$n"
        set_aside "$dir/out-coursemap" "$dir/coursemap"
        echo "bench: $n modules, $label: coursemap" >&2
        measure "$dir/coursemap.$suffix" -- "$coursemap" build --no-search --content "$dir/coursemap" --output "$dir/out-coursemap"
        if hugo_at "$n"; then
            set_aside "$dir/out-hugo" "$dir/hugo"
            echo "bench: $n modules, $label: hugo" >&2
            measure "$dir/hugo.$suffix" -- hugo --quiet --source "$dir/hugo" --destination "$dir/out-hugo"
        fi
    done
done
runs_text=""   # every run's wall time, for the report
for n in "${sizes[@]}"; do
    dir="$bench_dir/$n"
    cm_out="$dir/out-coursemap" hugo_out="$dir/out-hugo"
    tools=(coursemap); if hugo_at "$n"; then tools+=(hugo); fi
    for tool in "${tools[@]}"; do
        out="$cm_out"; [[ $tool == hugo ]] && out="$hugo_out"
        wall="$(cut -d' ' -f1 "$dir/$tool.times" | median)"
        rss="$(cut -d' ' -f2 "$dir/$tool.times" | median)"
        echo "$n $tool $wall $(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }') $(html_count "$out")" >>"$results"
        warm="$(cut -d' ' -f1 "$dir/$tool.warmup" | paste -sd' ')"
        runs_text+="$(printf '%8s  %-10s %s%s' "$n" "$tool" "$(cut -d' ' -f1 "$dir/$tool.times" | paste -sd' ')" "${warm:+   (warm-up: $warm)}")"$'\n'
    done
done

# --- report ------------------------------------------------------------------------------------------
echo
echo "Coursemap $("$coursemap" --version 2>/dev/null || echo '?');$( [[ $with_hugo -eq 1 ]] && echo " $(hugo version | cut -d' ' -f1-2);" ) nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //')"
echo "median of $runs runs each, after $warmup unmeasured warm-up round(s); peak RSS from GNU time (%M); pages = .html files written; page cache dropped before each run: $( [[ $drop_caches -eq 1 ]] && echo yes || echo no)"
echo
printf '%8s  %-10s %10s %12s %8s %12s %12s %14s\n' size tool "wall s" "peak RSS MB" pages "time ratio" "mem ratio" "growth"
awk '
    { size[NR] = $1; tool[NR] = $2; wall[NR] = $3; rss[NR] = $4; pages[NR] = $5
      if ($2 == "hugo") { hw[$1] = $3; hr[$1] = $4 } }
    END {
        previous = 0
        for (i = 1; i <= NR; i++) {
            tr = mr = growth = "-"
            if (tool[i] == "coursemap" && (size[i] in hw)) {
                tr = (hw[size[i]] > 0) ? sprintf("%.2fx", wall[i] / hw[size[i]]) : "n/a"
                mr = (hr[size[i]] > 0) ? sprintf("%.2fx", rss[i] / hr[size[i]]) : "n/a"
            }
            if (tool[i] == "coursemap") {
                if (previous > 0 && wall[previous] > 0) growth = sprintf("%.1fx for %gx", wall[i] / wall[previous], size[i] / size[previous])
                previous = i
            }
            printf "%8s  %-10s %10.2f %12d %8d %12s %12s %14s\n", size[i], tool[i], wall[i], rss[i], pages[i], tr, mr, growth
        }
    }' "$results"
echo "(ratios are Coursemap / Hugo at the same size, measured in the same run; growth is Coursemap's time"
echo " against the size before it, in the same run)"
echo
echo "every run's wall seconds, by size and tool, round 1 first:"
printf '%s' "$runs_text"

# --- Pagefind on the largest size Hugo built --------------------------------------------------------
largest="$(for n in "${sizes[@]}"; do if hugo_at "$n"; then echo "$n"; fi; done | sort -n | tail -n 1)"
[[ -n "$largest" ]] || have_pagefind=0
site="$bench_dir/$largest/out-coursemap"
echo
if [[ $have_pagefind -eq 1 ]]; then
    pf="$bench_dir/$largest/pagefind.times"
    : >"$pf"
    for ((r = 1; r <= runs; r++)); do
        rm -rf "$site/pagefind"
        echo "bench: pagefind on $largest modules, run $r/$runs" >&2
        measure "$pf" -- python3 -m pagefind --site "$site" --output-subdir pagefind
    done
    indexed="$(grep -Eo 'Indexed [0-9]+ pages?' "$pf.out" | tail -n 1 || true)"
    printf 'Pagefind (%s) on the Coursemap output of %s modules: median %.2f s, peak RSS %.0f MB, %s\n' \
        "$(python3 -m pip show pagefind 2>/dev/null | awk '/^Version:/ { print $2 }')" "$largest" \
        "$(cut -d' ' -f1 "$pf" | median)" "$(cut -d' ' -f2 "$pf" | median | awk '{ print $1 / 1024 }')" "${indexed:-pages indexed: see $pf.out}"
else
    echo "Pagefind: not timed (not installed, PAGEFIND=0, or --coursemap-only)"
fi

# --- What fresh memory costs this machine ------------------------------------------------------------
# A 100k build touches about 5 GB of memory it did not have before (its heap and its output's page cache).
# Where the machine is a virtual machine whose host takes back freed memory, part of that costs several
# times more than the rest; the probe shows how much, starting from the same state as each build.
largest_coursemap="$(printf '%s\n' "${sizes[@]}" | sort -n | tail -n 1)"
if [[ "${MEMORY_PROBE:-auto}" == 1 || ( "${MEMORY_PROBE:-auto}" == auto && $largest_coursemap -ge 100000 ) ]]; then
    set_aside "$trash/none" "$bench_dir/$largest_coursemap/coursemap"   # the state a build starts from
    echo "bench: memory probe" >&2
    echo
    python3 "$here/memory-probe.py" 6 | tail -n 1
fi
