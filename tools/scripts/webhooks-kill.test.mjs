// Webhooks are delivered at least once (DOMAIN.md §10, issue 16): killing the API while deliveries
// are in flight must lose none. Starts the built API on a scratch PostgreSQL with a subscription to a
// receiver on 127.0.0.1 (which checks every Standard Webhooks signature and answers slowly, so that
// deliveries are in flight), makes 31 changes of one project, SIGKILLs the API mid-delivery, starts
// it again on the same database, and checks that every event arrived, in order, and how many twice.
// Run with `node --test tools/scripts/webhooks-kill.test.mjs` after `nx run api:build`.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { Scratch, signIn } from '../bench/scratch.mjs';

const apiDist = resolve('dist/apps/api/apps/api/src');
const PASSWORD = 'Kill#2026-hooks';
const CHANGES = 31;
const scratch = new Scratch(apiDist);
after(() => scratch.cleanup());

function verified(secret, headers, body) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = `v1,${createHmac('sha256', key).update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`).digest('base64')}`;
  return String(headers['webhook-signature']).split(' ').includes(expected);
}

test('deliveries in flight when the API is killed are delivered after it restarts: none lost', { timeout: 180_000 }, async () => {
  const received = [];
  let secret = '';
  let badSignatures = 0;
  const receiver = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (!verified(secret, req.headers, body)) {
        badSignatures += 1;
        res.writeHead(401).end();
        return;
      }
      // slow: the API has requests in flight when it is killed
      setTimeout(() => {
        received.push({ id: req.headers['webhook-id'], payload: JSON.parse(body) });
        res.writeHead(204).end();
      }, 150);
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${receiver.address().port}/hooks`;
  const unique = () => [...new Map(received.map((m) => [m.id, m])).values()];
  const waitFor = async (predicate, ms, what) => {
    const until = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > until) throw new Error(`${what}: ${unique().length} of ${CHANGES} delivered\n${scratch.apiLogTail()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  try {
    const databaseUrl = await scratch.startDatabase();
    let baseUrl = await scratch.startApi(databaseUrl, PASSWORD, 'warn');
    const token = await signIn(baseUrl, PASSWORD);
    const call = async (method, path, body) => {
      const response = await fetch(`${baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!response.ok) assert.fail(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    secret = (await call('POST', '/api/v1/webhooks', { name: '统计局', url, events: ['project.created', 'project.updated'] })).secret;
    let project = await call('POST', '/api/v1/projects', {
      name: '杀进程测试项目', regionCode: '150525', industryCode: 'NE', investorName: '某投资方', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '1200.00', stage: 'SIGNED', signedAt: '2025-03-01',
    });
    for (let i = 1; i < CHANGES; i++) project = await call('PATCH', `/api/v1/projects/${project.id}`, { version: project.version, notes: `第${i}次修改` });

    await waitFor(() => received.length >= 3, 30_000, 'first deliveries');
    scratch.api.child.kill('SIGKILL');
    await scratch.api.exited;
    const beforeKill = unique().length;
    assert.ok(beforeKill < CHANGES, 'the API was killed after everything was delivered: nothing was in flight');

    baseUrl = await scratch.startApi(databaseUrl, PASSWORD, 'warn');
    // a killed process's claims run out (timeout 10 s + margin 10 s), then the new process sends them
    await waitFor(() => unique().length === CHANGES, 90_000, 'after the restart');

    const versions = unique().map((m) => m.payload.data.version);
    assert.deepEqual(versions, Array.from({ length: CHANGES }, (_, i) => i + 1), 'in order per project');
    assert.equal(badSignatures, 0);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT status, count(*)::int AS n FROM webhook_deliveries GROUP BY status`);
      assert.deepEqual(rows, [{ status: 'SUCCEEDED', n: CHANGES }]);
    } finally {
      await client.end();
    }
    console.log(`webhooks kill test: ${CHANGES} events, ${beforeKill} delivered before SIGKILL, ${CHANGES} after restart, 0 lost, ${received.length - CHANGES} duplicate(s)`);
  } finally {
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
  }
});
