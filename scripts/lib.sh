# Shared by scripts/*.sh and bench/*/run.sh. Needs only bash and a JDK 17.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FS_DATA_DIR="${FS_DATA_DIR:-$ROOT/.local/data}"
export FS_KEYS_DIR="${FS_KEYS_DIR:-$ROOT/.local/keys}"
SERVICES=(card-limit-service account-risk-service stop-payment-service)

# Builds (without tests) when a jar is missing or any pom.xml or source file is newer than it.
build_if_needed() {
  local stale=0 jar
  for jar in "$ROOT/local-stack/target/local-stack-1.0.0.jar" \
             "$ROOT/card-limit-service/target/quarkus-app/quarkus-run.jar" \
             "$ROOT/account-risk-service/target/quarkus-app/quarkus-run.jar" \
             "$ROOT/stop-payment-service/target/quarkus-app/quarkus-run.jar"; do
    if [[ ! -f "$jar" ]] || [[ -n "$(find "$ROOT" \( -path "$ROOT/.local" -o -name target \) -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print -quit)" ]]; then
      stale=1
      break
    fi
  done
  if [[ $stale == 1 ]]; then
    echo "building FraudShield (./mvnw -B -q -DskipTests -Dimage.skip package) ..."
    (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dimage.skip package)
  fi
}

local_stack_classpath() {
  echo "$ROOT/local-stack/target/classes:$(cat "$ROOT/local-stack/target/classpath.txt")"
}

# true when GET http://localhost:PORT/PATH answers 200 (plain bash, no curl needed)
http_ok() {
  local port=$1 path=$2 status
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
  read -r -t 5 _ status _ <&3 || status=""
  exec 3<&- 3>&-
  [[ "$status" == "200" ]]
}

# waits up to SECONDS for CHECK (a command line) to succeed; exits when process PID ends first (logs in $LOGS)
wait_for() {
  local what=$1 pid=$2 seconds=$3 check=$4 t
  for ((t = 0; t < seconds * 2; t++)); do
    if eval "$check"; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$what exited; see its log in $LOGS" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "$what was not ready after ${seconds}s; see $LOGS" >&2
  exit 1
}
