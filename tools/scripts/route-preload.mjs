// After the web build, before compress-web.mjs: writes into index.html the chunks the 驾驶舱 route
// needs beyond the first download — the chunks of the shell and of the dashboard feature and all they
// import statically — as <meta name="zs-route-chunks-dashboard" content="chunk-….js …">. The app reads
// it at start for a leader (apps/web/src/app/first-load.ts) and asks for them all at once, instead
// of the browser discovering them level by level as each arrives (issue 13). Read from the build's
// esbuild metafile (stats.json, the `statsJson` option). Also starts those scripts and the first download's with V8's
// compile hint (COMPILE_HINT) and keeps the service worker's manifest true to every file it changed.
// Usage: node tools/scripts/route-preload.mjs [dist/apps/web]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const META_NAME = 'zs-route-chunks-dashboard';
/** the route's lazily loaded modules, as the routes import them (app.routes → shell → NAV_ENTRIES) */
export const ROUTE_ENTRIES = ['libs/web/shell/feature/src/index.ts', 'libs/web/dashboard/feature-dashboard/src/index.ts'];

/**
 * The JS file a lazily loaded module is bundled into: esbuild's metafile names it as the output's
 * entry point; after the build's chunk optimisation (NG_BUILD_OPTIMIZE_CHUNKS, apps/web/.env) the
 * rewritten metafile has no entry points, and the module is found among the output's inputs.
 */
function outputOf(outputs, entry) {
  const files = Object.keys(outputs).filter((file) => file.endsWith('.js'));
  return files.find((file) => outputs[file].entryPoint === entry) ?? files.find((file) => Object.hasOwn(outputs[file].inputs ?? {}, entry));
}

/** The output files of `entries` and everything they import statically, minus what index.html loads anyway. */
export function routeChunks(stats, entries, indexHtml) {
  const outputs = stats.outputs;
  const starts = entries.map((entry) => outputOf(outputs, entry));
  if (starts.includes(undefined)) {
    throw new Error(`stats.json 中找不到这些入口的输出：${entries.filter((_, i) => starts[i] === undefined).join('、')}`);
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

/**
 * Every chunk the app's entry (main) imports statically, however deep: the browser needs them all
 * before the first page. Angular's build lists at most 10 of them in index.html as modulepreload
 * links; past that (11 with the service worker's code) the rest — @angular/core's chunk among them —
 * was found only once main.js had arrived and been parsed: one round trip more on a cold start.
 */
export function initialChunks(stats) {
  const main = outputOf(stats.outputs, 'apps/web/src/main.ts');
  if (!main) throw new Error('stats.json 中找不到 apps/web/src/main.ts 的输出');
  const seen = new Set();
  const queue = [main];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of stats.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && imported.path.endsWith('.js')) queue.push(imported.path);
    }
  }
  seen.delete(main);
  return [...seen];
}

/** index.html with a modulepreload link for each of `files` it does not name yet, before its main script */
export function withInitialPreloads(indexHtml, files) {
  const missing = files.filter((file) => !indexHtml.includes(`"${file}"`));
  if (missing.length === 0) return indexHtml;
  const links = missing.map((file) => `<link rel="modulepreload" href="${file}">`).join('');
  return indexHtml.replace(/<script src="main-/, `${links}<script src="main-`);
}

/**
 * index.html with the meta element (replacing an earlier one: the step may run twice on one build),
 * just before the early script (apps/web/public/first-load.js) that reads it as soon as it runs: the
 * parser has read the meta before it even asks for the script.
 */
export function withRouteMeta(indexHtml, files) {
  const meta = `<meta name="${META_NAME}" content="${files.join(' ')}">`;
  const without = indexHtml.replace(new RegExp(`<meta name="${META_NAME}"[^>]*>`), '');
  const early = without.indexOf('<script src="first-load.js"');
  if (early < 0) return without.replace('</head>', `${meta}</head>`);
  return `${without.slice(0, early)}${meta}${without.slice(early)}`;
}

/**
 * V8's explicit compile hint (Chrome 136+): a file that starts with this comment has all its functions
 * compiled at once, on a background thread while it streams in, instead of each on the main thread when
 * first called. Given to the files the 驾驶舱 runs before its first chart (main, the chunks it imports, the
 * route's chunks): on a phone at CPU 4× over slow 4G the first chart came ~0.3 s sooner cold and ~0.2 s
 * on the second visit (tools/bench/README.md, "Compile hints"). Not to the other pages' chunks.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** The script with the compile hint as its first line (once: the step may run twice on one build). */
export function withCompileHint(source) {
  return source.startsWith(COMPILE_HINT) ? source : `${COMPILE_HINT}${source}`;
}

/**
 * The service worker's manifest (ngsw.json, written by the build before this step) with the new hash of
 * each file this step changed (index.html, the hinted scripts; `files`: URL → content): the worker
 * checks every file it caches against the manifest and would refuse a changed file (and with it the
 * whole version) otherwise.
 */
export function withHashes(manifestJson, files) {
  const manifest = JSON.parse(manifestJson);
  for (const [url, content] of Object.entries(files)) manifest.hashTable[url] = createHash('sha1').update(content).digest('hex');
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * The service worker's manifest with `files` (the 驾驶舱 route's chunks and the chunks main imports)
 * moved from the lazily cached group into the first group it installs at once ("app" in
 * ngsw-config.json). Lazily cached, they were first put in the worker's cache on the second visit
 * (the first ran before the worker): fetched through it, hashed and stored while the leader waited —
 * 0.5–0.8 s of the phone's warm start at CPU 4× (issue 13). Installed with the app, they come from the
 * worker's cache from the second visit on; for whoever has just opened the 驾驶舱 the install reads
 * them from the HTTP cache (immutable), for the others it downloads them once per version, after the
 * first page is done.
 */
export function withPrefetched(manifestJson, files) {
  const manifest = JSON.parse(manifestJson);
  const prefetch = manifest.assetGroups.find((group) => group.installMode === 'prefetch');
  if (!prefetch) throw new Error('ngsw.json 中没有 installMode 为 prefetch 的资源组');
  const urls = new Set(files.map((file) => `/${file}`));
  for (const group of manifest.assetGroups) {
    if (group !== prefetch) group.urls = group.urls.filter((url) => !urls.has(url));
  }
  prefetch.urls = [...prefetch.urls, ...[...urls].filter((url) => !prefetch.urls.includes(url))];
  const unknown = [...urls].filter((url) => !(url in manifest.hashTable));
  if (unknown.length > 0) throw new Error(`ngsw.json 的 hashTable 中没有：${unknown.join('、')}`);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? 'dist/apps/web');
  const indexPath = join(dist, 'browser/index.html');
  const stats = JSON.parse(readFileSync(join(dist, 'stats.json'), 'utf8'));
  const indexHtml = withInitialPreloads(readFileSync(indexPath, 'utf8'), initialChunks(stats));
  const files = routeChunks(stats, ROUTE_ENTRIES, indexHtml);
  const written = withRouteMeta(indexHtml, files);
  writeFileSync(indexPath, written);
  const initial = [...written.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="((?:main|chunk)-[^"]+\.js)"/g)].map((m) => m[1]);
  const changed = { '/index.html': written };
  for (const file of [...initial, ...files]) {
    const path = join(dist, 'browser', file);
    const hinted = withCompileHint(readFileSync(path, 'utf8'));
    writeFileSync(path, hinted);
    changed[`/${file}`] = hinted;
  }
  const manifestPath = join(dist, 'browser/ngsw.json');
  if (existsSync(manifestPath)) {
    const prefetched = initial.filter((file) => file.startsWith('chunk-'));
    writeFileSync(manifestPath, withPrefetched(withHashes(readFileSync(manifestPath, 'utf8'), changed), [...prefetched, ...files]));
  }
  console.log(`驾驶舱路由预加载：${files.length} 个分块写入 index.html（${META_NAME}）；${initial.length + files.length} 个脚本加上编译提示`);
}
