#!/usr/bin/env bash
# Install everything the tests need and run them. This is the README's test command and what CI runs.
#  - Python packages into .venv (pinned in requirements*.txt);
#  - Debian's chromium for the browser test, and a CJK font so its screenshots are legible (apt, when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  apt_install "${missing[@]}"
fi
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
exec .venv/bin/python -m pytest -q "$@"
