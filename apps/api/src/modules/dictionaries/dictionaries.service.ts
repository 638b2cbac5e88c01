import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type IndustryDto, type RegionDto, type SiteDto, siteOf } from '@zhaoshang/shared/domain';
import { DataSource, IsNull, Repository } from 'typeorm';
import type { Actor } from '../../common/access/actor.js';
import { Conflict, NotFound, VersionConflict } from '../../common/errors/app.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateIndustryDto, UpdateIndustryDto } from './dto/industry.dto.js';
import { Industry } from './entities/industry.entity.js';
import { Region } from './entities/region.entity.js';

const toIndustryDto = ({ code, name, sortOrder, active, version }: Industry): IndustryDto => ({ code, name, sortOrder, active, version });

@Injectable()
export class DictionariesService {
  constructor(
    @InjectRepository(Region) private readonly regions: Repository<Region>,
    @InjectRepository(Industry) private readonly industries: Repository<Industry>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listRegions(): Promise<RegionDto[]> {
    const rows = await this.regions.find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map(({ code, name, shortName, parentCode, sortOrder }) => ({ code, name, shortName, parentCode, sortOrder }));
  }

  /** The city is the region without a parent; a database without regions has none yet. */
  async site(): Promise<SiteDto> {
    const city = await this.regions.findOne({ where: { parentCode: IsNull() }, order: { sortOrder: 'ASC', code: 'ASC' } });
    if (!city) throw new NotFound('市级地区', '（地区字典为空）');
    return siteOf({ code: city.code, name: city.name, shortName: city.shortName });
  }

  async findRegion(code: string): Promise<Region | null> {
    return this.regions.findOneBy({ code });
  }

  async listIndustries(): Promise<IndustryDto[]> {
    const rows = await this.industries.find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map(toIndustryDto);
  }

  async createIndustry(actor: Actor, dto: CreateIndustryDto): Promise<IndustryDto> {
    return this.dataSource.transaction(async (em) => {
      if (await em.existsBy(Industry, { code: dto.code })) throw new Conflict(`产业代码 ${dto.code} 已存在`, 'code');
      if (await em.existsBy(Industry, { name: dto.name })) throw new Conflict(`产业名称“${dto.name}”已存在`, 'name');
      const sortOrder = dto.sortOrder ?? ((await em.maximum(Industry, 'sortOrder')) ?? 0) + 10;
      const saved = await em.save(em.create(Industry, { code: dto.code, name: dto.name, sortOrder, active: true }));
      const after = toIndustryDto(saved);
      await this.audit.record(em, actor, { entity: 'industry', entityId: saved.code, action: 'CREATE', before: null, after });
      return after;
    });
  }

  async updateIndustry(actor: Actor, code: string, dto: UpdateIndustryDto): Promise<IndustryDto> {
    return this.dataSource.transaction(async (em) => {
      const industry = await em.findOne(Industry, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!industry) throw new NotFound('产业类别', code);
      if (industry.version !== dto.version) throw new VersionConflict('产业类别', industry.version, dto.version);
      if (dto.name !== undefined && dto.name !== industry.name && (await em.existsBy(Industry, { name: dto.name }))) {
        throw new Conflict(`产业名称“${dto.name}”已存在`, 'name');
      }
      const before = toIndustryDto(industry);
      em.merge(Industry, industry, { name: dto.name, sortOrder: dto.sortOrder, active: dto.active });
      const after = toIndustryDto(await em.save(industry));
      await this.audit.record(em, actor, { entity: 'industry', entityId: code, action: 'UPDATE', before, after });
      return after;
    });
  }
}
