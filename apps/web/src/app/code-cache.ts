import { type EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { SwUpdate } from '@angular/service-worker';

/**
 * The app's compiled code kept for the next visit (issue 13: a leader's second visit on a phone).
 *
 * Chromium keeps a script's compiled code (V8's code cache) with the cached file. For a file served
 * from the service worker's cache it makes that code the first time it runs the file from there; the
 * worker fills its cache only after the first visit, so it was the leader's second visit that
 * compiled everything again and wrote the code (0.6–0.9 s of the main thread on a phone at CPU 4×),
 * and only the third that ran from it.
 *
 * Here the first visit does that work itself, once per version of the app, when it has nothing else
 * to do: as soon as the worker holds the page's scripts, a hidden frame (public/code-cache.html) runs
 * them once more from there — main.js and every chunk the page has run — and the next visit finds
 * their code ready. In that frame the app does not start (main.ts, `isCodeCacheFrame`): the scripts
 * are only evaluated, nothing is asked of the API.
 *
 * Measured since (tools/bench/README.md, "what the second visit's compiled code was", 7 December): in
 * the Chromium the bench runs, the next visit did not read the code the frame made (3 of 24 traced
 * contexts), and a module script's code was reused only by pages in the same renderer — never by a
 * new tab, where V8 now compiles off the main thread anyway (the compile hints). With and without
 * this warm-up the phone's second visit measured alike (medians 2.47 / 2.59 s, next day in a new tab
 * 2.14 / 2.21 s, 6 runs each). Kept for the gain an earlier A/B saw (2.40 → 1.97 s); a candidate
 * for removal, with the one framing exception it needs (web-compression.integration-spec).
 */

/** The hidden frame's name: main.ts does not start the app in a window of that name. */
export const CODE_CACHE_FRAME = 'zs-code-cache';

/** The page the frame opens; its script (public/code-cache.js) imports the files listed after `#`. */
export const CODE_CACHE_PAGE = 'code-cache.html';

/** localStorage: the main script whose code was made (once per version: main's name changes with it). */
export const CODE_CACHE_STORAGE_KEY = 'zs.codeCache';

/** The app's own scripts, as the build names them (public/code-cache.js accepts only these). */
const SCRIPT_FILE = /^(main|chunk)-[\w-]+\.js$/;

/** How often, and how many times, to look whether the worker has stored the page's scripts. */
export const CACHE_POLL_MS = 3_000;
export const CACHE_POLLS = 40;

/** The frame is removed after this even if it did not report (a script that hangs, a frame refused). */
export const FRAME_TIMEOUT_MS = 60_000;

export function isCodeCacheFrame(win: Pick<Window, 'name'> = window): boolean {
  return win.name === CODE_CACHE_FRAME;
}

/**
 * The app's scripts this page has run, by file name: the main script first, then every chunk it
 * fetched so far (the page's resource entries: imports and modulepreloads), from its own origin only.
 */
export function scriptsRun(doc: Document, entries: readonly Pick<PerformanceEntry, 'name'>[]): string[] {
  const origin = new URL(doc.baseURI).origin;
  const main = doc.querySelector<HTMLScriptElement>('script[type="module"][src]')?.getAttribute('src');
  const files = new Set<string>();
  for (const url of [main, ...entries.map((entry) => entry.name)]) {
    if (!url) continue;
    const parsed = new URL(url, doc.baseURI);
    const file = parsed.pathname.slice(1);
    if (parsed.origin === origin && SCRIPT_FILE.test(file)) files.add(file);
  }
  const list = [...files];
  return list.length > 0 && list[0].startsWith('main-') ? list : [];
}

/** What the warm-up needs from the browser (given by the tests). */
export interface CodeCacheEnv {
  doc: Document;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** the page's resource entries so far */
  entries: () => readonly Pick<PerformanceEntry, 'name'>[];
  /** whether the service worker's cache holds this file */
  cached: (file: string) => Promise<boolean>;
  wait: (ms: number) => Promise<void>;
  /** resolves when the browser has nothing else to do */
  idle: () => Promise<void>;
}

/** The page's scripts once the worker holds them all: main among them, and no more added since the last look. */
async function scriptsCached(env: CodeCacheEnv): Promise<string[]> {
  let previous = -1;
  for (let poll = 0; poll < CACHE_POLLS; poll++) {
    const files = scriptsRun(env.doc, env.entries());
    const held = await Promise.all(files.map((file) => env.cached(file)));
    const cached = files.filter((_, index) => held[index]);
    if (cached.length > 0 && cached[0] === files[0] && cached.length === previous) return cached;
    previous = cached[0] === files[0] ? cached.length : -1;
    await env.wait(CACHE_POLL_MS);
  }
  return [];
}

/** Runs the files in the hidden frame; resolves when the frame reports (true) or at the timeout (false). */
function runInFrame(env: CodeCacheEnv, files: string[]): Promise<boolean> {
  const { doc } = env;
  const view = doc.defaultView;
  const frame = doc.createElement('iframe');
  frame.name = CODE_CACHE_FRAME;
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.src = `${CODE_CACHE_PAGE}#${files.join(',')}`;
  return new Promise<boolean>((resolve) => {
    const finish = (done: boolean) => {
      view?.removeEventListener('message', onMessage);
      clearTimeout(timer);
      frame.remove();
      resolve(done);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source === frame.contentWindow && (event.data as { zsCodeCache?: unknown } | null)?.zsCodeCache === 'done') finish(true);
    };
    const timer = setTimeout(() => finish(false), FRAME_TIMEOUT_MS);
    view?.addEventListener('message', onMessage);
    doc.body.appendChild(frame);
  });
}

/**
 * Makes the code of the page's scripts for the next visit, once per version. Resolves with the files
 * run, or [] when there was nothing to do (done for this version, no service worker cache, storage
 * unreadable).
 */
export async function warmCodeCache(env: CodeCacheEnv): Promise<string[]> {
  const main = scriptsRun(env.doc, env.entries())[0];
  if (!main || !env.storage || env.storage.getItem(CODE_CACHE_STORAGE_KEY) === main) return [];
  const files = await scriptsCached(env);
  if (files.length === 0) return [];
  await env.idle();
  await runInFrame(env, files);
  // also after a timeout: the next visits do not try again for this version
  env.storage.setItem(CODE_CACHE_STORAGE_KEY, files[0]);
  return files;
}

function browserEnv(): CodeCacheEnv {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    // storage disabled: no marker, no warm-up
  }
  return {
    doc: document,
    storage,
    entries: () => performance.getEntriesByType('resource'),
    cached: async (file) => (await caches.match(new URL(file, document.baseURI).href)) !== undefined,
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    idle: () => new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 10_000 }) : setTimeout(resolve, 1_000))),
  };
}

/** With the service worker (production builds in browsers that have one): the warm-up once it is active. */
export function provideCodeCacheWarmUp(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      if (!inject(SwUpdate).isEnabled || typeof caches === 'undefined') return;
      void navigator.serviceWorker.ready
        .then(() => warmCodeCache(browserEnv()))
        .catch(() => undefined); // a speed-up only: the next visit compiles as before
    }),
  ]);
}
