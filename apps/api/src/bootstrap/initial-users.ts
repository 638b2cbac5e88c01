import { passwordPolicyProblems, passwordProblems, type Role } from '@zhaoshang/shared/domain';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../common/access/actor.js';
import { hashPassword } from '../common/security/passwords.js';
import { runSql, sql } from '../common/sql/sql.js';
import { ConfigError, type AppConfig } from '../config/config.js';
import type { AuditService } from '../modules/audit/audit.service.js';
import { User } from '../modules/users/entities/user.entity.js';

export interface InitialUsersResult {
  /** set only when the admin password was generated now: printed once, never logged */
  generatedAdminPassword: string | null;
  /**
   * The demo accounts' password, set only when they were created now (SEED_DEMO): generated for this
   * installation, printed once with the admin's and kept nowhere readable (issue 12: a published
   * password on a real server was a back door).
   */
  demoPassword: string | null;
}

/** The demo accounts of SEED_DEMO=true: one per role, and one per district. */
const DEMO_USERS: [username: string, displayName: string, role: Role, regionCode: string | null][] = [
  ['city', '市投促局 张伟', 'CITY_STAFF', null],
  ['leader', '市领导 李强', 'LEADER', null],
  ['kerqin', '科尔沁区 王芳', 'DISTRICT_STAFF', '150502'],
  ['kzzq', '科左中旗 刘洋', 'DISTRICT_STAFF', '150521'],
  ['kzhq', '科左后旗 陈静', 'DISTRICT_STAFF', '150522'],
  ['kailu', '开鲁县 杨帆', 'DISTRICT_STAFF', '150523'],
  ['kulun', '库伦旗 赵敏', 'DISTRICT_STAFF', '150524'],
  ['naiman', '奈曼旗 黄磊', 'DISTRICT_STAFF', '150525'],
  ['zhalute', '扎鲁特旗 周婷', 'DISTRICT_STAFF', '150526'],
  ['huolinguole', '霍林郭勒市 吴刚', 'DISTRICT_STAFF', '150581'],
  ['kaifaqu', '开发区 郑丽', 'DISTRICT_STAFF', '150571'],
];

/** A password for a first start (the admin's, the demo accounts'): 19 characters, accepted by the password policy. */
export function generatePassword(): string {
  // readable in a terminal: no ambiguous characters; drawn again until the password policy accepts it
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  for (;;) {
    const body = Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
    const password = `${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}-${body.slice(12, 16)}`;
    if (passwordProblems(password).length === 0 && /\d/.test(password)) return password;
  }
}

/**
 * On an empty database: the `admin` user (DOMAIN.md §8), with ADMIN_PASSWORD, or a generated
 * password when the launcher asked for one. With SEED_DEMO: the demo accounts, once.
 */
export async function ensureInitialUsers(dataSource: DataSource, audit: AuditService, config: AppConfig): Promise<InitialUsersResult> {
  return dataSource.transaction(async (em) => {
    // one starter at a time, even when two API processes boot on one database
    await runSql(em, sql`SELECT pg_advisory_xact_lock(7301001)`);
    let generatedAdminPassword: string | null = null;
    if ((await em.count(User)) === 0) {
      let password = config.adminPassword;
      if (password === null) {
        if (!config.generateAdminPassword) {
          throw new ConfigError('ADMIN_PASSWORD', '未设置：数据库中还没有任何用户，首次启动需要用它创建 admin 用户');
        }
        password = generatedAdminPassword = generatePassword();
      }
      const problems = passwordPolicyProblems(password, 'admin');
      if (problems.length > 0) throw new ConfigError('ADMIN_PASSWORD', problems.join('；'));
      const admin = await em.save(em.create(User, { username: 'admin', displayName: '系统管理员', passwordHash: await hashPassword(password), role: 'ADMIN', regionCode: null }));
      await audit.record(em, SYSTEM_ACTOR, { entity: 'user', entityId: admin.id, action: 'CREATE', before: null, after: { username: 'admin', role: 'ADMIN' } });
    }
    let demoPassword: string | null = null;
    if (config.seedDemo) {
      // accounts already there keep the password printed when they were made: a restart prints none
      const missing = [];
      for (const demoUser of DEMO_USERS) if (!(await em.existsBy(User, { username: demoUser[0] }))) missing.push(demoUser);
      if (missing.length > 0) {
        demoPassword = generatePassword();
        const passwordHash = await hashPassword(demoPassword);
        for (const [username, displayName, role, regionCode] of missing) {
          const user = await em.save(em.create(User, { username, displayName, passwordHash, role, regionCode }));
          await audit.record(em, SYSTEM_ACTOR, { entity: 'user', entityId: user.id, action: 'CREATE', before: null, after: { username, displayName, role, regionCode } });
        }
      }
    }
    return { generatedAdminPassword, demoPassword };
  });
}
