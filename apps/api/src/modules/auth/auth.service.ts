import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CurrentUser, type LoginResponse, passwordProblems } from '@zhaoshang/shared/domain';
import { DataSource } from 'typeorm';
import type { UserActor } from '../../common/access/actor.js';
import { Unauthenticated } from '../../common/access/decide-access.js';
import { SessionCache } from '../../common/access/session-cache.js';
import { AppException, ValidationFailed } from '../../common/errors/app.exception.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../common/security/passwords.js';
import { runSql, sql } from '../../common/sql/sql.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { User } from '../users/entities/user.entity.js';
import { toUserDto } from '../users/users.service.js';
import { LoginLimiter } from './login-limiter.js';

interface TokenClaims {
  sub: string;
  /** the user's session epoch when the token was issued */
  sv: number;
}

type SessionRow = Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'regionCode' | 'disabled' | 'sessionEpoch'>;

export const LOGIN_LIMITER = Symbol('LOGIN_LIMITER');

function toCurrentUser(user: User): CurrentUser {
  const { id, username, displayName, role, regionCode, regionName } = toUserDto(user);
  return { id, username, displayName, role, regionCode, regionName };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGIN_LIMITER) private readonly limiter: LoginLimiter,
    private readonly sessions: SessionCache,
  ) {}

  async login(username: string, password: string, address: string): Promise<LoginResponse> {
    const wait = this.limiter.retryAfterMs(address, username);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      throw new AppException(429, 'TOO_MANY_REQUESTS', `登录失败次数过多，请 ${minutes} 分钟后再试`, undefined, { 'retry-after': String(Math.ceil(wait / 1000)) });
    }
    const user = await this.dataSource.getRepository(User).findOne({ where: { username }, relations: { region: true } });
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid) {
      this.limiter.recordFailure(address, username);
      throw new AppException(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
    }
    if (user.disabled) throw new AppException(401, 'ACCOUNT_DISABLED', '该账号已停用，请联系管理员');
    this.limiter.recordSuccess(address, username);
    await this.dataSource.getRepository(User).update(user.id, { lastLoginAt: () => 'now()' });
    const expiresAt = new Date(Date.now() + this.config.sessionHours * 3_600_000);
    const claims: TokenClaims = { sub: user.id, sv: user.sessionEpoch };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.sessionHours * 3600 });
    return { accessToken, expiresAt: expiresAt.toISOString(), user: toCurrentUser(user) };
  }

  /** The user a bearer token speaks for, checked against the database on every request. */
  async authenticate(token: string, requestId: string): Promise<UserActor> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new Unauthenticated(expired ? '登录已过期，请重新登录' : '登录凭据无效，请重新登录', expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    }
    // every request passes here: a user read in the last seconds, or one lean query
    let user = this.sessions.get(claims.sub) as SessionRow | undefined;
    if (!user) {
      [user] = await runSql<SessionRow>(
        this.dataSource,
        sql`SELECT id, username, display_name AS "displayName", role, region_code AS "regionCode", disabled, session_epoch AS "sessionEpoch"
         FROM users WHERE id = ${claims.sub}`,
      );
      if (user) this.sessions.set(user.id, user);
    }
    if (!user || user.sessionEpoch !== claims.sv) throw new Unauthenticated('登录已失效，请重新登录', 'SESSION_EXPIRED');
    if (user.disabled) throw new Unauthenticated('该账号已停用，请联系管理员', 'ACCOUNT_DISABLED');
    return { kind: 'user', id: user.id, username: user.username, displayName: user.displayName, role: user.role, regionCode: user.regionCode, requestId };
  }

  async me(actor: UserActor): Promise<CurrentUser> {
    const user = await this.dataSource.getRepository(User).findOneOrFail({ where: { id: actor.id }, relations: { region: true } });
    return toCurrentUser(user);
  }

  async changePassword(actor: UserActor, currentPassword: string, newPassword: string): Promise<void> {
    const problems = passwordProblems(newPassword);
    if (problems.length > 0) throw new ValidationFailed(problems.map((message) => ({ field: 'newPassword', message })));
    await this.dataSource.transaction(async (em) => {
      const user = await em.findOneOrFail(User, { where: { id: actor.id }, lock: { mode: 'pessimistic_write' } });
      if (!(await verifyPassword(user.passwordHash, currentPassword))) throw ValidationFailed.field('currentPassword', '当前密码不正确');
      const before = { version: user.version };
      user.passwordHash = await hashPassword(newPassword);
      await em.save(user);
      await this.audit.record(em, actor, { entity: 'user', entityId: user.id, action: 'RESET_PASSWORD', before, after: { version: user.version } });
    });
  }
}
