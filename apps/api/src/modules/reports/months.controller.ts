import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isMonth, type MonthOverview, type MonthState } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { CurrentUserActor, type UserActor } from '../../common/access/actor.js';
import { ValidationFailed } from '../../common/errors/app.exception.js';
import { MonthsQueryDto } from './dto/report-query.dto.js';
import { MonthCloseDto, MonthReopenDto } from './dto/report-write.dto.js';
import { MonthsService } from './months.service.js';
import { ApiDomainResponse } from '../../common/openapi/domain-response.js';

function monthParam(month: string): string {
  if (!isMonth(month)) throw ValidationFailed.field('month', '月份应为 YYYY-MM 格式，例如 2025-09');
  return month;
}

@ApiTags('月结')
@Controller({ path: 'months', version: '1' })
export class MonthsController {
  constructor(private readonly months: MonthsService) {}

  @Get()
  @Access({ capability: 'reports:read' })
  @ApiOperation({
    summary: '各月月结状态 / Month close state',
    description: '该年截至本月的每个月（给出 month 时只返回该月）：是否月结、应报项目数、各状态月报数、未填报数。\n\nEach month of the year up to this one (only `month` when given): whether it is closed, how many projects should report, reports by status, missing ones. (Systems with an API key read a month\'s close state from GET /publications/{month}/status.)',
  })
  @ApiDomainResponse('MonthOverview', { isArray: true })
  overview(@Query() query: MonthsQueryDto): Promise<MonthOverview[]> {
    return this.months.overview(query.year, query.month);
  }

  @Post(':month/close')
  @HttpCode(200)
  @Access({ capability: 'months:close' })
  @ApiOperation({
    summary: '月结 / Close a month',
    description:
      '冻结该月全部月报（全市）；之后修改、报送、核实、导入均返回 409 MONTH_CLOSED。同时发布该月指标（全市及各旗县、当月及累计）为新的一版。' +
      '该月仍有待核实月报时返回 409 REPORTS_WAITING（说明份数），填写 reason 再次提交即确认月结，记入操作日志。\n\n' +
      'Freezes all reports of the month (city-wide): changing, submitting, verifying or importing them then answers 409 MONTH_CLOSED; publishes the month\'s indicators as a new revision. With reports still waiting for verification it answers 409 REPORTS_WAITING; resend with a reason to close all the same.',
  })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT / CONFLICT（已月结）/ REPORTS_WAITING（尚有待核实月报，须填写说明确认）' })
  @ApiDomainResponse('MonthState')
  close(@CurrentUserActor() actor: UserActor, @Param('month') month: string, @Body() dto: MonthCloseDto): Promise<MonthState> {
    return this.months.close(actor, monthParam(month), dto.version, dto.reason?.trim());
  }

  @Post(':month/reopen')
  @HttpCode(200)
  @Access({ capability: 'months:reopen' })
  @ApiOperation({
    summary: '重新打开已月结的月份（管理员）/ Reopen a closed month (admin)',
    description: '须填写原因，记入操作日志；再次月结时发布新的一版，原因即修订原因。\n\nNeeds a reason, recorded in the audit log; closing the month again publishes the next revision, with this reason as the revision\'s reason.',
  })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT / CONFLICT（未月结）' })
  @ApiDomainResponse('MonthState')
  reopen(@CurrentUserActor() actor: UserActor, @Param('month') month: string, @Body() dto: MonthReopenDto): Promise<MonthState> {
    return this.months.reopen(actor, monthParam(month), dto.version, dto.reason.trim());
  }
}
