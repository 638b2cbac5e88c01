import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AssessmentResponse, AssessmentSettingsResponse } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { CurrentUserActor, type UserActor } from '../../common/access/actor.js';
import { AssessmentSettingsService } from './assessment-settings.service.js';
import { AssessmentService } from './assessment.service.js';
import { AssessmentQueryDto, AssessmentSettingsDto } from './dto/assessment.dto.js';
import { ApiDomainResponse } from '../../common/openapi/domain-response.js';

@ApiTags('考核')
@Controller({ path: 'assessment', version: '1' })
export class AssessmentController {
  constructor(private readonly assessment: AssessmentService) {}

  @Get()
  @Access({ capability: 'indicators:read' })
  @ApiOperation({
    summary: '考核排名',
    description:
      '各旗县市区的考核评分（0–100）、各考核项得分与排名（并列同名次，下一名次顺延）。目标完成率按期间内已结账月份的发布数据对照全年目标按月折算，超过 120% 按 120% 计；' +
      '问题与督办事项按期间最后一天（期间未结束时为今天）判断是否按时办结；无适用数据的考核项不计，其权重按比例分给其他项',
  })
  @ApiDomainResponse('AssessmentResponse')
  ranking(@Query() query: AssessmentQueryDto): Promise<AssessmentResponse> {
    return this.assessment.ranking(query.period);
  }
}

/** 考核设置: everyone who reads the ranking sees the weights it used; admins change them. */
@ApiTags('考核')
@Controller({ path: 'settings/assessment', version: '1' })
export class AssessmentSettingsController {
  constructor(private readonly settings: AssessmentSettingsService) {}

  @Get()
  @Access({ capability: 'indicators:read' })
  @ApiOperation({ summary: '考核设置', description: '各考核项的权重；从未保存过时为默认值（版本 0）' })
  @ApiDomainResponse('AssessmentSettingsResponse')
  get(): Promise<AssessmentSettingsResponse> {
    return this.settings.get();
  }

  @Put()
  @Access({ capability: 'settings:manage' })
  @ApiOperation({ summary: '修改考核设置', description: '整组提交；各项权重 0 至 1，合计为 1；记入操作日志' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT：考核设置已被他人修改' })
  @ApiDomainResponse('AssessmentSettingsResponse')
  put(@CurrentUserActor() actor: UserActor, @Body() dto: AssessmentSettingsDto): Promise<AssessmentSettingsResponse> {
    return this.settings.put(actor, dto);
  }
}
