#!/usr/bin/env bash
# Heap one restricted person costs in card-limit-service's restriction mirror (docs/card-limit.md "Person
# restrictions"): fills the mirror's state through its feed path and prints the heap after a full GC.
#   bench/card-limit/mirror-memory.sh [persons]     (default 1,000,000)
# Needs the compiled classes once: ./mvnw -B test-compile -pl card-limit-service -am
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
target=card-limit-service/target
probe=$target/test-classes/io/fraudshield/cardlimit/restriction/MirrorMemoryProbe.class
[[ -f $probe ]] || { echo "compile first: ./mvnw -B test-compile -pl card-limit-service -am" >&2; exit 1; }
echo "== $(java -version 2>&1 | head -1); -Xmx2g, default GC"
java -Xmx2g -cp "$target/classes:$target/test-classes" io.fraudshield.cardlimit.restriction.MirrorMemoryProbe "${1:-1000000}"
