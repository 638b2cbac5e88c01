#!/usr/bin/env bash
# npm test: lint, type checks, unit and integration tests (real API on embedded PostgreSQL),
# the production build, and Playwright in Chromium against the built app.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
start=$(date +%s)
bash tools/scripts/ensure-packages.sh
npx nx run-many -t lint typecheck test --outputStyle=static --parallel=2
npx nx run-many -t build --outputStyle=static --parallel=2
node tools/scripts/check-bundle.mjs
node --test tools/scripts/start.test.mjs tools/scripts/imports-kill.test.mjs tools/scripts/backup-cli.test.mjs tools/scripts/workers.test.mjs tools/scripts/webhooks-kill.test.mjs tools/scripts/route-preload.test.mjs
npx nx run web-e2e:e2e --outputStyle=static
echo "npm test 全部通过，用时 $(( $(date +%s) - start )) 秒"
