#!/usr/bin/env bash
# Installs the workspace and runs every check CI runs: lint, types (tsc and
# vue-tsc), the designer's build, then the tests (the browser end-to-end test
# drives Debian's Chromium, installed here when missing; no browser is ever
# downloaded).
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
PNPM="npx -y pnpm@12.21.0"
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
    || echo "warning: could not install chromium; the browser end-to-end tests will be skipped" >&2
fi
$PNPM install --frozen-lockfile
$PNPM run lint
$PNPM run typecheck
$PNPM run typecheck:designer
$PNPM run build:designer
$PNPM run test
