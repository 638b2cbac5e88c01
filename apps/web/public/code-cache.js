// Runs in the hidden frame public/code-cache.html (apps/web/src/app/code-cache.ts): imports, one after
// the other, the app's scripts listed after `#` — main.js and its chunks, as the build names them,
// from this origin only — so that the browser, running each from the service worker's cache a second
// time, stores its compiled code for the next visit. main.ts does not start the app in this frame
// (its window name). Then it tells the page that opened it.
(async function () {
  'use strict';
  if (window.parent === window) return;
  const files = decodeURIComponent(window.location.hash.slice(1))
    .split(',')
    .filter(function (file) {
      return /^(main|chunk)-[\w-]+\.js$/.test(file);
    });
  for (const file of files) {
    try {
      await import('./' + file);
    } catch {
      // a chunk that fails here fails nothing else: its code is simply not kept
    }
  }
  window.parent.postMessage({ zsCodeCache: 'done', files: files.length }, window.location.origin);
})();
