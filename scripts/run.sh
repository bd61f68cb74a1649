#!/usr/bin/env bash
# Runs FraudShield locally: builds if needed, starts real PostgreSQL and Redis (local-stack, data kept in
# .local/data) and the three services, waits until each is ready, and stops everything on Ctrl-C.
# Ports: FS_POSTGRES_PORT (15432), FS_REDIS_PORT (16379); services on 8081, 8082, 8083; their management
# interfaces (health, metrics: the packaged app has one, as in production) on 9081, 9082, 9083.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export FS_POSTGRES_PORT="${FS_POSTGRES_PORT:-15432}"
export FS_REDIS_PORT="${FS_REDIS_PORT:-16379}"
LOGS="$ROOT/.local/logs"
PORTS=(8081 8082 8083)
MANAGEMENT_PORTS=(9081 9082 9083)
PIDS=()

stop_all() {
  trap - INT TERM EXIT
  echo
  echo "stopping ..."
  local pid
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill "${PIDS[$i]}" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "stopped."
}
trap stop_all INT TERM EXIT

build_if_needed
mkdir -p "$LOGS"

echo "starting local-stack (PostgreSQL :$FS_POSTGRES_PORT, Redis :$FS_REDIS_PORT) ..."
# empty the log first: the background redirect truncates it only once the child runs, and an old
# "local-stack ready" line would start the services before PostgreSQL
: >"$LOGS/local-stack.log"
java -cp "$(local_stack_classpath)" io.fraudshield.localstack.LocalStack >"$LOGS/local-stack.log" 2>&1 &
PIDS+=($!)
wait_for local-stack "${PIDS[0]}" 120 "grep -qs 'local-stack ready' '$LOGS/local-stack.log'"

for i in "${!SERVICES[@]}"; do
  service=${SERVICES[$i]}
  echo "starting $service on :${PORTS[$i]} ..."
  (cd "$ROOT/$service" && exec java -Dquarkus.profile=local -Dquarkus.http.port="${PORTS[$i]}" \
      -Dquarkus.management.port="${MANAGEMENT_PORTS[$i]}" \
      -jar target/quarkus-app/quarkus-run.jar >"$LOGS/$service.log" 2>&1) &
  PIDS+=($!)
done
for i in "${!SERVICES[@]}"; do
  wait_for "${SERVICES[$i]}" "${PIDS[$((i + 1))]}" 120 "http_ok ${MANAGEMENT_PORTS[$i]} /q/health/ready"
done

cat <<INFO

FraudShield is ready (logs in .local/logs, data in .local/data).
INFO
for i in "${!SERVICES[@]}"; do
  port=${PORTS[$i]}
  printf '  %-22s http://localhost:%s  swagger-ui: /q/swagger-ui  openapi: /q/openapi\n' "${SERVICES[$i]}" "$port"
  printf '  %-22s http://localhost:%s  health: /q/health/ready  metrics: /q/metrics\n' "" "${MANAGEMENT_PORTS[$i]}"
done
cat <<INFO

Get a token for one service (roles: bank, payment-institution, police, regulator, auditor, admin):
  TOKEN=\$(scripts/token.sh card-limit-service auditor AUD01)
  curl -H "Authorization: Bearer \$TOKEN" http://localhost:8081/v1/audit-chain/verification

Press Ctrl-C to stop everything.
INFO
wait -n "${PIDS[@]}" || true
echo "a process exited; stopping the rest (see .local/logs)" >&2
