#!/usr/bin/env bash
# Benchmarks card-limit-service on this machine and prints the numbers recorded in bench/card-limit/RESULTS.md.
#   bench/card-limit/run.sh [reservations|stock|all]     (STOCK_LINES=100000 for a shorter stock run)
# Starts its own local-stack (fresh data in a temp folder, ports 25432/26379), pgbench's simple-update on the
# same PostgreSQL, then the packaged service in the production profile, the unauthenticated 401 of the same route
# (the HTTP ceiling), and pgbench running the pair's own SQL (pair.sql, the database ceiling) on the service's tables.
#   BENCH_JFR=/tmp/service.jfr bench/card-limit/run.sh reservations   also profiles the service and prints a table
#                                                                      of CPU samples by component (JfrComponents.java)
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
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -qs 'local-stack ready' "$work/local-stack.log" && break; sleep 0.5; done

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
bench() { (cd "$ROOT" && java -cp "$(local_stack_classpath)" bench/card-limit/CardLimitBench.java "$@"); }

if [[ $what == all || $what == reservations ]]; then
  echo "== pgbench simple-update (-N), 16 clients, 30 s, scale 10, same PostgreSQL"
  psql -q -h localhost -p $FS_POSTGRES_PORT -U postgres -c 'create database pgbench' postgres
  pgbench -q -i -s 10 -h localhost -p $FS_POSTGRES_PORT -U postgres pgbench >/dev/null 2>&1
  pgbench -N -c 16 -j 2 -T 30 -h localhost -p $FS_POSTGRES_PORT -U postgres pgbench 2>/dev/null \
    | grep -E 'tps|latency average'
  echo "== card-limit-service: reserve + confirm, new customer each time, 16 clients, 30 s warm-up, 30 s measured"
  bench reservations 16 30 30
  echo "== pgbench: the pair's own SQL (bench/card-limit/pair.sql), 16 clients, 30 s, runtime role, service's tables"
  # per-statement latencies (-r): with pipelines, the time of a round trip shows on its \endpipeline
  PGPASSWORD=cardlimit_runtime pgbench -n -r -M prepared -f "$ROOT/bench/card-limit/pair.sql" -c 16 -j 2 -T 30 \
    -h localhost -p $FS_POSTGRES_PORT -U cardlimit_runtime cardlimit 2>&1 \
    | grep -E 'tps|latency average|failed|aborted|^ +[0-9.]+ +[0-9]+ +(\\endpipeline|insert into opening)|ERROR|error'
  if [[ -n ${BENCH_JFR:-} ]]; then
    echo "== CPU samples of the service by component ($BENCH_JFR)"
    java "$ROOT/bench/card-limit/JfrComponents.java" "$BENCH_JFR"
  fi
fi
if [[ $what == all || $what == stock ]]; then
  lines=${STOCK_LINES:-1000000}
  echo "== card-limit-service: stock clean-up of $lines lines: PostgreSQL COPY of the same rows (ceiling), then the upload"
  bench stock "$lines"
fi
