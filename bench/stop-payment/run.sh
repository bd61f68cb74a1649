#!/usr/bin/env bash
# Benchmarks stop-payment-service on this machine and prints the numbers recorded in bench/stop-payment/RESULTS.md.
#   bench/stop-payment/run.sh [submit|ladder|trail|all]
# Starts its own local-stack (fresh data in a temp folder, ports 25432/26379), then the packaged service in the
# production profile; the banks' webhook receiver, account-risk-service and the identity provider run in the bench.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
what=${1:-all}
build_if_needed

work=$(mktemp -d)
export FS_DATA_DIR="$work/data" FS_KEYS_DIR="$work/keys" FS_POSTGRES_PORT=25432 FS_REDIS_PORT=26379
export BENCH_LOG="$work/stop-payment-service.log"
java -cp "$(local_stack_classpath)" io.fraudshield.localstack.LocalStack >"$work/local-stack.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -qs 'local-stack ready' "$work/local-stack.log" && break; sleep 0.5; done

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
bench() { (cd "$ROOT" && java -cp "$(local_stack_classpath)" bench/stop-payment/StopPaymentBench.java "$@"); }

if [[ $what == all || $what == submit ]]; then
  echo "== police submit → bank webhook received, 20 orders/s for 30 s"
  bench submit 20 30
fi
if [[ $what == all || $what == ladder ]]; then
  echo "== the same at 20, 40, 80 … orders/s (20 s each) until p99 > 100 ms or an order is not delivered"
  bench ladder 20
fi
if [[ $what == all || $what == trail ]]; then
  echo "== a 5-layer money trail of 100 orders: first feedback → last follow-up webhook"
  bench trail
fi
