#!/usr/bin/env bash
# Summarises a JFR recording's CPU samples (jdk.ExecutionSample) by component: each sample counts for the
# library of the innermost frame that is not the JDK's own (a HashMap.get called by Hibernate is Hibernate's).
# With "fraudshield", counts each sample for the innermost FraudShield method on its stack instead.
#   bench/jfr-components.sh RECORDING.jfr [fraudshield]
set -euo pipefail
jfr print --stack-depth 64 --events jdk.ExecutionSample "$1" | awk -v by="${2:-component}" '
function component(frame) {
  if (frame ~ /_(Subclass|ClientProxy|Bean|Observer)[.$]/) return "ArC (CDI)"
  if (frame ~ /^io\.fraudshield\./) return "FraudShield code"
  if (frame ~ /^org\.hibernate\.validator\./) return "Hibernate Validator"
  if (frame ~ /^org\.hibernate\./) return "Hibernate ORM"
  if (frame ~ /^(com\.arjuna\.|io\.narayana\.|io\.quarkus\.narayana\.|org\.jboss\.tm\.)/) return "Narayana (JTA)"
  if (frame ~ /^io\.agroal\./) return "Agroal (pool)"
  if (frame ~ /^org\.postgresql\./) return "PostgreSQL JDBC"
  if (frame ~ /^(org\.jboss\.resteasy\.|io\.quarkus\.resteasy\.)/) return "RESTEasy Reactive"
  if (frame ~ /^(io\.smallrye\.jwt\.|io\.quarkus\.smallrye\.jwt\.|org\.jose4j\.)/) return "JWT"
  if (frame ~ /^(io\.quarkus\.security\.|io\.quarkus\.vertx\.http\.runtime\.security\.)/) return "Quarkus Security"
  if (frame ~ /^io\.quarkus\.arc\./) return "ArC (CDI)"
  if (frame ~ /^com\.fasterxml\.jackson\./) return "Jackson"
  if (frame ~ /^(io\.micrometer\.|io\.quarkus\.micrometer\.)/) return "Micrometer"
  if (frame ~ /^(io\.opentelemetry\.|io\.quarkus\.opentelemetry\.)/) return "OpenTelemetry"
  if (frame ~ /^(io\.smallrye\.context\.|org\.eclipse\.microprofile\.context\.)/) return "context propagation"
  if (frame ~ /^io\.smallrye\.mutiny\./) return "Mutiny"
  if (frame ~ /^org\.jboss\.threads\./) return "worker pool (JBoss Threads)"
  if (frame ~ /^(org\.jboss\.logging\.|org\.jboss\.logmanager\.|io\.quarkus\.bootstrap\.logging\.)/) return "logging"
  if (frame ~ /^com\.github\.benmanes\.caffeine\./) return "Caffeine"
  if (frame ~ /^(io\.vertx\.|io\.quarkus\.vertx\.)/) return "Vert.x"
  if (frame ~ /^io\.netty\./) return "Netty"
  if (frame ~ /^(io\.smallrye\.config\.|org\.eclipse\.microprofile\.config\.)/) return "config"
  if (frame ~ /^io\.quarkus\./) return "Quarkus (other)"
  split(frame, part, "."); return "other: " part[1] "." part[2]
}
/stackTrace = \[/ { inside = 1; found = ""; next }
inside && /^[ \t]*\]/ { count[found != "" ? found : by == "fraudshield" ? "(no FraudShield frame)" : "JDK only (GC, JIT, threads)"]++; total++; inside = 0; next }
inside && found == "" {
  frame = $1
  if (by == "fraudshield") { if (frame ~ /^io\.fraudshield\./) { found = frame; sub(/\(.*/, "", found) } }
  else if (frame !~ /^(java\.|javax\.|jdk\.|sun\.|com\.sun\.)/ && frame != "...") found = component(frame)
}
END { for (c in count) printf "%d\t%s\t%d\n", count[c], c, total }' \
  | sort -t$'\t' -k1,1rn | awk -F'\t' -v by="${2:-component}" 'BEGIN { print "| " (by == "fraudshield" ? "FraudShield method" : "component") " | share of CPU samples |"; print "|---|---|" }
      { printf "| %s | %.1f %% |\n", $2, 100 * $1 / $3; total = $3 } END { printf "(%d samples)\n", total }'
