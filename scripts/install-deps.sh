#!/usr/bin/env bash
# Installs the Debian packages Coursemap builds against, when they are missing.
#   cmark-gfm (Markdown), libxml2 (XML and XSD validation), zlib (to check the search index), pkg-config (to
#   find them), and mimalloc
#   (the allocator release builds link; see Package.swift).
set -euo pipefail

packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev zlib1g-dev pkg-config libmimalloc-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing system packages: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: run as root or install sudo to install: ${missing[*]}" >&2; exit 2; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
