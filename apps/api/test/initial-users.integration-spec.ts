import { getDataSourceToken } from '@nestjs/typeorm';
import { passwordProblems } from '@zhaoshang/shared/domain';
import type { DataSource } from 'typeorm';
import { ensureInitialUsers } from '../src/bootstrap/initial-users.js';
import { loadConfig } from '../src/config/config.js';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { ADMIN_PASSWORD, TestApp } from './support/test-app.js';

/**
 * Issue 12: `npm start` made eleven demo accounts with one published password, a city staff account
 * among them. Their password is now generated per installation and shown once, at the start that
 * creates them; a real server (NODE_ENV=production) refuses demo data.
 */
describe('the demo accounts', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    [first, second] = [await TestApp.start(), await TestApp.start()];
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
  });

  // what createApp does with SEED_DEMO=true, without the 600 demo projects the test does not need
  const seedDemoUsers = (t: TestApp) => {
    const config = { ...loadConfig({ DATA_DIR: '/nonexistent', JWT_SECRET: 'x'.repeat(32), WEB_DIR: 'none' }), adminPassword: ADMIN_PASSWORD, seedDemo: true };
    return ensureInitialUsers(t.app.get<DataSource>(getDataSourceToken()), t.app.get(AuditService), config);
  };

  it('get a password of their own per installation, shown at the start that creates them and at no later one', async () => {
    const one = await seedDemoUsers(first);
    const two = await seedDemoUsers(second);
    expect(one.demoPassword).not.toBeNull();
    expect(two.demoPassword).not.toBeNull();
    expect(one.demoPassword).not.toBe(two.demoPassword);
    for (const password of [one.demoPassword!, two.demoPassword!]) {
      expect(password.length).toBeGreaterThanOrEqual(12);
      expect(passwordProblems(password)).toEqual([]);
    }

    expect((await seedDemoUsers(first)).demoPassword).toBeNull();

    // each installation's accounts open with its own password only, and the once-published one opens none
    expect(await first.login('city', one.demoPassword!)).toEqual(expect.any(String));
    expect(await second.login('naiman', two.demoPassword!)).toEqual(expect.any(String));
    for (const [t, password] of [[first, two.demoPassword!], [first, 'Demo@2026'], [second, one.demoPassword!]] as const) {
      expect((await t.request('POST', '/api/v1/auth/login', { body: { username: 'city', password } })).status).toBe(401);
    }
  });

  // NODE_ENV=production with SEED_DEMO: config.spec.ts (loadConfig's ConfigError), start.test.mjs (npm start)
});
