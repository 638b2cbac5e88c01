#!/usr/bin/env bash
# npm test: lint, type checks, unit and integration tests (real API on embedded PostgreSQL),
# the production build, and Playwright in Chromium against the built app.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
start=$(date +%s)
# each stage's heading says how long the run has taken so far: where the ~15 minutes go
stage() { echo "== $1（已用 $(( $(date +%s) - start )) 秒）"; }
bash tools/scripts/ensure-packages.sh
# Lint, type checks and unit tests of the 50 web libraries run as one process each instead of one per
# library and target (150 processes: 12 minutes of a 23-minute run on 2 cores, each tsc re-checking the
# libraries a library imports): one ESLint over the workspace, each file by its nearest eslint.config.mjs;
# two tsc programs over all web libraries (their tsconfig files are identical); one Jest with every web
# library as a project. Working on one library, `nx lint|typecheck|test <library>` still runs its own.
stage "ESLint：整个工作区"
# @nx/enforce-module-boundaries reads Nx's cached project graph: on a fresh clone there is none until an
# nx command has run, and outside `nx lint` the rule would be skipped silently (a warning per file)
npx nx show projects > /dev/null
npx eslint --flag v10_config_lookup_from_file --max-warnings 0 apps libs tools
stage "类型检查：Web 库"
npx tsc -p tsconfig.typecheck-web.json
npx tsc -p tsconfig.typecheck-web-spec.json
stage "类型检查与测试：API、共享库、Web 应用"
npx nx run-many -t typecheck test --exclude 'libs/web/**' --outputStyle=static --parallel=2
stage "单元测试：Web 库"
npx jest -c jest.web.config.cts
stage "构建"
npx nx run-many -t build --outputStyle=static --parallel=2
node tools/scripts/check-bundle.mjs
stage "进程级测试：启动、多进程、备份、强杀"
# two files at a time: they mostly wait for processes they start (171 → 114 s)
node --test --test-concurrency=2 tools/scripts/start.test.mjs tools/scripts/imports-kill.test.mjs tools/scripts/backup-cli.test.mjs tools/scripts/workers.test.mjs tools/scripts/webhooks-kill.test.mjs tools/scripts/route-preload.test.mjs tools/bench/summary.test.mjs
stage "端到端测试：Chromium（两个 worker，各自的服务器）"
npx nx run web-e2e:e2e --outputStyle=static
echo "npm test 全部通过，用时 $(( $(date +%s) - start )) 秒"
