#!/usr/bin/env bash
# Installs the workspace and runs every check CI runs: lint, types, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
PNPM="npx -y pnpm@12.21.0"
$PNPM install --frozen-lockfile
$PNPM run lint
$PNPM run typecheck
$PNPM run test
