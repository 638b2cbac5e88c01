// node --test: the post-build step that lists the 驾驶舱's chunks in index.html keeps the service worker's
// manifest true to the changed index.html (else the worker refuses the whole version).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { COMPILE_HINT, META_NAME, ROUTE_ENTRIES, initialChunks, routeChunks, withCompileHint, withHashes, withInitialPreloads, withPrefetched, withRouteMeta } from './route-preload.mjs';

test('the meta element is written once, replacing an earlier one', () => {
  const once = withRouteMeta('<html><head><title>t</title></head></html>', ['chunk-A.js', 'chunk-B.js']);
  assert.match(once, new RegExp(`<meta name="${META_NAME}" content="chunk-A.js chunk-B.js"></head>`));
  const twice = withRouteMeta(once, ['chunk-C.js']);
  assert.equal(twice.match(new RegExp(META_NAME, 'g'))?.length, 1);
  assert.match(twice, /content="chunk-C.js"/);
});

test('after the chunk optimisation (no entry points in the metafile) the route is found by its modules', () => {
  const stats = {
    outputs: {
      'main-AAAAAAAA.js': { inputs: { 'apps/web/src/main.ts': {} }, imports: [{ path: 'chunk-R.js', kind: 'dynamic-import' }] },
      'chunk-R.js': { inputs: { 'libs/web/shell/feature/src/index.ts': {}, 'libs/web/dashboard/feature-dashboard/src/index.ts': {} }, imports: [{ path: 'main-AAAAAAAA.js', kind: 'import-statement' }, { path: 'chunk-S.js', kind: 'import-statement' }] },
      'chunk-S.js': { inputs: {}, imports: [] },
      'dashboard-page-X.css': { inputs: { 'libs/web/dashboard/feature-dashboard/src/index.ts': {} }, imports: [] },
    },
  };
  const html = '<script src="main-AAAAAAAA.js" type="module"></script>';
  assert.deepEqual(routeChunks(stats, ROUTE_ENTRIES, html), ['chunk-R.js', 'chunk-S.js']);
  assert.deepEqual(initialChunks(stats), []);
});

test('the meta element goes before the early script, which reads it as soon as it runs', () => {
  const html = '<html><head><title>t</title><script src="first-load.js" defer></script><link rel="stylesheet" href="s.css"></head></html>';
  const written = withRouteMeta(html, ['chunk-A.js']);
  assert.ok(written.indexOf(`<meta name="${META_NAME}"`) < written.indexOf('<script src="first-load.js"'));
  assert.equal(withRouteMeta(written, ['chunk-B.js']).match(new RegExp(META_NAME, 'g'))?.length, 1);
});

test("the service worker's manifest gets the new hash of each changed file, and keeps the rest", () => {
  const manifest = JSON.stringify({ index: '/index.html', hashTable: { '/index.html': 'old', '/main-ABCDEFGH.js': 'old', '/chunk-K.js': 'kept' } });
  const index = withRouteMeta('<html><head></head></html>', ['chunk-A.js']);
  const main = withCompileHint('export const a = 1;\n');
  const updated = JSON.parse(withHashes(manifest, { '/index.html': index, '/main-ABCDEFGH.js': main }));
  assert.equal(updated.hashTable['/index.html'], createHash('sha1').update(index).digest('hex'));
  assert.equal(updated.hashTable['/main-ABCDEFGH.js'], createHash('sha1').update(main).digest('hex'));
  assert.equal(updated.hashTable['/chunk-K.js'], 'kept');
  assert.equal(updated.index, '/index.html');
});

test('the compile hint is the first line of a script, once', () => {
  const source = 'import{a as b}from"./chunk-A.js";export{b};\n';
  const hinted = withCompileHint(source);
  assert.equal(hinted, `//# allFunctionsCalledOnLoad\n${source}`);
  assert.equal(COMPILE_HINT, '//# allFunctionsCalledOnLoad\n');
  // running the step twice on one build changes nothing more
  assert.equal(withCompileHint(hinted), hinted);
});

test("the route's chunks move from the lazily cached group into the one the worker installs at once", () => {
  const manifest = JSON.stringify({
    hashTable: { '/index.html': 'i', '/main-A.js': 'm', '/chunk-R.js': 'r', '/chunk-O.js': 'o' },
    assetGroups: [
      { name: 'app', installMode: 'prefetch', urls: ['/index.html', '/main-A.js'], patterns: [] },
      { name: 'chunks', installMode: 'lazy', urls: ['/chunk-R.js', '/chunk-O.js'], patterns: [] },
    ],
  });
  const updated = JSON.parse(withPrefetched(manifest, ['chunk-R.js']));
  assert.deepEqual(updated.assetGroups[0].urls, ['/index.html', '/main-A.js', '/chunk-R.js']);
  assert.deepEqual(updated.assetGroups[1].urls, ['/chunk-O.js']);
  assert.deepEqual(updated.hashTable, JSON.parse(manifest).hashTable);
  // running the step twice on one build changes nothing more
  assert.deepEqual(JSON.parse(withPrefetched(JSON.stringify(updated), ['chunk-R.js'])), updated);
  // a file the worker has no hash for would make it refuse the whole version: fail the build instead
  assert.throws(() => withPrefetched(manifest, ['chunk-X.js']), /chunk-X\.js/);
});

test('every chunk main imports, however deep, is preloaded by index.html (the build lists at most 10)', () => {
  const stats = {
    outputs: {
      'main-AAAAAAAA.js': { entryPoint: 'apps/web/src/main.ts', imports: [{ path: 'chunk-A.js', kind: 'import-statement' }, { path: 'chunk-LAZY.js', kind: 'dynamic-import' }] },
      'chunk-A.js': { imports: [{ path: 'chunk-CORE.js', kind: 'import-statement' }] },
      'chunk-CORE.js': { imports: [] },
      'chunk-LAZY.js': { imports: [{ path: 'chunk-CORE.js', kind: 'import-statement' }] },
    },
  };
  assert.deepEqual(initialChunks(stats).sort(), ['chunk-A.js', 'chunk-CORE.js']);
  const index = '<head></head><body><link rel="modulepreload" href="chunk-A.js"><script src="main-AAAAAAAA.js" type="module"></script></body>';
  const preloaded = withInitialPreloads(index, initialChunks(stats));
  assert.equal(preloaded.match(/chunk-A\.js/g)?.length, 1);
  assert.match(preloaded, /<link rel="modulepreload" href="chunk-CORE.js"><script src="main-/);
  assert.equal(withInitialPreloads(preloaded, initialChunks(stats)), preloaded);
});
