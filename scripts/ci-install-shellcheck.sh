#!/usr/bin/env bash
# Installs ShellCheck from Debian for the run-shellcheck tests (test/unit/rules/run-shellcheck.test.ts
# skips them, saying so, when no `shellcheck` is on PATH). Run as root.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if ! apt-cache show shellcheck >/dev/null 2>&1; then
  apt-get update -qq
fi
apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 shellcheck
shellcheck --version
