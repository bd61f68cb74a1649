#!/usr/bin/env bash
# Stands in for the `docker` executable when Jib builds "to the Docker daemon" on a machine without one
# (quarkus.jib.docker-executable-name): Jib streams the finished image to `docker load` as a `docker save`
# tarball, and this writes that tarball to $FS_IMAGE_TAR instead. Nothing else of docker is emulated.
set -euo pipefail
case "${1:-}" in
  info)
    # Jib asks the daemon's platform to pick one from a multi-platform base
    echo '{"OSType":"linux","Architecture":"x86_64"}'
    ;;
  load)
    : "${FS_IMAGE_TAR:?set FS_IMAGE_TAR (quarkus.jib.docker-environment.FS_IMAGE_TAR)}"
    mkdir -p "$(dirname "$FS_IMAGE_TAR")"
    cat >"$FS_IMAGE_TAR.part"
    mv "$FS_IMAGE_TAR.part" "$FS_IMAGE_TAR"
    echo "Loaded image to $FS_IMAGE_TAR"
    ;;
  *)
    echo "docker-load-to-file.sh: only 'info' and 'load' are supported, not: $*" >&2
    exit 1
    ;;
esac
