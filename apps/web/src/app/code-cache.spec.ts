import { CACHE_POLLS, CODE_CACHE_FRAME, CODE_CACHE_STORAGE_KEY, type CodeCacheEnv, FRAME_TIMEOUT_MS, isCodeCacheFrame, scriptsRun, warmCodeCache } from './code-cache';

const MAIN = 'main-LDW4S6DQ.js';
const ENTRIES = [
  `${location.origin}/chunk-Bu2fhwyc.js`,
  `${location.origin}/styles-MNN7VRRW.css`,
  `${location.origin}/first-load.js`,
  `${location.origin}/api/v1/indicators?from=2026-01`,
  'https://elsewhere.example/chunk-Bu2fhwyc.js',
  `${location.origin}/chunk-z4htWInK.js`,
  `${location.origin}/chunk-Bu2fhwyc.js`,
  `${location.origin}/chunk-late_1-x.js`,
].map((name) => ({ name }));

function page(main: string | null = MAIN): void {
  document.head.innerHTML = '';
  document.body.innerHTML = main ? `<zs-root></zs-root><script src="${main}" type="module"></script>` : '<zs-root></zs-root>';
}

/** A browser whose worker holds `held` (asked again at each look), with the page's resource entries given per look. */
function env(held: (file: string, look: number) => boolean, entries: () => { name: string }[] = () => ENTRIES) {
  const storage = new Map<string, string>();
  let looks = 0;
  const waits: number[] = [];
  const e: CodeCacheEnv = {
    doc: document,
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
    entries: () => {
      looks++;
      return entries();
    },
    cached: async (file) => held(file, looks),
    wait: async (ms) => void waits.push(ms),
    idle: async () => undefined,
  };
  return { env: e, storage, waits, looks: () => looks };
}

/** The frame the warm-up opened, once it is in the page. */
async function openedFrame(): Promise<HTMLIFrameElement> {
  for (let i = 0; i < 50; i++) {
    const frame = document.querySelector<HTMLIFrameElement>(`iframe[name="${CODE_CACHE_FRAME}"]`);
    if (frame) return frame;
    await Promise.resolve();
  }
  throw new Error('no frame was opened');
}

const report = (source: Window | null, data: unknown = { zsCodeCache: 'done' }) => window.dispatchEvent(new MessageEvent('message', { data, source }));

describe('the code-cache warm-up (issue 13, the phone’s second visit)', () => {
  afterEach(() => {
    jest.useRealTimers();
    document.body.innerHTML = '';
  });

  it('lists the app’s scripts this page ran: main first, then its chunks from this origin, once each', () => {
    page();
    expect(scriptsRun(document, ENTRIES)).toEqual([MAIN, 'chunk-Bu2fhwyc.js', 'chunk-z4htWInK.js', 'chunk-late_1-x.js']);
    page(null);
    expect(scriptsRun(document, ENTRIES)).toEqual([]);
    page('https://elsewhere.example/main-AAAA.js');
    expect(scriptsRun(document, ENTRIES)).toEqual([]);
  });

  it('knows its frame by the window’s name (main.ts does not start the app there)', () => {
    expect(isCodeCacheFrame({ name: CODE_CACHE_FRAME })).toBe(true);
    expect(isCodeCacheFrame({ name: '' })).toBe(false);
  });

  it('waits until the worker holds main and no more arrive, runs only the files it holds in the hidden frame, then remembers the version', async () => {
    page();
    // (the first look is the one that asks whether this version is done) the worker stores main by the
    // third look, the first chunk by the fourth, the others never
    const b = env((file, look) => (file === MAIN && look >= 3) || (file === 'chunk-Bu2fhwyc.js' && look >= 4));
    const warming = warmCodeCache(b.env);
    const frame = await openedFrame();
    expect(frame.hidden).toBe(true);
    expect(frame.getAttribute('src')).toBe(`code-cache.html#${MAIN},chunk-Bu2fhwyc.js`);
    // looks 2–5: nothing yet, main alone, main + chunk, the same again (settled)
    expect(b.looks()).toBe(5);
    expect(b.waits).toHaveLength(3);
    expect(b.storage.get(CODE_CACHE_STORAGE_KEY)).toBeUndefined();

    report(window); // not from the frame
    report(frame.contentWindow, { zsCodeCache: 'other' });
    await Promise.resolve();
    expect(frame.isConnected).toBe(true);
    report(frame.contentWindow);
    await expect(warming).resolves.toEqual([MAIN, 'chunk-Bu2fhwyc.js']);
    expect(frame.isConnected).toBe(false);
    expect(b.storage.get(CODE_CACHE_STORAGE_KEY)).toBe(MAIN);
  });

  it('does nothing for a version already done, and does it again for a new one', async () => {
    page();
    const b = env(() => true);
    b.storage.set(CODE_CACHE_STORAGE_KEY, MAIN);
    await expect(warmCodeCache(b.env)).resolves.toEqual([]);
    expect(document.querySelector('iframe')).toBeNull();

    page('main-NEWVERSN.js');
    const warming = warmCodeCache(b.env);
    report((await openedFrame()).contentWindow);
    await expect(warming).resolves.toEqual(['main-NEWVERSN.js', 'chunk-Bu2fhwyc.js', 'chunk-z4htWInK.js', 'chunk-late_1-x.js']);
    expect(b.storage.get(CODE_CACHE_STORAGE_KEY)).toBe('main-NEWVERSN.js');
  });

  it('gives up quietly when the worker never holds main (no worker cache: nothing opened, nothing remembered)', async () => {
    page();
    const b = env((file) => file !== MAIN);
    await expect(warmCodeCache(b.env)).resolves.toEqual([]);
    expect(b.looks()).toBe(CACHE_POLLS + 1);
    expect(document.querySelector('iframe')).toBeNull();
    expect(b.storage.get(CODE_CACHE_STORAGE_KEY)).toBeUndefined();
    await expect(warmCodeCache({ ...b.env, storage: null })).resolves.toEqual([]);
  });

  it('removes a frame that never reports after its time, and does not try again for this version', async () => {
    jest.useFakeTimers();
    page();
    const b = env(() => true);
    const warming = warmCodeCache(b.env);
    const frame = await openedFrame();
    jest.advanceTimersByTime(FRAME_TIMEOUT_MS - 1);
    expect(frame.isConnected).toBe(true);
    jest.advanceTimersByTime(1);
    await expect(warming).resolves.toHaveLength(4);
    expect(frame.isConnected).toBe(false);
    expect(b.storage.get(CODE_CACHE_STORAGE_KEY)).toBe(MAIN);
  });
});
