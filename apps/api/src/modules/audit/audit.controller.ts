import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuditEntryDto, auditEntitiesReadableBy, type Page } from '@zhaoshang/shared/domain';
import { CurrentUserActor, type UserActor } from '../../common/access/actor.js';
import { Forbidden, ValidationFailed } from '../../common/errors/app.exception.js';
import { Access } from '../../common/access/access.decorator.js';
import { AuditService } from './audit.service.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';
// the same page of entries as a project's history: one schema for both
import { ProjectHistoryResult } from '../projects/dto/project-response.dto.js';

@ApiTags('操作日志')
@Controller({ path: 'audit', version: '1' })
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access({ capability: 'audit:read' })
  @ApiOkResponse({ type: ProjectHistoryResult, description: '按时间倒序的一页日志；nextCursor 为 null 时没有更多' })
  list(@CurrentUserActor() actor: UserActor, @Query() query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const readable = auditEntitiesReadableBy(actor.role);
    if (query.entity && !readable.includes(query.entity)) throw new Forbidden('只有管理员可以查看用户、API 密钥和系统设置的操作日志');
    // the dates are YYYY-MM-DD, so their text order is their calendar order
    if (query.from && query.to && query.from > query.to) throw ValidationFailed.field('to', `日期止（${query.to}）不能早于日期起（${query.from}）`);
    return this.audit.list({ ...query, entities: readable, limit: query.limit ?? 50 });
  }
}
