#!/usr/bin/env bash
# Builds a release: the `coursemap` binary with the Swift standard library and Foundation linked
# statically (no Swift toolchain needed to run it), the resource folders it reads at run time (theme,
# schemas, scaffolds), README and docs, as dist/coursemap-<version>-linux-<arch>.tar.gz.
#
# At run time the binary needs the system libraries libxml2 and libcmark-gfm (Debian/Ubuntu:
# apt-get install libxml2 libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 libmimalloc2.0). They are
# linked dynamically on purpose: Debian's static libxml2 pulls in ICU, which clashes with Foundation's.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
version=$(sed -n 's/.*static let current = "\(.*\)"/\1/p' Sources/Coursemap/Version.swift)
swift build -c release --product coursemap --static-swift-stdlib
bin=$(swift build -c release --show-bin-path)
name="coursemap-${version}-linux-$(uname -m)"

rm -rf "dist/${name}" "dist/${name}.tar.gz"
mkdir -p "dist/${name}"
cp "${bin}/coursemap" "dist/${name}/"
# SwiftPM's resource bundles: they must stay beside the binary.
for bundle in "${bin}"/*.resources; do
  cp -R "${bundle}" "dist/${name}/"
done
cp README.md "dist/${name}/"
cp -R docs "dist/${name}/docs"
tar -C dist -czf "dist/${name}.tar.gz" "${name}"
echo "dist/${name}.tar.gz"
