#!/usr/bin/env bash
# Runs the Swift test suites again under ThreadSanitizer and AddressSanitizer (separate build folders).
# LeakSanitizer is off: the only "leaks" it reports are objects that live until the process ends (XCTest's
# runner and tests' static sample data), which are not leaks.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift build --build-tests --sanitize=thread --scratch-path .build-tsan
TSAN_OPTIONS=halt_on_error=1 swift test --skip-build --sanitize=thread --scratch-path .build-tsan
swift build --build-tests --sanitize=address --scratch-path .build-asan
ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 swift test --skip-build --sanitize=address --scratch-path .build-asan
