import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TargetDto, TargetProgressResponse, TargetsWriteResult } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { CurrentUserActor, type UserActor } from '../../common/access/actor.js';
import { TargetProgressQueryDto, TargetsQueryDto, TargetsWriteDto } from './dto/targets.dto.js';
import { TargetProgressService } from './target-progress.service.js';
import { TargetsService } from './targets.service.js';
import { ApiDomainResponse } from '../../common/openapi/domain-response.js';

@ApiTags('目标任务')
@Controller({ path: 'targets', version: '1' })
export class TargetsController {
  constructor(
    private readonly targets: TargetsService,
    private readonly progressService: TargetProgressService,
  ) {}

  @Get()
  @Access({ capability: 'targets:read' })
  @ApiOperation({ summary: '年度目标任务', description: '某年全市及各旗县市区已设定的目标；金额类为万元（两位小数），个数类为整数' })
  @ApiDomainResponse('TargetDto', { isArray: true })
  list(@Query() query: TargetsQueryDto): Promise<TargetDto[]> {
    return this.targets.list(query.year);
  }

  @Put()
  @Access({ capability: 'targets:manage' })
  @ApiOperation({ summary: '设定年度目标任务', description: '全部成功或全部不保存；未变化的目标不写入；value 为 null 或空文本时删除该目标' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT：目标已被他人修改' })
  @ApiDomainResponse('TargetsWriteResult')
  write(@CurrentUserActor() actor: UserActor, @Body() dto: TargetsWriteDto): Promise<TargetsWriteResult> {
    return this.targets.write(actor, dto);
  }

  @Get('progress')
  @Access({ capability: 'targets:read' })
  @ApiOperation({
    summary: '目标完成情况',
    description: '各指标：各旗县市区自 1 月至截止月份的实际数（已核实月报）、年度目标、完成率及排名（完成率最高为第 1 名，无目标的不排名）；截止月份默认为本月（往年为 12 月）',
  })
  @ApiDomainResponse('TargetProgressResponse')
  progress(@Query() query: TargetProgressQueryDto): Promise<TargetProgressResponse> {
    return this.progressService.progress(query.year, query.to);
  }
}
