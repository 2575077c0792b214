#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (with AddressSanitizer) and runs each for SECONDS (default 600),
# seeded from the project's fixtures and example content. Crashes are written to .build-fuzz/findings/.
#   scripts/fuzz.sh [SECONDS] [FUZZER ...]      e.g. scripts/fuzz.sh 60 FuzzWebVTT
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}; shift || true
fuzzers=("$@")
[ ${#fuzzers[@]} -eq 0 ] && fuzzers=(FuzzFrontMatter FuzzFrameworkXML FuzzExerciseXML FuzzQTI FuzzMoodle FuzzWebVTT FuzzDuration FuzzTimeCode FuzzVTTTimestamp)

scripts/install-deps.sh
for fuzzer in "${fuzzers[@]}"; do
  swift build -c release --package-path Fuzz --scratch-path .build-fuzz --product "$fuzzer" -Xswiftc -sanitize=fuzzer,address
done

seed() {  # seed FUZZER: the files each fuzzer starts from
  case "$1" in
    FuzzFrontMatter) find Content/courses Content/lectures Content/resources Tests/Fixtures/site -name '*.md' ;;
    FuzzFrameworkXML) find Content/frameworks Tests/Fixtures/site/frameworks -name '*.xml' ;;
    FuzzExerciseXML) find Content/exercises Tests/Fixtures/site/exercises -maxdepth 1 -name '*.xml' ! -name 'moodle-*' ;;
    FuzzQTI) find ../shared/interop/qti-2.1 Content/exercises/qti-data-literacy -name '*.xml' 2>/dev/null ;;
    FuzzMoodle) find ../shared/interop/moodle-xml Content/exercises -maxdepth 1 -name '*.xml' 2>/dev/null | grep -i moodle ;;
    FuzzWebVTT) find Content/lectures Tests/Fixtures/site/lectures -name '*.vtt' ;;
    FuzzDuration|FuzzTimeCode|FuzzVTTTimestamp) find "Fuzz/Seeds/$1" -type f ;;
  esac
}

bin=$(swift build -c release --package-path Fuzz --scratch-path .build-fuzz --show-bin-path)
mkdir -p .build-fuzz/findings
for fuzzer in "${fuzzers[@]}"; do
  corpus=".build-fuzz/corpus/$fuzzer"
  mkdir -p "$corpus"
  seed "$fuzzer" | while read -r file; do cp "$file" "$corpus/" 2>/dev/null || true; done
  echo "== $fuzzer: ${seconds}s from $(ls "$corpus" | wc -l) seeds"
  "$bin/$fuzzer" -max_total_time="$seconds" -rss_limit_mb=4096 -max_len=200000 -print_final_stats=1 \
    -artifact_prefix=".build-fuzz/findings/$fuzzer-" "$corpus" 2>&1 | grep -E "^(stat::|Done|==[0-9]+==ERROR|SUMMARY)" || true
done
ls .build-fuzz/findings | grep -q . && { echo "findings in .build-fuzz/findings"; exit 1; } || echo "no findings"
