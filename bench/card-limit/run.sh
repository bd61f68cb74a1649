#!/usr/bin/env bash
# Benchmarks card-limit-service on this machine and prints the numbers recorded in bench/card-limit/RESULTS.md.
#   bench/card-limit/run.sh [reservations|stock|all]     (STOCK_LINES=100000 for a shorter stock run)
# Starts its own local-stack (fresh data in a temp folder, ports 25432/26379), pgbench's simple-update on the
# same PostgreSQL, then the packaged service in the production profile, the unauthenticated 401 of the same route
# (the HTTP ceiling), and pgbench running the pair's own SQL (pair.sql, the database ceiling) on the service's tables.
#   BENCH_JFR=/tmp/service.jfr bench/card-limit/run.sh reservations   also profiles the service and prints a table
#                                                                      of CPU samples by component (JfrComponents.java)
#   BENCH_SECONDS=15 (each measurement), BENCH_RATES=50,100,0.5x (fixed offered rates in pairs/s; 0.5x = half the closed
#   loop's), BENCH_LEASE=10 (the service's cardlimit.opening-rate.lease-size, passed to it and to pair.sql)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
what=${1:-all}
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
build_if_needed

work=$(mktemp -d)
export FS_DATA_DIR="$work/data" FS_KEYS_DIR="$work/keys" FS_POSTGRES_PORT=25432 FS_REDIS_PORT=26379
export BENCH_LOG="$work/card-limit-service.log"
java -cp "$(local_stack_classpath)" io.fraudshield.localstack.LocalStack >"$work/local-stack.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -qs 'local-stack ready' "$work/local-stack.log" && break; sleep 0.5; done

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
bench() { (cd "$ROOT" && java -cp "$(local_stack_classpath)" bench/card-limit/CardLimitBench.java "$@"); }

if [[ $what == all || $what == reservations ]]; then
  measure=${BENCH_SECONDS:-15}
  rates=${BENCH_RATES:-50,100,0.5x}
  export BENCH_LEASE=${BENCH_LEASE:-10}
  lease=$BENCH_LEASE
  echo "== pgbench simple-update (-N), 16 clients, $measure s, scale 10, same PostgreSQL"
  psql -q -h localhost -p $FS_POSTGRES_PORT -U postgres -c 'create database pgbench' postgres
  pgbench -q -i -s 10 -h localhost -p $FS_POSTGRES_PORT -U postgres pgbench >/dev/null 2>&1
  pgbench -N -c 16 -j 2 -T $measure -h localhost -p $FS_POSTGRES_PORT -U postgres pgbench 2>/dev/null \
    | grep -E 'tps|latency average'
  echo "== card-limit-service: reserve + confirm, new customer each time, 16 clients: 20 s warm-up, then $measure s closed"
  echo "   loop (saturation), then $measure s at each fixed offered rate of $rates pairs/s (latency from the scheduled start)"
  bench reservations 16 20 "$measure" "$rates" | tee "$work/service.out"
  # the pair's SQL, as the service sends it: its audit chain count (the heads it created) and its lease size
  chains=$(psql -qtA -h localhost -p $FS_POSTGRES_PORT -U postgres -c 'select count(*) from audit_head' cardlimit)
  pair() { PGPASSWORD=cardlimit_runtime pgbench -n -M prepared -f "$ROOT/bench/card-limit/pair.sql" -D chains=$chains \
             -D lease=$lease -c 16 -j 2 -T $measure -h localhost -p $FS_POSTGRES_PORT -U cardlimit_runtime "$@" cardlimit; }
  echo "== pgbench: the pair's own SQL (bench/card-limit/pair.sql, $chains audit chains, lease $lease), 16 clients, $measure s,"
  echo "   runtime role, service's tables: closed loop (saturation), then at the service's fixed rates"
  # the tables as the service left them, analysed (as before each of the service's measured phases)
  psql -q -h localhost -p $FS_POSTGRES_PORT -U postgres -c 'vacuum analyze' -c checkpoint cardlimit
  # per-statement latencies (-r): with pipelines, the time of a round trip shows on its \endpipeline
  pair -r 2>&1 | grep -E 'tps|latency average|failed|aborted|^ +[0-9.]+ +[0-9]+ +(\\endpipeline)|ERROR|error'
  # per-transaction logs: with --rate, pgbench's latency runs from the scheduled start (as the service bench's)
  for rate in $(sed -n 's/^RESULT rate=\([0-9]*\) .*/\1/p' "$work/service.out"); do
    rm -f "$work"/pair_log.*
    # as before each of the service's fixed rates: no clean-up of the run before in the measurement
    psql -q -h localhost -p $FS_POSTGRES_PORT -U postgres -c 'vacuum analyze' -c checkpoint cardlimit
    pair --rate "$rate" -T 5 >/dev/null 2>&1
    pair --rate "$rate" -l --log-prefix "$work/pair_log" 2>&1 | grep -E 'ERROR|error|aborted' || true
    awk '{ print $3 / 1000 }' "$work"/pair_log.* | sort -n | awk \
      -v rate="$rate" -v seconds="$measure" '{ v[NR] = $1 } END { p50 = v[int(NR * 0.5 + 0.999)]; p99 = v[int(NR * 0.99 + 0.999)];
        printf "pgbench pair.sql at %d pairs/s offered: %.1f pairs/s done; from the scheduled start: pair p50 %.2f p99 %.2f ms\n",
          rate, NR / seconds, p50, p99; printf "RESULT pgbench_rate=%d done_per_s=%.1f pair_p50_ms=%.2f pair_p99_ms=%.2f\n",
          rate, NR / seconds, p50, p99 }'
  done
  if [[ -n ${BENCH_JFR:-} ]]; then
    echo "== CPU samples of the service by component ($BENCH_JFR), while the measured pairs ran"
    java "$ROOT/bench/card-limit/JfrComponents.java" "$BENCH_JFR" \
      $(sed -n 's/^RESULT pairs_from_ms=\([0-9]*\) pairs_to_ms=\([0-9]*\)$/\1 \2/p' "$work/service.out")
  fi
fi
if [[ $what == all || $what == stock ]]; then
  lines=${STOCK_LINES:-1000000}
  echo "== card-limit-service: stock clean-up of $lines lines: PostgreSQL COPY of the same rows (ceiling), then the upload"
  bench stock "$lines"
fi
