// The 驾驶舱's chunks asked for as soon as index.html is read (issue 13). index.html loads this small
// classic script `async` from its head: it runs one round trip after the page arrives, while main.js
// and the first chunks are still on their way, instead of the app asking for the route's chunks
// once all of those have arrived and run (apps/web/src/app/first-load.ts, which still does it for a
// browser that did not run this, and sends the page's first data requests). Only for whoever the
// 驾驶舱 is about to open for, or a leader (whose home it is): the others' first load is not slowed.
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
})();
