import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CurrentUser, type LoginResponse, passwordPolicyProblems } from '@zhaoshang/shared/domain';
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
  private checks = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGIN_LIMITER) private readonly limiter: LoginLimiter,
    private readonly sessions: SessionCache,
  ) {}

  /** Password checks made by sign-ins since the process started (what the limiter bounds; read by its tests). */
  get passwordChecks(): number {
    return this.checks;
  }

  async login(username: string, password: string, address: string): Promise<LoginResponse> {
    // reserved before the slow check, in PostgreSQL: parallel attempts and other processes see it at once
    const reservation = await this.limiter.reserve(username, address);
    if (!reservation.granted) {
      const wait = reservation.retryAfterMs;
      const minutes = Math.ceil(wait / 60_000);
      throw new AppException(429, 'TOO_MANY_REQUESTS', `登录失败次数过多，请 ${minutes} 分钟后再试`, undefined, { 'retry-after': String(Math.ceil(wait / 1000)) });
    }
    const user = await this.dataSource.getRepository(User).findOne({ where: { username }, relations: { region: true } });
    this.checks += 1;
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    // a disabled account says so whatever the password: the answer never confirms a right one (issue 12);
    // its attempts stay counted as failures, as does every wrong one (the reservation counted them)
    if (user?.disabled) throw new AppException(401, 'ACCOUNT_DISABLED', '该账号已停用，请联系管理员');
    if (!user || !valid) throw new AppException(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
    await this.limiter.succeeded(reservation.keys);
    // not through the repository: that would raise the user's version, and an admin editing the user would get a 409
    await runSql(this.dataSource, sql`UPDATE users SET last_login_at = now() WHERE id = ${user.id}`);
    return this.issue(user);
  }

  /** A session token for the user as it is now (its session epoch). */
  private async issue(user: User): Promise<LoginResponse> {
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

  /**
   * Changes one's own password and ends every other session of the user (issue 12: they used to stay
   * valid); the session that asked gets a new token.
   */
  async changePassword(actor: UserActor, currentPassword: string, newPassword: string): Promise<LoginResponse> {
    const problems = passwordPolicyProblems(newPassword, actor.username, '新密码');
    if (problems.length > 0) throw new ValidationFailed(problems.map((message) => ({ field: 'newPassword', message })));
    const user = await this.dataSource.transaction(async (em) => {
      const found = await em.findOneOrFail(User, { where: { id: actor.id }, lock: { mode: 'pessimistic_write' } });
      if (!(await verifyPassword(found.passwordHash, currentPassword))) throw ValidationFailed.field('currentPassword', '当前密码不正确');
      const before = { version: found.version };
      found.passwordHash = await hashPassword(newPassword);
      found.sessionEpoch += 1;
      await em.save(found);
      await this.audit.record(em, actor, { entity: 'user', entityId: found.id, action: 'RESET_PASSWORD', before, after: { version: found.version } });
      return found;
    });
    this.sessions.forget(user.id);
    // read again with its region (a locked read cannot join it)
    return this.issue(await this.dataSource.getRepository(User).findOneOrFail({ where: { id: user.id }, relations: { region: true } }));
  }
}
