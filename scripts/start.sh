#!/usr/bin/env bash
# Installs the workspace, builds the designer and runs the main job (the
# server serves the designer at / and the API at /api).
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
PNPM="npx -y pnpm@12.21.0"
$PNPM install --frozen-lockfile
$PNPM run build:designer
$PNPM run start
