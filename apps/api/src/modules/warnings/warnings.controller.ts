import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectWarningsResponse, WarningCountsResponse, WarningFlagsByProject, WarningListResponse, WarningSettingsResponse } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { CurrentUserActor, type UserActor } from '../../common/access/actor.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import { WarningDateQueryDto, WarningFlagsQueryDto, WarningQueryDto, WarningSettingsDto } from './dto/warnings.dto.js';
import { WarningSettingsService } from './warning-settings.service.js';
import { WarningsService } from './warnings.service.js';
import { ApiDomainResponse } from '../../common/openapi/domain-response.js';
import * as examples from '../../common/openapi/statistics-examples.js';

@ApiTags('预警')
@Controller({ version: '1' })
export class WarningsController {
  constructor(
    private readonly warnings: WarningsService,
    private readonly settings: WarningSettingsService,
  ) {}

  @Get('settings/warnings')
  @Access({ capability: 'warnings:read' })
  @ApiOperation({ summary: '预警设置', description: '五条预警规则的阈值；从未保存过时为默认值（版本 0）；缺少的规则（早先保存的设置）按默认值' })
  @ApiDomainResponse('WarningSettingsResponse')
  getSettings(): Promise<WarningSettingsResponse> {
    return this.settings.get();
  }

  @Put('settings/warnings')
  @Access({ capability: 'settings:manage' })
  @ApiOperation({ summary: '修改预警设置', description: '整组提交；各项为给定范围内的整数，红色阈值不能小于黄色阈值；记入操作日志' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT：预警设置已被他人修改' })
  @ApiDomainResponse('WarningSettingsResponse')
  putSettings(@CurrentUserActor() actor: UserActor, @Body() dto: WarningSettingsDto): Promise<WarningSettingsResponse> {
    return this.settings.put(actor, dto);
  }

  @Get('warnings')
  @Access({ capability: 'warnings:read', scopes: ['read'] })
  @ApiOperation({
    summary: '项目预警清单 / Project warnings',
    description: '按某日（默认今天）评估全部项目的预警：未按期开工、开工未入库、开工后资金未到位、月报未报送、问题超期未解决；可按地区、规则、级别筛选并分页；counts 为当日全部预警按地区、规则的红黄数（不受筛选影响）。\n\n' +
      'Warnings of all projects as of a day (today unless given): not started on time, started but not registered with statistics, no funds after starting, monthly report missing, problem overdue; filter by region, rule, level; counts are the day\'s red and yellow warnings by region and rule, unfiltered.',
  })
  @ApiDomainResponse('WarningListResponse', { example: examples.warningsExample })
  list(@Query() query: WarningQueryDto): Promise<WarningListResponse> {
    return this.warnings.list(query);
  }

  @Get('warnings/counts')
  @Access({ capability: 'warnings:read', scopes: ['read'] })
  @ApiOperation({
    summary: '当日预警计数 / Warning counts of a day',
    description: '某日（默认今天）全部项目的红黄预警数，按地区、按规则，与预警清单的 counts 相同；只要计数时（驾驶舱、工作台、统计系统）用它，比清单快。\n\n' +
      'The red and yellow warnings of all projects as of a day (today unless given), by region and by rule, the same as the counts of the warnings list; faster than the list when only the counts are wanted.',
  })
  @ApiDomainResponse('WarningCountsResponse', { example: examples.warningCountsExample })
  counts(@Query() query: WarningDateQueryDto): Promise<WarningCountsResponse> {
    return this.warnings.counts(query.date);
  }

  @Get('warnings/by-projects')
  @Access({ capability: 'warnings:read' })
  @ApiOperation({ summary: '若干项目今天的预警标记', description: '供项目列表显示红黄点；没有预警的项目不出现在结果中' })
  @ApiDomainResponse('WarningFlagsByProject')
  flags(@Query() query: WarningFlagsQueryDto): Promise<WarningFlagsByProject> {
    return this.warnings.flags(query.ids);
  }

  @Get('projects/:id/warnings')
  @Access({ capability: 'warnings:read' })
  @ApiOperation({ summary: '某项目的预警', description: '按某日（默认今天）评估' })
  @ApiDomainResponse('ProjectWarningsResponse')
  forProject(@Param('id', uuidPipe('项目编号')) id: string, @Query() query: WarningDateQueryDto): Promise<ProjectWarningsResponse> {
    return this.warnings.forProject(id, query.date);
  }
}
