# Shared by scripts/run.sh and scripts/token.sh. Needs only bash and a JDK 17.
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
