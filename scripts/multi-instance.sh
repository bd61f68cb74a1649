#!/usr/bin/env bash
# Multi-instance proof on one machine: starts local-stack (its own PostgreSQL and Redis, fresh data in
# .local/multi-instance) and TWO instances of each service (the packaged jars, different ports) on that one
# PostgreSQL and Redis, then checks (scripts/multi-instance/MultiInstanceCheck.java):
#   card-limit    concurrent reservations for one customer across both instances never exceed the limit
#   account-risk  a marker written through one instance is in the next status answer of the other
#   stop-payment  orders accepted through both instances reach the bank's webhook exactly once each
# and stops everything. Exit status 0 when all hold. Ports: PostgreSQL 35432, Redis 36379, instance A 8181-8183,
# instance B 8281-8283 (their management interfaces, health and metrics, on the port + 1000). Needs bash and a JDK 17.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export FS_POSTGRES_PORT="${FS_POSTGRES_PORT:-35432}"
export FS_REDIS_PORT="${FS_REDIS_PORT:-36379}"
WORK="$ROOT/.local/multi-instance"
export FS_DATA_DIR="$WORK/data"
LOGS="$WORK/logs"
PORTS_A=(8181 8182 8183)
PORTS_B=(8281 8282 8283)
PIDS=()

stop_all() {
  trap - INT TERM EXIT
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill "${PIDS[$i]}" 2>/dev/null || true; done
  for i in "${PIDS[@]}"; do wait "$i" 2>/dev/null || true; done
}
trap stop_all INT TERM EXIT

# one instance of a service: local profile (local-stack stores, local keys), its own port, the others' A instances;
# six JVMs share this machine, so card-limit's look-up at account-risk gets 3 s instead of its production 300 ms
start_instance() {
  local index=$1 port=$2 name=$3 service=${SERVICES[$1]}
  (cd "$ROOT/$service" && exec java -Dquarkus.profile=local -Dquarkus.http.port="$port" \
      -Dquarkus.management.port=$((port + 1000)) \
      -Dquarkus.rest-client.account-risk.url="http://localhost:${PORTS_A[1]}" \
      -Dstoppayment.account-risk.url="http://localhost:${PORTS_A[1]}" \
      -Dquarkus.rest-client.account-risk.read-timeout=3000 \
      -Dio.fraudshield.cardlimit.restriction.PersonRestrictions/statusOf/Timeout/value=3000 \
      -jar target/quarkus-app/quarkus-run.jar >"$LOGS/$service-$name.log" 2>&1) &
  PIDS+=($!)
}

build_if_needed
rm -rf "$WORK"
mkdir -p "$LOGS"

echo "starting local-stack (PostgreSQL :$FS_POSTGRES_PORT, Redis :$FS_REDIS_PORT, data $FS_DATA_DIR) ..."
java -cp "$(local_stack_classpath)" io.fraudshield.localstack.LocalStack >"$LOGS/local-stack.log" 2>&1 &
PIDS+=($!)
wait_for local-stack "${PIDS[0]}" 180 "grep -qs 'local-stack ready' '$LOGS/local-stack.log'"

# A first: it migrates each database (local profile); B then starts on the migrated schema
for name in A B; do
  first=${#PIDS[@]}
  for i in "${!SERVICES[@]}"; do
    if [[ $name == A ]]; then port=${PORTS_A[$i]}; else port=${PORTS_B[$i]}; fi
    echo "starting ${SERVICES[$i]} instance $name on :$port ..."
    start_instance "$i" "$port" "$name"
  done
  for i in "${!SERVICES[@]}"; do
    if [[ $name == A ]]; then port=${PORTS_A[$i]}; else port=${PORTS_B[$i]}; fi
    wait_for "${SERVICES[$i]} $name" "${PIDS[$((first + i))]}" 180 "http_ok $((port + 1000)) /q/health/ready"
  done
done

echo
echo "two instances of each service are up on one PostgreSQL and one Redis; checking ..."
java -cp "$(local_stack_classpath)" "$ROOT/scripts/multi-instance/MultiInstanceCheck.java" \
  "${PORTS_A[0]}" "${PORTS_B[0]}" "${PORTS_A[1]}" "${PORTS_B[1]}" "${PORTS_A[2]}" "${PORTS_B[2]}"
