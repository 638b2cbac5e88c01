// Does the committed package-lock.json agree with package.json?
// Not a byte comparison: `npm install` on another machine or with another cache adds or reorders
// other platforms' optional packages (@rollup/rollup-*, @swc/core-*, …), which is harmless. What
// matters is that every dependency package.json asks for is locked, at a version its range accepts.
// Usage: node tools/scripts/check-lockfile.mjs [lockfile] (default package-lock.json; .ci/run passes
// the copy it saved before `npm install`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const semver = require('semver');

const lockPath = process.argv[2] ?? 'package-lock.json';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const root = lock.packages?.[''] ?? {};
const problems = [];

for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
  const wanted = pkg[field] ?? {};
  const locked = root[field] ?? {};
  for (const [name, range] of Object.entries(wanted)) {
    if (locked[name] !== range) {
      problems.push(`${field}.${name}: package.json 为 "${range}"，锁文件记录为 "${locked[name] ?? '（缺少）'}"`);
      continue;
    }
    const entry = lock.packages[`node_modules/${name}`];
    if (!entry?.version) {
      problems.push(`${name}: 锁文件中没有 node_modules/${name}`);
    } else if (semver.validRange(range) && !semver.satisfies(entry.version, range, { includePrerelease: true })) {
      problems.push(`${name}: 锁定版本 ${entry.version} 不满足 package.json 的 "${range}"`);
    }
  }
  for (const name of Object.keys(locked)) {
    if (!(name in wanted)) problems.push(`${field}.${name}: 锁文件中有而 package.json 中没有`);
  }
}

if (problems.length) {
  console.error(`package-lock.json 与 package.json 不一致（${problems.length} 处），请运行 npm install 并提交锁文件：`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`package-lock.json 与 package.json 一致（${Object.keys(root.dependencies ?? {}).length + Object.keys(root.devDependencies ?? {}).length} 个直接依赖均已锁定且满足版本范围）`);
