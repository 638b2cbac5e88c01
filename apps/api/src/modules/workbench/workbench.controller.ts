import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkbenchResponse } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { CurrentUserActor, type UserActor } from '../../common/access/actor.js';
import { WorkbenchService } from './workbench.service.js';
import { ApiDomainResponse } from '../../common/openapi/domain-response.js';

@ApiTags('工作台')
@Controller({ path: 'workbench', version: '1' })
export class WorkbenchController {
  constructor(private readonly workbench: WorkbenchService) {}

  // no API-key scope: the to-dos are a person's (role and region); statistics systems have the feeds
  @Get()
  @Access({ capability: 'workbench:use' })
  @ApiOperation({
    summary: '工作台待办',
    description:
      '按调用者的角色和地区统计待办：市级人员和管理员为待核实月报（按月）、待月结月份、全市红色预警；旗县人员为本地区本月及上月未填报、草稿、退回（含附原因数）、本地区红色预警；另附本地区最近的操作动态',
  })
  @ApiDomainResponse('WorkbenchResponse')
  get(@CurrentUserActor() actor: UserActor): Promise<WorkbenchResponse> {
    return this.workbench.forUser(actor);
  }
}
