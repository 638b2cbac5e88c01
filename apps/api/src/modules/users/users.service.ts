import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { passwordPolicyProblems, type Role, roleNeedsRegion, type UserDto } from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, UserActor } from '../../common/access/actor.js';
import { Conflict, NotFound, ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { hashPassword } from '../../common/security/passwords.js';
import { SessionCache } from '../../common/access/session-cache.js';
import { AuditService } from '../audit/audit.service.js';
import { Region } from '../dictionaries/entities/region.entity.js';
import type { CreateUserDto, ResetPasswordDto, UpdateUserDto } from './dto/user.dto.js';
import { User } from './entities/user.entity.js';

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    regionName: user.region?.name ?? null,
    disabled: user.disabled,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionCache,
  ) {}

  async list(includeDisabled: boolean): Promise<UserDto[]> {
    const users = await this.dataSource.getRepository(User).find({
      where: includeDisabled ? {} : { disabled: false },
      relations: { region: true },
      order: { role: 'ASC', username: 'ASC' },
    });
    return users.map(toUserDto);
  }

  async get(id: string): Promise<UserDto> {
    return toUserDto(await this.load(this.dataSource.manager, id));
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserDto> {
    checkPassword(dto.password, dto.username);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (em) => {
      const regionCode = await resolveRegion(em, dto.role, dto.regionCode ?? null);
      if (await em.existsBy(User, { username: dto.username })) throw new Conflict(`用户名 ${dto.username} 已被使用`, 'username');
      const saved = await em.save(em.create(User, { username: dto.username, displayName: dto.displayName, passwordHash, role: dto.role, regionCode }));
      const created = await this.load(em, saved.id);
      const after = toUserDto(created);
      await this.audit.record(em, actor, { entity: 'user', entityId: saved.id, action: 'CREATE', before: null, after });
      return after;
    });
  }

  async update(actor: UserActor, id: string, dto: UpdateUserDto): Promise<UserDto> {
    return this.forgettingSession(id, (em) => this.applyUpdate(em, actor, id, dto));
  }

  /** A user change, after which the access guard reads the user afresh (once committed). */
  private async forgettingSession<T>(id: string, change: (em: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(change);
    this.sessions.forget(id);
    return result;
  }

  private async applyUpdate(em: EntityManager, actor: UserActor, id: string, dto: UpdateUserDto): Promise<UserDto> {
    const { user, before } = await this.loadForUpdate(em, id, dto.version);
    const role = dto.role ?? user.role;
    const regionCode = await resolveRegion(em, role, dto.regionCode === undefined ? user.regionCode : dto.regionCode);
    const disabled = dto.disabled ?? user.disabled;
    if (user.id === actor.id && (disabled || role !== 'ADMIN')) {
      throw ValidationFailed.field(disabled ? 'disabled' : 'role', '不能停用自己的账号或取消自己的管理员角色');
    }
    if (user.role === 'ADMIN' && (role !== 'ADMIN' || disabled)) await assertAnotherAdmin(em, user.id);
    const sessionEpoch = disabled && !user.disabled ? user.sessionEpoch + 1 : user.sessionEpoch;
    em.merge(User, user, { displayName: dto.displayName ?? user.displayName, role, regionCode, disabled, sessionEpoch });
    await em.save(user);
    const after = toUserDto(await this.load(em, id));
    await this.audit.record(em, actor, { entity: 'user', entityId: id, action: 'UPDATE', before, after });
    return after;
  }

  async resetPassword(actor: UserActor, id: string, dto: ResetPasswordDto): Promise<UserDto> {
    return this.forgettingSession(id, async (em) => {
      const { user, before } = await this.loadForUpdate(em, id, dto.version);
      // checked against this user's name, so only once the user is read
      checkPassword(dto.password, user.username);
      const passwordHash = await hashPassword(dto.password);
      // older sign-ins end with the old password
      em.merge(User, user, { passwordHash, sessionEpoch: user.sessionEpoch + 1 });
      await em.save(user);
      const after = toUserDto(await this.load(em, id));
      await this.audit.record(em, actor, { entity: 'user', entityId: id, action: 'RESET_PASSWORD', before, after });
      return after;
    });
  }

  private async load(em: EntityManager, id: string): Promise<User> {
    const user = await em.findOne(User, { where: { id }, relations: { region: true } });
    if (!user) throw new NotFound('用户', id);
    return user;
  }

  /** The row, locked, without relations (a loaded relation would win over a changed column on save). */
  private async loadForUpdate(em: EntityManager, id: string, version: number): Promise<{ user: User; before: UserDto }> {
    const user = await em.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFound('用户', id);
    if (user.version !== version) throw new VersionConflict('用户', user.version, version);
    return { user, before: toUserDto(await this.load(em, id)) };
  }
}

/** The whole policy, common-password list included (issue 12), on the request's field `password`. */
function checkPassword(password: string, username: string): void {
  const problems = passwordPolicyProblems(password, username);
  if (problems.length > 0) throw new ValidationFailed(problems.map((message) => ({ field: 'password', message })));
}

/** District staff must name one of the city's districts; every other role works city-wide. */
async function resolveRegion(em: EntityManager, role: Role, regionCode: string | null): Promise<string | null> {
  if (!roleNeedsRegion(role)) return null;
  if (!regionCode) throw ValidationFailed.field('regionCode', '旗县招商人员必须选择所属地区');
  const region = await em.findOneBy(Region, { code: regionCode });
  if (!region || region.parentCode === null) throw ValidationFailed.field('regionCode', `所属地区 ${regionCode} 不是本市的旗县市区`);
  return region.code;
}

async function assertAnotherAdmin(em: EntityManager, exceptId: string): Promise<void> {
  const others = await em
    .createQueryBuilder(User, 'u')
    .where("u.role = 'ADMIN' AND NOT u.disabled AND u.id <> :id", { id: exceptId })
    .getCount();
  if (others === 0) throw ValidationFailed.field('role', '系统中至少要保留一个启用的管理员');
}
