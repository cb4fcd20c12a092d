#!/usr/bin/env bash
# Installs the container tools `npm run test:build` needs, all from Debian: buildah builds the fixture
# images, podman runs them, debootstrap makes the Debian base without pulling from any image registry.
# Run as root (the CI runner calls it through sudo when needed).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if ! apt-cache show buildah >/dev/null 2>&1; then
  apt-get update -qq
fi

apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 \
  buildah podman skopeo debootstrap docker-registry apache2-utils uidmap runc netavark jq
