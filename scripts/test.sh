#!/usr/bin/env bash
# Runs every test: the Swift Testing suites of every target; the browser and report tests (headless
# Chromium, pytest); and the release test (builds the release tarball and runs it without a Swift toolchain).
# Installs the system and Python packages it needs when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/install-test-deps.sh
swift build --build-tests
swift test --skip-build "$@"
COURSEMAP_BIN="$(swift build --show-bin-path)/coursemap" python3 -m pytest Tests/browser Tests/reports Tests/cli Tests/bench -q
Tests/release/test-release.sh
