// An import is one transaction (DOMAIN.md §8): killing the API half-way through a big import must
// leave the database as it was. Starts the built API on a scratch PostgreSQL, posts a 100,000-row
// monthly import, SIGKILLs the API while the import is running, and checks that no report and no
// audit row arrived. Run with `node --test tools/scripts/imports-kill.test.mjs` after `nx run api:build`.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import pg from 'pg';
import { monthlyRows, writeXlsx } from '../bench/imports-files.mjs';
import { Scratch } from '../bench/scratch.mjs';

const apiDist = resolve('dist/apps/api/apps/api/src');
const demoLib = resolve('dist/apps/api/libs/api/demo/src/index.js');
const PASSWORD = 'Kill#2026-chief';
const scratch = new Scratch(apiDist);
after(() => scratch.cleanup());

async function tableCounts(client) {
  const { rows } = await client.query(
    `SELECT (SELECT count(*)::int FROM monthly_reports) AS reports, (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM fai_totals) AS fai`,
  );
  return rows[0];
}

test('an import killed half-way leaves no monthly report and no audit row behind', { timeout: 240_000 }, async () => {
  const databaseUrl = await scratch.startDatabase();
  const baseUrl = await scratch.startApi(databaseUrl, PASSWORD, 'warn');
  const { generateDemoProjects } = await import(pathToFileURL(demoLib).href);
  const { loadDemoProjects } = await import(pathToFileURL(join(apiDist, 'demo/load-demo.js')).href);
  const data = generateDemoProjects({ count: 20_000 });
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('BEGIN');
    await loadDemoProjects(client, data, { chunkSize: 10_000, audit: false });
    await client.query('COMMIT');
    const file = join(scratch.dir, 'monthly.xlsx');
    await writeXlsx(file, monthlyRows(data.projects, data.today, 100_000));
    const before = await tableCounts(client);

    const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    const { accessToken } = await login.json();
    const importId = randomUUID();
    const form = new FormData();
    form.append('kind', 'monthly');
    form.append('importId', importId);
    form.append('file', new Blob([readFileSync(file)]), 'monthly.xlsx');
    const posted = fetch(`${baseUrl}/api/v1/imports`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: form }).then(
      (r) => ({ status: r.status }),
      (error) => ({ error }),
    );

    // wait until the import has staged rows inside its transaction, then kill the process outright
    let progress = null;
    for (let i = 0; i < 600; i++) {
      const response = await fetch(`${baseUrl}/api/v1/imports/${importId}/progress`, { headers: { authorization: `Bearer ${accessToken}` } });
      if (response.status === 200) progress = await response.json();
      if (progress && progress.rowsRead > 20_000 && ['READING', 'CHECKING', 'WRITING'].includes(progress.phase)) break;
      if (progress?.phase === 'DONE' || progress?.phase === 'FAILED') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(progress && ['READING', 'CHECKING', 'WRITING'].includes(progress.phase), `import not caught running: ${JSON.stringify(progress)}`);
    scratch.api.child.kill('SIGKILL');
    await scratch.api.exited;
    const outcome = await posted;
    assert.ok(outcome.error, `the request should have been cut off, got ${JSON.stringify(outcome)}`);

    // PostgreSQL rolls the dead connection's transaction back; wait until it has noticed
    for (let i = 0; i < 100; i++) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'zhaoshang-api' AND state <> 'idle'`);
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(await tableCounts(client), before);
    assert.equal(before.reports, 0);
  } finally {
    await client.end();
  }
});
