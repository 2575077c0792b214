#!/usr/bin/env bash
# Runs every test (Swift Testing). Installs the system packages it needs when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift build --build-tests
swift test --skip-build "$@"
