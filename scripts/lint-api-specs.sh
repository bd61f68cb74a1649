#!/usr/bin/env bash
# Lints the published contract (api-specs/*.yaml) with Spectral (ruleset spectral:oas) and Redocly
# (ruleset recommended), both from npm at pinned versions, installed once into .local/npm-tools.
# Fails on any error or warning. Needs Node.js 18+ (npm). Results are recorded in docs/api-compatibility.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPECTRAL_VERSION=6.16.3
REDOCLY_VERSION=2.77.0
TOOLS="$ROOT/.local/npm-tools"

if [[ ! -x "$TOOLS/node_modules/.bin/spectral" || ! -x "$TOOLS/node_modules/.bin/redocly" ]] \
   || ! grep -q "\"$SPECTRAL_VERSION\"" "$TOOLS/node_modules/@stoplight/spectral-cli/package.json" 2>/dev/null \
   || ! grep -q "\"$REDOCLY_VERSION\"" "$TOOLS/node_modules/@redocly/cli/package.json" 2>/dev/null; then
  mkdir -p "$TOOLS"
  (cd "$TOOLS" && npm install --silent --no-audit --no-fund --cache "$ROOT/.local/npm-cache" \
    "@stoplight/spectral-cli@$SPECTRAL_VERSION" "@redocly/cli@$REDOCLY_VERSION" >/dev/null)
fi
export PATH="$TOOLS/node_modules/.bin:$PATH"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

echo 'extends: ["spectral:oas"]' > "$TOOLS/.spectral.yaml"
status=0
for spec in "$ROOT"/api-specs/*.yaml; do
  echo "== $(basename "$spec")"
  spectral lint --ruleset "$TOOLS/.spectral.yaml" --fail-severity=hint "$spec" || status=1
  redocly lint --extends=recommended --max-problems=200 "$spec" || status=1
done
exit $status
