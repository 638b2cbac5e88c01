// The 驾驶舱's chunks asked for as soon as index.html is read (issue 13). index.html loads this small
// classic script `defer` from its head: it runs one round trip after the page arrives, while main.js
// and the first chunks are still on their way — and always before main.js, a module script later in
// the page (deferred scripts run in document order; with `async` it sometimes ran after the app had
// started, once main.js ran from V8's code cache: apps/web/src/app/code-cache.ts) — instead of the app asking for the route's chunks
// once all of those have arrived and run (apps/web/src/app/first-load.ts, which still does it for a
// browser that did not run this, and sends the page's first data requests). Only for whoever the
// 驾驶舱 is about to open for, or a leader (whose home it is): the others' first load is not slowed.
// When the 驾驶舱 opens, it also sends at once the data requests the app made at its last start — the same
// user, the same Shanghai day, the same address: then they are the app's own requests to the letter
// (rememberFirstRequests in first-load.ts writes them down) — and leaves their answers in
// window.__zsEarly, where the app's PrefetchCache takes them instead of sending the requests again.
// No imports: it runs before any of the app (modern syntax: the app needs module scripts anyway). The rule is the one of `opensDashboard`
// (first-load.ts); apps/web/src/app/first-load-early.spec.ts checks both agree for every role.
(function () {
  'use strict';
  // can(role, 'indicators:read') in libs/shared/domain capabilities.ts
  const READS_INDICATORS = ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'];
  let session;
  try {
    session = JSON.parse(window.localStorage.getItem('zs.session') || 'null');
  } catch {
    return; // storage disabled or unreadable: the app decides once it runs
  }
  const role = session?.user?.role;
  if (typeof role !== 'string' || !(Date.parse(session.expiresAt) > Date.now())) return;
  const path = window.location.pathname;
  const opens = READS_INDICATORS.includes(role) && (path === '/dashboard' || (path === '/' && role === 'LEADER'));
  if (!opens && role !== 'LEADER') return;
  // the data first: the server works on it while the chunks come
  if (opens) sendFirstRequests(session, path + window.location.search);
  // written by tools/scripts/route-preload.mjs before this script's element, so already parsed
  const meta = document.querySelector('meta[name="zs-route-chunks-dashboard"]');
  const files = meta ? meta.getAttribute('content').split(/\s+/) : [];
  for (const file of files) {
    if (!file) continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = file;
    document.head.appendChild(link);
  }

  function sendFirstRequests(session, page) {
    let last;
    try {
      last = JSON.parse(window.localStorage.getItem('zs.firstRequests') || 'null');
    } catch {
      return;
    }
    // shanghaiToday() in libs/shared/domain lifecycle.ts
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    if (!last || last.user !== session.user.id || last.day !== today || last.page !== page || !Array.isArray(last.urls)) return;
    if (typeof session.accessToken !== 'string' || typeof window.fetch !== 'function') return;
    // the app has started and sent them itself (this script came after main.js: claimEarlyAnswers)
    if (window.__zsEarly) return;
    // as the app's interceptors send them: the token; past the service worker (serviceWorkerBypassInterceptor)
    const headers = { Accept: 'application/json, text/plain, */*', Authorization: 'Bearer ' + session.accessToken, 'ngsw-bypass': 'true' };
    const answers = {};
    for (const url of last.urls) {
      if (typeof url !== 'string' || !url.startsWith('/api/')) continue;
      // null when it fails on the way (offline, cut off): the app then sends it itself
      answers[url] = window
        .fetch(url, { headers, credentials: 'same-origin' })
        .then((response) => response.text().then((body) => ({ status: response.status, statusText: response.statusText, url: response.url, headers: Array.from(response.headers.entries()), body })))
        .catch(() => null);
    }
    window.__zsEarly = answers;
  }
})();
