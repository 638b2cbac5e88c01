// Runs in the hidden frame public/code-cache.html (apps/web/src/app/code-cache.ts): imports, one after
// the other, the app's scripts listed after `#` — main.js and its chunks, as the build names them,
// from this origin only — so that the browser, running each from the service worker's cache for the
// first time (Chromium makes a script's code on that run), stores its compiled code for the next visit.
// main.ts does not start the app in this frame
// (its window name). Then it tells the page that opened it.
(async function () {
  'use strict';
  const LINGER_MS = 1000;
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
  // the browser writes each script's code into the worker's cache in tasks of its own after the script
  // ran; the page removes this frame when told, and a frame removed too soon takes those writes with it
  // (the next visit then found no code in 4 of 6 traced runs): told only once this frame is idle
  await new Promise(function (resolve) {
    setTimeout(function () {
      if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(resolve, { timeout: 5000 });
      else resolve();
    }, LINGER_MS);
  });
  window.parent.postMessage({ zsCodeCache: 'done', files: files.length }, window.location.origin);
})();
