#!/usr/bin/env bash
# Prints a short-lived bearer token signed with the local key pair (made on first use in .local/keys,
# git-ignored) that the run command's services trust. A token is for one service (its audience) only.
#   scripts/token.sh SERVICE ROLE PARTICIPANT [SUBJECT] [TTL_SECONDS]
#   SERVICE: card-limit-service | account-risk-service | stop-payment-service
#   ROLE: bank | payment-institution | police | regulator | auditor | admin
# Example: curl -H "Authorization: Bearer $(scripts/token.sh card-limit-service auditor AUD01)" localhost:8081/v1/audit-chain/verification
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ ! -f "$ROOT/local-stack/target/classpath.txt" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl local-stack package) >&2
fi
exec java -cp "$(local_stack_classpath)" io.fraudshield.localstack.TokenMain "$@"
