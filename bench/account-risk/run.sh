#!/usr/bin/env bash
# Benchmarks account-risk-service's status queries on this machine and prints the numbers recorded in
# bench/account-risk/RESULTS.md. Not part of ./mvnw verify.
#   bench/account-risk/run.sh [seconds per run, default 20]
#   APP=/path/to/quarkus-app bench/account-risk/run.sh ...   measures that packaged build instead (e.g. a copy of
#   main's account-risk-service/target/quarkus-app, for a before/after in the same hour); KEEP_JFR=/tmp/x keeps the
#   profiles' recordings as /tmp/x-clear.jfr and /tmp/x-batch.jfr (bench/jfr-components.sh summarises them)
# Starts its own local-stack (fresh data in a temp folder, ports 27432/28379, apart from the other benches) and the packaged service in the
# production profile, marks 200 accounts, then measures with wrk (Debian package) at 8 and 32 connections:
# a trivial JSON endpoint of the same service (/q/health/live, the issue's ceiling: management port, no token, no
# REST layer), an authenticated no-op on the API port (a police token's quota: same stack, no business work),
# single-account queries for never-marked
# (CLEAR) and marked accounts, and 1,000-account batches. The platform's bucket is sized so it never empties:
# the bucket's Redis round trip is still paid, once per lease of tokens.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
seconds=${1:-20}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
build_if_needed
app=${APP:-$ROOT/account-risk-service/target/quarkus-app}

work=$(mktemp -d)
export FS_DATA_DIR="$work/data" FS_KEYS_DIR="$work/keys" FS_POSTGRES_PORT=27432 FS_REDIS_PORT=28379
java -cp "$(local_stack_classpath)" io.fraudshield.localstack.LocalStack >"$work/local-stack.log" 2>&1 &
stack=$!
service=""
trap '[[ -n $service ]] && kill $service 2>/dev/null; kill $stack 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -qs 'local-stack ready' "$work/local-stack.log" && break; sleep 0.5; done

TOKEN_PLATFORM=$("$ROOT/scripts/token.sh" account-risk-service payment-institution PAYBENCH)
TOKEN_POLICE=$("$ROOT/scripts/token.sh" account-risk-service police GA3301)
(cd "$ROOT/account-risk-service" && \
  DB_URL="jdbc:postgresql://localhost:$FS_POSTGRES_PORT/accountrisk" DB_USER=accountrisk_runtime \
  DB_PASSWORD=accountrisk_runtime DB_MIGRATE=true DB_OWNER_USER=accountrisk_owner DB_OWNER_PASSWORD=accountrisk_owner \
  REDIS_URL="redis://localhost:$FS_REDIS_PORT" JWT_ISSUER=https://fraudshield.local/issuer JWT_AUDIENCE=account-risk-service \
  JWT_PUBLIC_KEY_LOCATION="$FS_KEYS_DIR/jwt-verification-key.pem" PSEUDONYM_ACTIVE_KEY_ID=bench \
  FRAUDSHIELD_PSEUDONYM_KEYS_BENCH=YmVuY2htYXJrLW9ubHktbm90LWEtc2VjcmV0LWtleS0wMDAx \
  AUDIT_ACTIVE_KEY_ID=bench FRAUDSHIELD_AUDIT_KEYS_BENCH=YmVuY2htYXJrLWF1ZGl0LW9ubHktbm90LWEtc2VjcmV0LTAwMQ== \
  exec java -Xmx512m -Dquarkus.http.port=18082 -Dquarkus.management.port=19082 -Dquarkus.log.level=WARN \
    '-Daccountrisk.antiscan.participants."PAYBENCH"=BENCH' -Daccountrisk.antiscan.tiers.BENCH.capacity=1000000000 \
    -Daccountrisk.antiscan.tiers.BENCH.refill-per-minute=1000000000 \
    -jar "$app/quarkus-run.jar" >"$work/account-risk-service.log" 2>&1) &
service=$!
for _ in $(seq 1 120); do curl -sf localhost:19082/q/health/ready >/dev/null && break; sleep 0.5; done

account() { printf '{"bank":"B%03d","accountNumber":"62170%014d"}' $(( $1 % 50 )) "$1"; }
echo "marking 200 accounts ..."
for n in $(seq 1 200); do
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN_POLICE" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: bench-$n" localhost:18082/v1/account-markers \
    -d "$(account $n | sed 's/}$//'),\"category\":\"HIGH_RISK\",\"level\":\"GREY\",\"reasonCode\":\"POLICE_PUSH\"}"
done
for n in $(seq 1 200); do echo "{\"accounts\":[$(account $n)]}"; done >"$work/flagged.ndjson"
for n in $(seq 100001 120000); do echo "{\"accounts\":[$(account $n)]}"; done >"$work/clear.ndjson"
for b in $(seq 0 19); do
  printf '{"accounts":['
  for n in $(seq $((200001 + b * 1000)) $((200000 + b * 1000 + 999))); do
    [[ $n -gt $((200001 + b * 1000)) ]] && printf ','
    if (( n % 100 == 0 )); then account $(( n % 200 + 1 )); else account "$n"; fi
  done
  printf ']}\n'
done >"$work/batch.ndjson"
# every CLEAR account asked once, in 1,000-account batches: a 5 s warm-up at 8 connections does not reach all 20,000
# on a busy machine, and the single-account runs would measure first sightings (PostgreSQL loads) instead of the
# cached path
awk '{sub(/^\{"accounts":\[/, ""); sub(/\]\}$/, ""); b = b (NR % 1000 == 1 ? "" : ",") $0
      if (NR % 1000 == 0) { print "{\"accounts\":[" b "]}"; b = "" }}' "$work/clear.ndjson" | while read -r body; do
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN_PLATFORM" -H 'Content-Type: application/json' \
    localhost:18082/v1/account-status-queries -d "$body"
done

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); wrk $seconds s per run, 2 threads"
measure() {
  local name=$1 connections=$2; shift 2
  printf '%-34s c=%-3s ' "$name" "$connections"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" 2>&1 \
    | awk '/Requests\/sec/{rps=$2} /p50 .* p99/{lat=$0} END{printf "%10s req/s  %s\n", rps, lat}'
}
trivial_lua="$work/get.lua"
cat >"$trivial_lua" <<'LUA'
done = function(summary, latency)
  io.write(string.format("p50 %.2f ms  p99 %.2f ms  non-2xx %d\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status))
end
LUA
for c in 8 32; do
  # warm-up: the JIT, the token cache, and the snapshot caches for every account asked about below
  for f in clear flagged batch; do TOKEN=$TOKEN_PLATFORM BODIES="$work/$f.ndjson" wrk -t2 -c"$c" -d5s \
    -s "$(dirname "$0")/post.lua" http://localhost:18082/v1/account-status-queries >/dev/null; done
  measure "trivial JSON (GET /q/health/live)" "$c" -s "$trivial_lua" http://localhost:19082/q/health/live
  measure "quota (token + Redis bucket read)" "$c" -s "$trivial_lua" -H "Authorization: Bearer $TOKEN_PLATFORM" \
    http://localhost:18082/v1/quota
  # the same HTTP stack and token check as a status query with no business work: police are never metered, so their
  # quota is a constant answered on the event loop (a reference for how much of the gap is the stack itself)
  measure "authenticated no-op (quota, police)" "$c" -s "$trivial_lua" -H "Authorization: Bearer $TOKEN_POLICE" \
    http://localhost:18082/v1/quota
  for f in clear flagged batch; do
    TOKEN=$TOKEN_PLATFORM BODIES="$work/$f.ndjson" measure "status query: $f" "$c" \
      -s "$(dirname "$0")/post.lua" http://localhost:18082/v1/account-status-queries
  done
done
curl -s localhost:19082/q/metrics | grep -E '^accountrisk_(status_snapshots|antiscan_bucket_scripts)_total' || true

# profile: JFR execution samples during one single-account and one batch run at 8 connections, by top frame
# and by the first io.fraudshield frame on the stack
profile() {
  local name=$1 file=$2 jfr="$work/$1.jfr"
  jcmd "$service_pid" JFR.start name="$name" filename="$jfr" settings=profile >/dev/null
  TOKEN=$TOKEN_PLATFORM BODIES="$work/$file.ndjson" wrk -t2 -c8 -d"${seconds}s" -s "$(dirname "$0")/post.lua" \
    http://localhost:18082/v1/account-status-queries >/dev/null
  jcmd "$service_pid" JFR.stop name="$name" >/dev/null
  if [[ -n ${KEEP_JFR:-} ]]; then cp "$jfr" "$KEEP_JFR-$name.jfr"; fi
  echo "== profile: status query $name, c=8 — share of CPU samples by top frame (top 12)"
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$jfr" | awk '/stackTrace = \[/{getline; sub(/^ +/, ""); sub(/line:.*/, ""); print}' \
    | sort | uniq -c | sort -rn | awk '{n+=$1; c[NR]=$1; $1=""; l[NR]=$0} END{for(i=1;i<=12&&i<=NR;i++) printf "  %5.1f %%  %s\n", 100*c[i]/n, l[i]}'
  echo "== profile: status query $name, c=8 — by the innermost FraudShield frame (top 10)"
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$jfr" | awk '/stackTrace = \[/{inside=1; found=0; next} inside && /io\.fraudshield\./ && !found {l=$0; sub(/^ +/, "", l); sub(/line:.*/, "", l); print l; found=1} /^ *\]/{if(inside && !found) print "(outside FraudShield code)"; inside=0}' \
    | sort | uniq -c | sort -rn | awk '{n+=$1; c[NR]=$1; $1=""; l[NR]=$0} END{for(i=1;i<=10&&i<=NR;i++) printf "  %5.1f %%  %s\n", 100*c[i]/n, l[i]}'
}
service_pid=$(pgrep -f "quarkus.http.port=18082" | head -1)
profile clear clear
profile batch batch
