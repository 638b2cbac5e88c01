import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IssueSettingsResponse } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { CurrentUserActor, type UserActor } from '../../common/access/actor.js';
import { IssueSettingsDto } from './dto/problems.dto.js';
import { IssueSettingsService } from './issue-settings.service.js';
import { ApiDomainResponse } from '../../common/openapi/domain-response.js';

/** 问题诉求设置: everyone who reads problems sees the due days (the 提出问题 dialog prefills from them); admins change them. */
@ApiTags('问题诉求')
@Controller({ path: 'settings/issues', version: '1' })
export class IssueSettingsController {
  constructor(private readonly settings: IssueSettingsService) {}

  @Get()
  @Access({ capability: 'problems:read' })
  @ApiOperation({ summary: '问题诉求设置', description: '按问题类别的默认办理天数；从未保存过时为默认值（版本 0）' })
  @ApiDomainResponse('IssueSettingsResponse')
  get(): Promise<IssueSettingsResponse> {
    return this.settings.get();
  }

  @Put()
  @Access({ capability: 'settings:manage' })
  @ApiOperation({ summary: '修改问题诉求设置', description: '整组提交；各类别为 1 至 365 的整数（天）；只影响之后提出的问题；记入操作日志' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT：问题诉求设置已被他人修改' })
  @ApiDomainResponse('IssueSettingsResponse')
  put(@CurrentUserActor() actor: UserActor, @Body() dto: IssueSettingsDto): Promise<IssueSettingsResponse> {
    return this.settings.put(actor, dto);
  }
}
