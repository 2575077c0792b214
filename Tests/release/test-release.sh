#!/usr/bin/env bash
# Builds the release tarball, unpacks it somewhere else, and runs the binary from an empty folder with no
# Swift toolchain on the PATH: `coursemap init`, then `coursemap build`. Prints "release: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/../.."

passed=0; failed=0
check() {  # check "description" command...
  local what=$1; shift
  if "$@" >/tmp/coursemap-release-check.log 2>&1; then passed=$((passed + 1)); echo "ok   $what"
  else failed=$((failed + 1)); echo "FAIL $what"; sed 's/^/     /' /tmp/coursemap-release-check.log; fi
}

tarball=$(scripts/release.sh | tail -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$tarball"
install_dir=$(echo "$work"/coursemap-*)
bin="$install_dir/coursemap"
mkdir "$work/empty"

clean_env=(env -i "PATH=/usr/bin:/bin" "HOME=$work" "LANG=C.UTF-8")
check "the tarball holds the binary and its resource folders" \
  test -x "$bin" -a -d "$install_dir/Coursemap_CoursemapRender.resources" -a -d "$install_dir/Coursemap_CoursemapLoad.resources" -a -d "$install_dir/Coursemap_Coursemap.resources"
check "no swift on the PATH of the clean environment" bash -c "! ${clean_env[*]} sh -c 'command -v swift'"
check "the binary links no Swift runtime library" bash -c "! ldd '$bin' | grep -q 'libswift'"
check "--version" "${clean_env[@]}" "$bin" --version
check "init from an empty folder" bash -c "cd '$work/empty' && ${clean_env[*]} '$bin' init portal"
check "build the new portal" bash -c "cd '$work/empty' && ${clean_env[*]} '$bin' build --content portal --output Site"
check "the portal has its pages" test -f "$work/empty/Site/index.html" -a -f "$work/empty/Site/coverage/sample-cert/intermediate/index.html" -a -f "$work/empty/Site/assets/style.css"
# A full disk, simulated by a file-size limit (SIGXFSZ ignored, so writes fail with EFBIG): status 2, the
# previous site untouched, no staging folder left. (Here, not in the Swift suites: sanitizer runtimes
# cannot start under a file-size limit.)
snapshot() { (cd "$1" && find . -type f -exec md5sum {} + | sort); }
full_disk_build() (
  cd "$work/empty" || exit 1
  "${clean_env[@]}" sh -c 'ulimit -f 16; trap "" XFSZ; exec "$0" build --no-search --content portal --output Site' "$bin" >/dev/null 2>&1
  test $? -eq 2
)
site_unchanged() (
  cd "$work/empty" || exit 1
  diff <(snapshot Site) "$work/before.txt" && ! ls -A | grep -q staging
)
snapshot "$work/empty/Site" > "$work/before.txt"
check "a full disk fails the build with status 2" full_disk_build
check "... and leaves the previous site and no staging folder" site_unchanged
# The release links mimalloc and tunes it per command (Sources/CAllocator): huge pages, and a batch command
# keeps the memory it frees; a setting chosen in the environment wins.
allocator_line() { (cd "$work/empty" && "${clean_env[@]}" COURSEMAP_TIMING=1 "$@" 2>&1 >/dev/null | grep '^coursemap: allocator'); }
check "a build tunes mimalloc: huge pages, freed memory kept" \
  bash -c "[[ \"\$1\" == 'coursemap: allocator mimalloc (huge pages on, freed memory kept)' ]]" _ "$(allocator_line "$bin" check --content portal)"
check "... unless the environment chose otherwise" \
  bash -c "[[ \"\$1\" == 'coursemap: allocator mimalloc (huge pages off, freed memory kept)' ]]" _ "$(allocator_line env MIMALLOC_LARGE_OS_PAGES=0 "$bin" check --content portal)"
# Exactly 1: a crash (134, 139) or a usage failure (2) is not "reports broken content".
check "check reports broken content with exit status 1" bash -c "cd '$work/empty' && printf 'x' > portal/courses/intro-course/03-bad.md && { ${clean_env[*]} '$bin' check --content portal; test \$? -eq 1; }"

echo "release: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
