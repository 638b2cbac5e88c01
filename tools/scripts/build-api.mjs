// Builds the API with tsc (esbuild cannot emit the decorator metadata Nest needs) as ES modules,
// then rewrites the workspace path aliases into relative imports, which Node resolves by itself.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'dist/apps/api');
const aliases = {
  '@zhaoshang/shared/domain': join(out, 'libs/shared/domain/src/index.js'),
  '@zhaoshang/api/demo': join(out, 'libs/api/demo/src/index.js'),
};

rmSync(out, { recursive: true, force: true });
execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'apps/api/tsconfig.app.json'], { cwd: root, stdio: 'inherit' });

function* jsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsFiles(path);
    else if (entry.name.endsWith('.js')) yield path;
  }
}

for (const file of jsFiles(out)) {
  const source = readFileSync(file, 'utf8');
  let rewritten = source;
  for (const [alias, target] of Object.entries(aliases)) {
    let rel = relative(dirname(file), target).split('\\').join('/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    rewritten = rewritten.replaceAll(`'${alias}'`, `'${rel}'`).replaceAll(`"${alias}"`, `"${rel}"`);
  }
  if (rewritten !== source) writeFileSync(file, rewritten);
}
writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
console.log(`API built into ${relative(root, out)}`);
