import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type EscalationResponse, type NoticeComposeResponse, type NoticeDto, noticeFileName, type NoticeListResponse, type NoticeSettingsResponse, type NoticeStatsResponse } from '@zhaoshang/shared/domain';
import type { FastifyReply } from 'fastify';
import { Access } from '../../common/access/access.decorator.js';
import { CurrentUserActor, type UserActor } from '../../common/access/actor.js';
import { attachmentHeader } from '../../common/http/xlsx-reply.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import {
  CreateNoticeDto,
  NoticeCancelDto,
  NoticeCloseDto,
  NoticeComposeQueryDto,
  NoticeFeedbackDto,
  NoticeQueryDto,
  NoticeReturnDto,
  NoticeSettingsDto,
  NoticeSignDto,
  NoticeStatsQueryDto,
  UpdateNoticeDto,
} from './dto/notices.dto.js';
import { DOCX_CONTENT_TYPE } from './notice-docx.js';
import { NoticeSettingsService } from './notice-settings.service.js';
import { NoticesService } from './notices.service.js';
import { ApiDomainResponse } from '../../common/openapi/domain-response.js';

const NOTICE_REGION = { in: 'params', field: 'id', resolve: 'notice' } as const;
const noticeId = uuidPipe('通知 ID');

/**
 * 三单一函 (DOMAIN.md §9, §7): everyone signed in reads; city staff issue 提醒单/催办单, draft 督办单/移交函,
 * close and cancel; the leader named as signer signs or returns; district staff answer for their region.
 */
@ApiTags('三单一函')
@Controller({ version: '1' })
export class NoticesController {
  constructor(
    private readonly notices: NoticesService,
    private readonly settings: NoticeSettingsService,
  ) {}

  @Get('settings/notices')
  @Access({ capability: 'notices:read' })
  @ApiOperation({ summary: '三单一函设置', description: '文号前缀、各文种办理时限（工作日）、节假日与调休上班日、发文机关；从未保存过时为默认值（版本 0）' })
  @ApiDomainResponse('NoticeSettingsResponse')
  getSettings(): Promise<NoticeSettingsResponse> {
    return this.settings.get();
  }

  @Put('settings/notices')
  @Access({ capability: 'settings:manage' })
  @ApiOperation({ summary: '修改三单一函设置', description: '整组提交；前缀 1–10 字，时限 1–60 个工作日，日期 YYYY-MM-DD；记入操作日志' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT：设置已被他人修改' })
  @ApiDomainResponse('NoticeSettingsResponse')
  putSettings(@CurrentUserActor() actor: UserActor, @Body() dto: NoticeSettingsDto): Promise<NoticeSettingsResponse> {
    return this.settings.put(actor, dto);
  }

  @Get('notices')
  @Access({ capability: 'notices:read' })
  @ApiOperation({ summary: '督办台账', description: '按文种、状态、地区、主送单位、事项、是否超期、年度筛选；超期的在前；toSign=true 为待我签发（领导）；counts 为整个筛选结果的计数' })
  @ApiDomainResponse('NoticeListResponse')
  list(@CurrentUserActor() actor: UserActor, @Query() query: NoticeQueryDto): Promise<NoticeListResponse> {
    return this.notices.list(actor, query);
  }

  @Get('notices/stats')
  @Access({ capability: 'notices:read' })
  @ApiOperation({ summary: '三单一函统计', description: '按旗县区（九个全列，另有合计）或主送单位：各文种已下发数与超期数、已办结、按期办结' })
  @ApiDomainResponse('NoticeStatsResponse')
  stats(@Query() query: NoticeStatsQueryDto): Promise<NoticeStatsResponse> {
    return this.notices.stats(query);
  }

  @Get('notices/escalations')
  @Access({ capability: 'notices:read' })
  @ApiOperation({ summary: '待升级', description: '事项仍未办结、最近一份通知已过办理时限的，建议升级为下一文种；超期工作日多的在前' })
  @ApiDomainResponse('EscalationResponse')
  escalations(): Promise<EscalationResponse> {
    return this.notices.escalations();
  }

  @Get('notices/compose')
  @Access({ capability: 'notices:issue' })
  @ApiOperation({ summary: '拟稿建议', description: '就某问题或某项目的红色预警拟某文种时建议的标题、事实、要求、主送单位、办理时限与上一级通知' })
  @ApiDomainResponse('NoticeComposeResponse')
  compose(@Query() query: NoticeComposeQueryDto): Promise<NoticeComposeResponse> {
    return this.notices.compose(query);
  }

  @Get('notices/:id')
  @Access({ capability: 'notices:read' })
  @ApiDomainResponse('NoticeDto')
  get(@Param('id', noticeId) id: string): Promise<NoticeDto> {
    return this.notices.get(id);
  }

  @Get('notices/:id/docx')
  @Access({ capability: 'notices:read' })
  @ApiOperation({ summary: '下载 Word 文档（.docx）', description: 'A4 公文格式：版头、文号（督办单、移交函含签发人）、标题、主送单位、正文、办理时限、落款与日期；草稿印“（草稿）”' })
  @ApiProduces(DOCX_CONTENT_TYPE)
  @ApiOkResponse({ description: '<文号或草稿>-<文种>.docx', schema: { type: 'string', format: 'binary' } })
  async docx(@Param('id', noticeId) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { notice, file } = await this.notices.docx(id);
    void reply.header('content-type', DOCX_CONTENT_TYPE).header('content-disposition', attachmentHeader(noticeFileName(notice), `notice-${notice.id}.docx`)).send(file);
  }

  @Post('notices')
  @Access({ capability: 'notices:issue' })
  @ApiOperation({ summary: '下发或拟稿', description: '提醒单、催办单即时下发并编号；督办单、移交函为待签发草稿，须选择签发领导' })
  @ApiDomainResponse('NoticeDto', { status: 201 })
  create(@CurrentUserActor() actor: UserActor, @Body() dto: CreateNoticeDto): Promise<NoticeDto> {
    return this.notices.create(actor, dto);
  }

  @Patch('notices/:id')
  @Access({ capability: 'notices:issue' })
  @ApiOperation({ summary: '修改草稿', description: '待签发或已退回的督办单、移交函；已退回的修改后重新提交签发' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT / WRONG_STATUS' })
  @ApiDomainResponse('NoticeDto')
  update(@CurrentUserActor() actor: UserActor, @Param('id', noticeId) id: string, @Body() dto: UpdateNoticeDto): Promise<NoticeDto> {
    return this.notices.update(actor, id, dto);
  }

  @Post('notices/:id/sign')
  @HttpCode(200)
  @Access({ capability: 'notices:sign' })
  @ApiOperation({ summary: '签发', description: '仅指定的签发领导；签发即下发并编号，未指定时限的按签发之日计算' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT / WRONG_STATUS' })
  @ApiDomainResponse('NoticeDto')
  sign(@CurrentUserActor() actor: UserActor, @Param('id', noticeId) id: string, @Body() dto: NoticeSignDto): Promise<NoticeDto> {
    return this.notices.sign(actor, id, dto);
  }

  @Post('notices/:id/return')
  @HttpCode(200)
  @Access({ capability: 'notices:sign' })
  @ApiOperation({ summary: '退回', description: '仅指定的签发领导，须填写意见' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT / WRONG_STATUS' })
  @ApiDomainResponse('NoticeDto')
  returnDraft(@CurrentUserActor() actor: UserActor, @Param('id', noticeId) id: string, @Body() dto: NoticeReturnDto): Promise<NoticeDto> {
    return this.notices.returnDraft(actor, id, dto);
  }

  @Post('notices/:id/feedback')
  @HttpCode(200)
  @Access({ capability: 'notices:feedback', region: NOTICE_REGION })
  @ApiOperation({ summary: '反馈', description: '旗县人员反馈本地区项目的通知；市级人员代市直单位反馈；再次反馈替换上一次（操作日志保留）' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT / WRONG_STATUS' })
  @ApiDomainResponse('NoticeDto')
  feedback(@CurrentUserActor() actor: UserActor, @Param('id', noticeId) id: string, @Body() dto: NoticeFeedbackDto): Promise<NoticeDto> {
    return this.notices.feedback(actor, id, dto);
  }

  @Post('notices/:id/close')
  @HttpCode(200)
  @Access({ capability: 'notices:issue' })
  @ApiOperation({ summary: '办结', description: '已下发或已反馈的通知；尚无反馈时须填写办结说明' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT / WRONG_STATUS' })
  @ApiDomainResponse('NoticeDto')
  close(@CurrentUserActor() actor: UserActor, @Param('id', noticeId) id: string, @Body() dto: NoticeCloseDto): Promise<NoticeDto> {
    return this.notices.close(actor, id, dto);
  }

  @Post('notices/:id/cancel')
  @HttpCode(200)
  @Access({ capability: 'notices:issue' })
  @ApiOperation({ summary: '作废', description: '仅尚未下发的草稿，须填写原因' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT / WRONG_STATUS' })
  @ApiDomainResponse('NoticeDto')
  cancel(@CurrentUserActor() actor: UserActor, @Param('id', noticeId) id: string, @Body() dto: NoticeCancelDto): Promise<NoticeDto> {
    return this.notices.cancel(actor, id, dto);
  }
}
