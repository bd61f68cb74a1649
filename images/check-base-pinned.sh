#!/usr/bin/env bash
# Refuses to push an image whose base is not pinned: the base reference must name a digest
# (registry/repository@sha256:<64 hex>, docs/images.md), or be the local reproducible base (tar://).
# A tag alone may move under us between two builds of the same release.
set -euo pipefail
base=${1:?usage: images/check-base-pinned.sh BASE_IMAGE_REFERENCE}
if [[ "$base" == tar://* || "$base" =~ @sha256:[0-9a-f]{64}$ ]]; then
  exit 0
fi
echo "check-base-pinned: base image '$base' is not pinned by digest; use e.g." >&2
echo "  -Dquarkus.jib.base-jvm-image=docker.io/library/eclipse-temurin:17-jre@sha256:<digest>  (docs/images.md)" >&2
exit 1
