#!/usr/bin/env bash
# Benchmarks card-limit-service's authenticated GET of one reservation against the unauthenticated 401 of the
# same route, in one run, and profiles the GET; prints what bench/card-limit/RESULTS.md records under
# "Authenticated GET by id". Not part of ./mvnw verify.
#   bench/card-limit/get.sh [seconds per measurement, default 20] [connections, default 16]
# Starts its own local-stack (fresh data in a temp folder, ports 29432/29379, apart from the other benches) and the
# packaged service in the production profile; writes one held reservation of bank B102 straight into the table.
# The token is verified once and then served from the verified-token cache, as a bank core system's token is.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
seconds=${1:-20}
connections=${2:-16}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
build_if_needed

work=$(mktemp -d)
export FS_DATA_DIR="$work/data" FS_KEYS_DIR="$work/keys" FS_POSTGRES_PORT=29432 FS_REDIS_PORT=29379
java -cp "$(local_stack_classpath)" io.fraudshield.localstack.LocalStack >"$work/local-stack.log" 2>&1 &
stack=$!
service=""
stubs=""
trap '[[ -n $service ]] && kill $service 2>/dev/null; [[ -n $stubs ]] && kill $stubs 2>/dev/null; kill $stack 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do grep -qs 'local-stack ready' "$work/local-stack.log" && break; sleep 0.5; done

# the identity provider (service tokens) and account-risk (an empty marker feed), neither used by the measured route
stub=18092
python3 - "$stub" >"$work/stub.log" 2>&1 <<'PY' &
import http.server, json, sys
class Stub(http.server.BaseHTTPRequestHandler):
    def do_GET(self): self.answer()
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length') or 0)); self.answer()
    def answer(self):
        if self.path.startswith('/idp/token'): body = {'access_token': 'bench', 'token_type': 'Bearer', 'expires_in': 3300}
        elif self.path.startswith('/v1/marker-events'): body = {'events': [], 'next': 0, 'head': 0}
        else: body = {'restricted': False, 'measures': []}
        data = json.dumps(body).encode()
        self.send_response(200); self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data))); self.end_headers(); self.wfile.write(data)
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), Stub).serve_forever()
PY
stubs=$!
port=18091
# the production profile serves health on its management interface
management=19091
(cd "$ROOT/card-limit-service" && \
  DB_URL="jdbc:postgresql://localhost:$FS_POSTGRES_PORT/cardlimit" DB_USER=cardlimit_runtime DB_PASSWORD=cardlimit_runtime \
  DB_MIGRATE=true DB_OWNER_USER=cardlimit_owner DB_OWNER_PASSWORD=cardlimit_owner \
  REDIS_URL="redis://localhost:$FS_REDIS_PORT" JWT_ISSUER=https://fraudshield.local/issuer JWT_AUDIENCE=card-limit-service \
  JWT_PUBLIC_KEY_LOCATION="$FS_KEYS_DIR/jwt-verification-key.pem" \
  SERVICE_TOKEN_ENDPOINT=http://127.0.0.1:$stub/idp/token SERVICE_CLIENT_ID=card-limit-service SERVICE_CLIENT_SECRET=bench \
  ACCOUNT_RISK_URL=http://127.0.0.1:$stub \
  PSEUDONYM_ACTIVE_KEY_ID=bench FRAUDSHIELD_PSEUDONYM_KEYS_BENCH=YmVuY2htYXJrLW9ubHktbm90LWEtc2VjcmV0LWtleS0wMDAx \
  AUDIT_ACTIVE_KEY_ID=bench FRAUDSHIELD_AUDIT_KEYS_BENCH=YmVuY2htYXJrLWF1ZGl0LW9ubHktbm90LWEtc2VjcmV0LTAwMQ== \
  exec java -Xmx512m -Dquarkus.http.port=$port -Dquarkus.management.port=$management -Dquarkus.log.level=WARN \
    -jar target/quarkus-app/quarkus-run.jar >"$work/card-limit-service.log" 2>&1) &
service=$!
for _ in $(seq 1 120); do curl -sf localhost:$management/q/health/ready >/dev/null && break; sleep 0.5; done
curl -sf localhost:$management/q/health/ready >/dev/null || { tail -30 "$work/card-limit-service.log"; exit 1; }

id=6f1c1a6e-0d7b-4c35-9a43-5b0c1f2e9d10
psql -q -h localhost -p $FS_POSTGRES_PORT -U postgres cardlimit -c "insert into card_slot
  (id, bank, customer_ref, account_class, card_category, state, channel, held_until, created_by)
  values ('$id', 'B102', 'bench-customer-ref', 'CLASS_II', 'DEBIT_CARD', 'HELD', 'COUNTER', now() + interval '1 day', 'bench')"
TOKEN=$("$ROOT/scripts/token.sh" card-limit-service bank B102)
url=http://localhost:$port/v1/slot-reservations/$id
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$url") == 200 ]] || { echo "GET is not 200"; exit 1; }
[[ $(curl -s -o /dev/null -w '%{http_code}' "$url") == 401 ]] || { echo "GET without a token is not 401"; exit 1; }

report="$work/report.lua"
cat >"$report" <<'LUA'
done = function(summary, latency)
  io.write(string.format("%.0f req/s  p50 %.2f ms  p99 %.2f ms  non-2xx %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
LUA
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); wrk 2 threads, c=$connections, $seconds s each"
wrk -t2 -c"$connections" -d10s "$url" >/dev/null
wrk -t2 -c"$connections" -d10s -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
# alternated, twice each, so a neighbour's burst on the shared machine does not land on one side only
for round in 1 2; do
  printf 'unauthenticated 401 (round %s):  ' $round; wrk -t2 -c"$connections" -d"${seconds}s" -s "$report" "$url" | tail -1
  printf 'authenticated GET  (round %s):  ' $round
  wrk -t2 -c"$connections" -d"${seconds}s" -s "$report" -H "Authorization: Bearer $TOKEN" "$url" | tail -1
done

pid=$(pgrep -f "quarkus.http.port=$port" | head -1)
# the JDK's "profile" settings, sampling every millisecond instead of every 10 ms: more samples in the same run
sed 's|<setting name="period" control="method-sampling-java-interval">10 ms</setting>|<setting name="period" control="method-sampling-java-interval">1 ms</setting>|' \
  "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" >"$work/sampling.jfc"
for what in authenticated unauthenticated; do
  jcmd "$pid" JFR.start name=$what filename="$work/$what.jfr" settings="$work/sampling.jfc" >/dev/null
  if [[ $what == authenticated ]]; then auth=(-H "Authorization: Bearer $TOKEN"); else auth=(); fi
  wrk -t2 -c"$connections" -d"${seconds}s" "${auth[@]}" "$url" >/dev/null
  jcmd "$pid" JFR.stop name=$what >/dev/null
  echo "== profile: $what GET, by component (innermost non-JDK frame of each CPU sample)"
  "$ROOT/bench/jfr-components.sh" "$work/$what.jfr"
  echo "== profile: $what GET, FraudShield methods (innermost FraudShield frame, top 8)"
  "$ROOT/bench/jfr-components.sh" "$work/$what.jfr" fraudshield | head -11
done
