import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectDetailDto, ReconciliationResponse, StatsCoverageResponse, StatsProjectsWriteResult, StatsToleranceSettings } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { CurrentUserActor, type UserActor } from '../../common/access/actor.js';
import * as examples from '../../common/openapi/statistics-examples.js';
import { ProjectDetailResponse } from '../projects/dto/project-response.dto.js';
import {
  AcceptStatsRegistrationDto,
  ReconciliationQueryDto,
  ReconciliationResultResponse,
  StatsCoverageResultResponse,
  StatsProjectsDto,
  StatsProjectsWriteResponse,
  StatsToleranceDto,
  StatsToleranceSettingsResponse,
} from './dto/stats-projects.dto.js';
import { StatsProjectsService } from './stats-projects.service.js';

const BAD_REQUEST = 'VALIDATION_FAILED：details 按字段列出每一处错误（如 items[3].nationalCode），message 为中文说明';

@ApiTags('统计对账')
@Controller({ path: 'stats-projects', version: '1' })
export class StatsProjectsController {
  constructor(private readonly stats: StatsProjectsService) {}

  @Put()
  @Access({ capability: 'fai:edit', scopes: ['stats:write'] })
  @ApiOperation({
    summary: '写入统计局入库项目清单 / Replace the statistics bureau’s list of registered projects',
    description:
      '以给出的清单替换该月（给出 regionCode 时仅该地区及其下级）的统计局固定资产投资项目库清单：新行新增、变化的行修改、清单中已没有的行删除。' +
      '幂等：同一清单再次写入不产生变更。任一行有误时返回 400，列出全部错误，不写入任何数据。' +
      ' Replaces the month’s list (of one region when regionCode is given). Idempotent; on any error nothing is written and every problem is listed.',
  })
  @ApiOkResponse({ type: StatsProjectsWriteResponse, example: examples.statsProjectsWriteExample })
  @ApiBadRequestResponse({ description: BAD_REQUEST })
  replace(@Body() dto: StatsProjectsDto): Promise<StatsProjectsWriteResult> {
    return this.stats.replace(dto);
  }

  @Get('reconciliation')
  @Access({ capability: 'projects:read', scopes: ['read'] })
  @ApiOperation({
    summary: '统计对账 / Reconciliation with the bureau’s list',
    description:
      '某月某地区（市为全部）的统计局清单与我方项目按投资项目代码、再按地区内项目名称匹配，给出五个清单：已匹配、我方入库统计未列、统计已列我方未入库、统计已列我方无此项目、完成投资不一致（超过允许差额与差异率）。' +
      '我方完成投资为本年 1 月至该月已核实月报之和。 Five lists: matched, ours registered but not theirs, theirs but ours not registered, theirs unknown to us, completed investment differing beyond the tolerance.',
  })
  @ApiOkResponse({ type: ReconciliationResultResponse, example: examples.reconciliationExample })
  @ApiBadRequestResponse({ description: BAD_REQUEST })
  reconcile(@Query() query: ReconciliationQueryDto): Promise<ReconciliationResponse> {
    return this.stats.reconcile(query.month, query.region);
  }

  @Get('coverage')
  @Access({ capability: 'indicators:read', scopes: ['read'] })
  @ApiOperation({
    summary: '入库项目统计局覆盖率 / Share of our registered projects the bureau also lists',
    description:
      '我方截至该月已入库的项目中，统计局最近一期清单（不晚于该月）也列出的比例。\n\nOf the projects we mark as registered by that month, the share that the latest list of the bureau (not later than the month) also holds; null when none is registered.',
  })
  @ApiOkResponse({ type: StatsCoverageResultResponse, example: examples.coverageExample })
  @ApiBadRequestResponse({ description: BAD_REQUEST })
  coverage(@Query() query: ReconciliationQueryDto): Promise<StatsCoverageResponse> {
    return this.stats.coverage(query.month, query.region);
  }

  @Post('accept')
  @HttpCode(200)
  @Access({ capability: 'projects:edit', region: { in: 'body', field: 'projectId', resolve: 'project' } })
  @ApiOperation({
    summary: '采用统计入库月份 · Take the bureau’s registration month into our project',
    description: '把统计局清单中该项目的入库月份写入我方项目（入库=是；我方无投资项目代码时一并写入），即一次项目修改：记入变更记录；涉及已月结月份时为更正，须市级人员或管理员填写原因',
  })
  @ApiOkResponse({ type: ProjectDetailResponse })
  @ApiBadRequestResponse({ description: BAD_REQUEST })
  @ApiNotFoundResponse({ description: 'NOT_FOUND：项目不存在，或该月统计局清单中没有与之对应的行' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT：项目已被他人修改。PERIOD_CLOSED：入库月份涉及已月结月份，须填写更正原因（仅市级人员和管理员）' })
  accept(@CurrentUserActor() actor: UserActor, @Body() dto: AcceptStatsRegistrationDto): Promise<ProjectDetailDto> {
    return this.stats.accept(actor, dto);
  }

  @Get('settings')
  @Access({ capability: 'projects:read' })
  @ApiOperation({ summary: '统计对账设置：完成投资允许差额与差异率' })
  @ApiOkResponse({ type: StatsToleranceSettingsResponse })
  settings(): Promise<StatsToleranceSettings & { version: number }> {
    return this.stats.tolerance();
  }

  @Put('settings')
  @Access({ capability: 'settings:manage' })
  @ApiOperation({ summary: '修改统计对账设置', description: '差额与差异率都超过时列为完成投资不一致' })
  @ApiOkResponse({ type: StatsToleranceSettingsResponse })
  @ApiBadRequestResponse({ description: BAD_REQUEST })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT：设置已被他人修改' })
  putSettings(@CurrentUserActor() actor: UserActor, @Body() dto: StatsToleranceDto): Promise<StatsToleranceSettings & { version: number }> {
    return this.stats.putTolerance(actor, dto);
  }
}
