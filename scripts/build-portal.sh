#!/usr/bin/env bash
# Builds the example portal: Content/ → Site/. Installs the system packages it needs when missing.
# Extra arguments go to `coursemap build` (e.g. --content other/ --output /tmp/site).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift build -c release --product coursemap --static-swift-stdlib
.build/release/coursemap build --content Content --output Site "$@"
echo "Open Site/index.html in a browser."
