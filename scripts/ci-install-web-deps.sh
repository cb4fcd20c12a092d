#!/usr/bin/env bash
# Installs what `npm run test:web` and `npm run screenshots` need on Debian/Ubuntu CI machines:
# Debian's Chromium (Playwright's own browser download is skipped; see
# ../shared/notes/vscode-web-tests.md). Run as root, after `apt-get update`.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium is installed: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version 2>/dev/null | head -1
