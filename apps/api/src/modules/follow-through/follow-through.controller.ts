import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FollowThroughSummary } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { FollowThroughQueryDto } from './dto/follow-through.dto.js';
import { FollowThroughService } from './follow-through.service.js';
import { ApiDomainResponse } from '../../common/openapi/domain-response.js';

@ApiTags('指标')
@Controller({ path: 'follow-through', version: '1' })
export class FollowThroughController {
  constructor(private readonly followThrough: FollowThroughService) {}

  @Get('summary')
  @Access({ capability: 'indicators:read' })
  @ApiOperation({
    summary: '跟踪落实汇总（驾驶舱、月调度表）',
    description:
      '各旗县市区及所选范围（默认全市）的问题诉求（累计、未办结、超期、办结数与办结率）和三单一函（期间内下发数、超期数，按提醒单、催办单、督办单、移交函）；' +
      '状态按期间最后一天（期间未结束时为今天）判断：问题在该日前提出且该日未办结、通知在该日前下发且该日未办结即计入',
  })
  @ApiDomainResponse('FollowThroughSummary')
  summary(@Query() query: FollowThroughQueryDto): Promise<FollowThroughSummary> {
    return this.followThrough.summary(query);
  }
}
