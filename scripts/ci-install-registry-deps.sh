#!/usr/bin/env bash
# Installs what `npm run test:registry` needs, all from Debian: the distribution registry
# (`docker-registry`, started on loopback by the tests), htpasswd for the basic-auth registry, and
# skopeo/jq for inspecting a registry by hand when a test fails.
# Run as root (the CI runner calls it through sudo when needed).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if ! apt-cache show docker-registry >/dev/null 2>&1; then
  apt-get update -qq
fi

apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 \
  docker-registry apache2-utils skopeo jq

# The package starts a registry service on :5000 where a service manager runs; the tests start
# their own on free loopback ports, so a running system service is left alone.
command -v docker-registry >/dev/null
command -v htpasswd >/dev/null
