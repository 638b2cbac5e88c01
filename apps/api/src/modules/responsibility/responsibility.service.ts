import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DistrictContactDto, type LeaderDto, levelRegionProblem, type ResponsibilityLevel, type UnitDto } from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import type { Actor } from '../../common/access/actor.js';
import { Conflict, NotFound, ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlFragment } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import { Region } from '../dictionaries/entities/region.entity.js';
import { User } from '../users/entities/user.entity.js';
import type { CreateLeaderDto, CreateUnitDto, UpdateLeaderDto, UpdateUnitDto } from './dto/responsibility.dto.js';
import { Leader } from './entities/leader.entity.js';
import { Unit } from './entities/unit.entity.js';

const toLeaderDto = ({ id, name, portfolio, level, regionCode, userId, sortOrder, active, version }: Leader): LeaderDto => ({ id, name, portfolio, level, regionCode, userId, sortOrder, active, version });
const toUnitDto = ({ id, name, level, regionCode, sortOrder, active, version }: Unit): UnitDto => ({ id, name, level, regionCode, sortOrder, active, version });

/**
 * The lists of 包联领导 and 责任单位 (DOMAIN.md §9) an admin keeps. Entries are never deleted (projects,
 * problems and notices keep naming them): they are deactivated, and then offered to no new project.
 * Renaming an entry renames it on its projects (the foreign key cascades), in the same transaction.
 */
@Injectable()
export class ResponsibilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async leaders(): Promise<LeaderDto[]> {
    return (await this.dataSource.getRepository(Leader).find({ order: { sortOrder: 'ASC', name: 'ASC' } })).map(toLeaderDto);
  }

  async units(): Promise<UnitDto[]> {
    return (await this.dataSource.getRepository(Unit).find({ order: { sortOrder: 'ASC', name: 'ASC' } })).map(toUnitDto);
  }

  /** The accounts that may be a project's 旗县联系人 in a district: its district staff, not disabled. */
  async districtContacts(regionCode: string): Promise<DistrictContactDto[]> {
    return runSql<DistrictContactDto>(
      this.dataSource,
      sql`SELECT id, username, display_name AS "displayName" FROM users WHERE role = 'DISTRICT_STAFF' AND region_code = ${regionCode} AND NOT disabled ORDER BY display_name, username`,
    );
  }

  async createLeader(actor: Actor, dto: CreateLeaderDto): Promise<LeaderDto> {
    return this.dataSource.transaction(async (em) => {
      await this.checkPlace(em, dto.level, dto.regionCode ?? null);
      await this.checkUniqueName(em, Leader, dto.name, null, '领导');
      if (dto.userId) await this.checkLeaderAccount(em, dto.userId, null);
      const sortOrder = dto.sortOrder ?? ((await em.maximum(Leader, 'sortOrder')) ?? 0) + 10;
      const saved = await em.save(em.create(Leader, { name: dto.name, portfolio: dto.portfolio ?? null, level: dto.level, regionCode: dto.regionCode ?? null, userId: dto.userId ?? null, sortOrder, active: true }));
      const after = toLeaderDto(saved);
      await this.audit.record(em, actor, { entity: 'leader', entityId: saved.id, action: 'CREATE', before: null, after });
      return after;
    });
  }

  async updateLeader(actor: Actor, id: string, dto: UpdateLeaderDto): Promise<LeaderDto> {
    return this.dataSource.transaction(async (em) => {
      const leader = await em.findOne(Leader, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!leader) throw new NotFound('包联领导', id);
      if (leader.version !== dto.version) throw new VersionConflict('包联领导', leader.version, dto.version);
      const level = dto.level ?? leader.level;
      const regionCode = dto.regionCode !== undefined ? dto.regionCode : level === 'CITY' && dto.level !== undefined ? null : leader.regionCode;
      await this.checkPlace(em, level, regionCode);
      if (dto.name !== undefined && dto.name !== leader.name) await this.checkUniqueName(em, Leader, dto.name, id, '领导');
      if (dto.userId) await this.checkLeaderAccount(em, dto.userId, id);
      const before = toLeaderDto(leader);
      em.merge(Leader, leader, { name: dto.name, portfolio: dto.portfolio, level, regionCode, userId: dto.userId, sortOrder: dto.sortOrder, active: dto.active });
      const after = toLeaderDto(await em.save(leader));
      const renamed = before.name !== after.name ? await projectsNaming(em, sql`lead_official`, after.name) : 0;
      await this.audit.record(em, actor, { entity: 'leader', entityId: id, action: 'UPDATE', before, after: renamed ? { ...after, projectsRenamed: renamed } : after });
      return after;
    });
  }

  async createUnit(actor: Actor, dto: CreateUnitDto): Promise<UnitDto> {
    return this.dataSource.transaction(async (em) => {
      await this.checkPlace(em, dto.level, dto.regionCode ?? null);
      await this.checkUniqueName(em, Unit, dto.name, null, '单位');
      const sortOrder = dto.sortOrder ?? ((await em.maximum(Unit, 'sortOrder')) ?? 0) + 10;
      const saved = await em.save(em.create(Unit, { name: dto.name, level: dto.level, regionCode: dto.regionCode ?? null, sortOrder, active: true }));
      const after = toUnitDto(saved);
      await this.audit.record(em, actor, { entity: 'unit', entityId: saved.id, action: 'CREATE', before: null, after });
      return after;
    });
  }

  async updateUnit(actor: Actor, id: string, dto: UpdateUnitDto): Promise<UnitDto> {
    return this.dataSource.transaction(async (em) => {
      const unit = await em.findOne(Unit, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw new NotFound('责任单位', id);
      if (unit.version !== dto.version) throw new VersionConflict('责任单位', unit.version, dto.version);
      const level = dto.level ?? unit.level;
      const regionCode = dto.regionCode !== undefined ? dto.regionCode : level === 'CITY' && dto.level !== undefined ? null : unit.regionCode;
      await this.checkPlace(em, level, regionCode);
      if (dto.name !== undefined && dto.name !== unit.name) await this.checkUniqueName(em, Unit, dto.name, id, '单位');
      const before = toUnitDto(unit);
      em.merge(Unit, unit, { name: dto.name, level, regionCode, sortOrder: dto.sortOrder, active: dto.active });
      const after = toUnitDto(await em.save(unit));
      const renamed = before.name !== after.name ? await projectsNaming(em, sql`lead_department`, after.name) : 0;
      await this.audit.record(em, actor, { entity: 'unit', entityId: id, action: 'UPDATE', before, after: renamed ? { ...after, projectsRenamed: renamed } : after });
      return after;
    });
  }

  /** A district entry names one of the city's districts; a city entry none. */
  private async checkPlace(em: EntityManager, level: ResponsibilityLevel, regionCode: string | null): Promise<void> {
    const problem = levelRegionProblem(level, regionCode);
    if (problem) throw ValidationFailed.field('regionCode', problem);
    if (regionCode && !(await em.existsBy(Region, { code: regionCode, parentCode: Not(IsNull()) }))) {
      throw ValidationFailed.field('regionCode', `所属旗县区 ${regionCode} 不存在`);
    }
  }

  private async checkUniqueName(em: EntityManager, entity: typeof Leader | typeof Unit, name: string, exceptId: string | null, what: string): Promise<void> {
    const same = await em.getRepository(entity).findOneBy({ name });
    if (same && same.id !== exceptId) throw new Conflict(`名单中已有${what}“${name}”`, 'name');
  }

  /** Only an account with the LEADER role, and not already another entry's. */
  private async checkLeaderAccount(em: EntityManager, userId: string, exceptId: string | null): Promise<void> {
    const user = await em.findOneBy(User, { id: userId });
    if (!user) throw ValidationFailed.field('userId', '关联的账号不存在');
    if (user.role !== 'LEADER') throw ValidationFailed.field('userId', `账号 ${user.username} 的角色不是领导，不能关联为包联领导`);
    const taken = await em.findOneBy(Leader, { userId });
    if (taken && taken.id !== exceptId) throw new Conflict(`账号 ${user.username} 已关联到“${taken.name}”`, 'userId');
  }
}

/** How many projects now carry the new name (the rename reached them through the foreign key). */
async function projectsNaming(em: EntityManager, column: SqlFragment, name: string): Promise<number> {
  const [{ count }] = await runSql<{ count: number }>(em, sql`SELECT count(*)::int AS count FROM projects WHERE ${column} = ${name}`);
  return count;
}
