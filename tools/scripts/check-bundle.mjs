// Angular's budgets count raw bytes; what a phone on a slow line pays is the gzip size of what
// index.html loads before the first page shows. Print it, and fail above the budget.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = { js: 250, css: 60 };
const dir = resolve(process.argv[2] ?? 'dist/apps/web/browser');
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const files = { js: new Set(), css: new Set() };
for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) files.js.add(src);
for (const [, href] of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) files.js.add(href);
for (const [, href] of html.matchAll(/<link[^>]+href="([^"]+\.css)"/g)) files.css.add(href);

let failed = false;
for (const kind of ['js', 'css']) {
  let raw = 0;
  let gzip = 0;
  for (const file of files[kind]) {
    const bytes = readFileSync(join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`首屏 ${kind.toUpperCase()}：${files[kind].size} 个文件，${kb(raw)} kB，gzip ${kb(gzip)} kB（预算 ${BUDGET_KB[kind]} kB）`);
  if (gzip / 1024 > BUDGET_KB[kind]) failed = true;
}
if (failed) {
  console.error('首屏体积超出预算：请检查是否把页面或图表库打进了首屏包');
  process.exit(1);
}
