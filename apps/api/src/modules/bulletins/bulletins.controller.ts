import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { bulletinFileName, type BulletinContent, type BulletinDto, type BulletinSummary } from '@zhaoshang/shared/domain';
import type { FastifyReply } from 'fastify';
import { Access } from '../../common/access/access.decorator.js';
import { CurrentUserActor, type UserActor } from '../../common/access/actor.js';
import { DOCX_CONTENT_TYPE } from '../../common/docx/official-document.js';
import { attachmentHeader } from '../../common/http/xlsx-reply.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import { BulletinsService } from './bulletins.service.js';
import { BulletinQuarterQueryDto, CreateBulletinDto } from './dto/bulletins.dto.js';
import { ApiDomainResponse } from '../../common/openapi/domain-response.js';

/** 季通报 (issue 15 item 2): everyone signed in reads and downloads; city staff and admins generate. */
@ApiTags('季度通报')
@Controller({ path: 'bulletins', version: '1' })
export class BulletinsController {
  constructor(private readonly bulletins: BulletinsService) {}

  @Get()
  @Access({ capability: 'bulletins:read' })
  @ApiOperation({ summary: '已生成的季度通报', description: '新的在前；每份记有所用各月发布数据的版本号' })
  @ApiDomainResponse('BulletinSummary', { isArray: true })
  list(): Promise<BulletinSummary[]> {
    return this.bulletins.list();
  }

  @Get('preview')
  @Access({ capability: 'bulletins:read' })
  @ApiOperation({
    summary: '季度通报预览',
    description: '只计已月结的月份（openMonths 为未月结的月份）：取本季度最后一个已月结月份发布的 1—M 月累计数据及同比；各旗县市区到位资金目标完成率与排名、亮晒比评、季末预警与三单一函',
  })
  @ApiDomainResponse('BulletinContent')
  preview(@Query() query: BulletinQuarterQueryDto): Promise<BulletinContent> {
    return this.bulletins.preview(query.quarter);
  }

  @Post()
  @Access({ capability: 'bulletins:generate' })
  @ApiOperation({ summary: '生成季度通报', description: '按预览内容与“下步要求”生成 Word 文档并保存（内容、所用发布版本、文件）；以后下载的仍是这一份；记入操作日志' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT：其间他人已生成了该季度的新版通报' })
  @ApiDomainResponse('BulletinDto', { status: 201 })
  create(@CurrentUserActor() actor: UserActor, @Body() dto: CreateBulletinDto): Promise<BulletinDto> {
    return this.bulletins.create(actor, dto);
  }

  @Get(':id/docx')
  @Access({ capability: 'bulletins:read' })
  @ApiOperation({ summary: '下载季度通报（.docx）', description: '生成时保存的文件，不随其后的数据修订而变' })
  @ApiProduces(DOCX_CONTENT_TYPE)
  @ApiOkResponse({ description: '通辽市招商引资工作季度通报-<期号>.docx', schema: { type: 'string', format: 'binary' } })
  async docx(@Param('id', uuidPipe('通报 ID')) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { bulletin, file } = await this.bulletins.docx(id);
    void reply.header('content-type', DOCX_CONTENT_TYPE).header('content-disposition', attachmentHeader(bulletinFileName(bulletin), `bulletin-${bulletin.quarter}.docx`)).send(file);
  }
}
