// After the web build, before compress-web.mjs: writes into index.html the chunks the 驾驶舱 route
// needs beyond the first download — the chunks of the shell and of the dashboard feature and all they
// import statically — as <meta name="zs-route-chunks-dashboard" content="chunk-….js …">. The app reads
// it at start for a leader (apps/web/src/app/first-load.ts) and asks for them all at once, instead
// of the browser discovering them level by level as each arrives (issue 13). Read from the build's
// esbuild metafile (stats.json, the `statsJson` option). Usage: node tools/scripts/route-preload.mjs [dist/apps/web]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const META_NAME = 'zs-route-chunks-dashboard';
/** the route's lazily loaded modules, as the routes import them (app.routes → shell → NAV_ENTRIES) */
export const ROUTE_ENTRIES = ['libs/web/shell/feature/src/index.ts', 'libs/web/dashboard/feature-dashboard/src/index.ts'];

/** The output files of `entries` and everything they import statically, minus what index.html loads anyway. */
export function routeChunks(stats, entries, indexHtml) {
  const outputs = stats.outputs;
  const starts = Object.keys(outputs).filter((file) => entries.includes(outputs[file].entryPoint));
  if (starts.length !== entries.length) {
    const found = starts.map((file) => outputs[file].entryPoint);
    throw new Error(`stats.json 中找不到这些入口的输出：${entries.filter((e) => !found.includes(e)).join('、')}`);
  }
  const seen = new Set();
  const queue = [...starts];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && imported.path.endsWith('.js')) queue.push(imported.path);
    }
  }
  return [...seen].filter((file) => !indexHtml.includes(`"${file}"`));
}

/** index.html with the meta element (replacing an earlier one: the step may run twice on one build). */
export function withRouteMeta(indexHtml, files) {
  const meta = `<meta name="${META_NAME}" content="${files.join(' ')}">`;
  const without = indexHtml.replace(new RegExp(`<meta name="${META_NAME}"[^>]*>`), '');
  return without.replace('</head>', `${meta}</head>`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? 'dist/apps/web');
  const indexPath = join(dist, 'browser/index.html');
  const indexHtml = readFileSync(indexPath, 'utf8');
  const files = routeChunks(JSON.parse(readFileSync(join(dist, 'stats.json'), 'utf8')), ROUTE_ENTRIES, indexHtml);
  writeFileSync(indexPath, withRouteMeta(indexHtml, files));
  console.log(`驾驶舱路由预加载：${files.length} 个分块写入 index.html（${META_NAME}）`);
}
