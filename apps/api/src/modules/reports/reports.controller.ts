import { Body, Controller, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type FeedPage, type MonthlyReportDto, type ReportGridResponse, type ReportQueueResponse, type ReportsChanged, shanghaiToday } from '@zhaoshang/shared/domain';
import type { FastifyReply } from 'fastify';
import { Access } from '../../common/access/access.decorator.js';
import { CurrentUserActor, type UserActor } from '../../common/access/actor.js';
import { sendXlsx, XLSX_CONTENT_TYPE as XLSX } from '../../common/http/xlsx-reply.js';
import { FEED_PAGING_DESCRIPTION } from '../../common/sql/feed-page.js';
import { GridQueryDto, QueueQueryDto, ReportFeedQueryDto, ReportRangeQueryDto } from './dto/report-query.dto.js';
import { ReportFeedResult } from './dto/report-response.dto.js';
import { ReportActionDto, SaveDraftsDto, SubmitReportsDto } from './dto/report-write.dto.js';
import { ReportFeedService } from './report-feed.service.js';
import { ReportsService } from './reports.service.js';
import { ApiDomainResponse } from '../../common/openapi/domain-response.js';
import * as examples from '../../common/openapi/statistics-examples.js';


@ApiTags('月报')
@Controller({ path: 'monthly-reports', version: '1' })
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly feedService: ReportFeedService,
  ) {}

  @Get()
  @Access({ capability: 'reports:read', scopes: ['read'] })
  @ApiOperation({
    summary: '月报增量查询（统计接口）/ Monthly reports feed (statistics)',
    description: `按月份范围、地区、状态筛选（状态默认只取已核实，可给多个）；updatedSince 只取此后提交的月报。${FEED_PAGING_DESCRIPTION}\n\nMonthly reports by month range (from, to: YYYY-MM), region and status (VERIFIED unless given; several allowed); updatedSince gives only reports committed after it. Incremental feed in commit order: pass the returned resumeCursor as cursor next time and nothing committed is ever missed (rows of a transaction still running, e.g. a long import, come in a later call). nextCursor null: no more for now. Money: decimal strings, 10,000 yuan.`,
  })
  @ApiOkResponse({ type: ReportFeedResult, example: examples.reportsFeedExample })
  feed(@Query() query: ReportFeedQueryDto): Promise<FeedPage<MonthlyReportDto>> {
    return this.feedService.feed(query);
  }

  @Get('grid')
  @Access({ capability: 'reports:read' })
  @ApiOperation({ summary: '月报填报表', description: '某地区某月应填报的全部项目（该月底前已签约、该月之前未终止），附上月数据与本年累计（至上月）' })
  @ApiDomainResponse('ReportGridResponse')
  grid(@Query() query: GridQueryDto): Promise<ReportGridResponse> {
    return this.reports.grid(query.regionCode, query.month);
  }

  @Get('queue')
  @Access({ capability: 'reports:read' })
  @ApiOperation({ summary: '月报核实队列', description: '某月的月报（可按地区、状态筛选）及各地区的状态计数（含未填报）' })
  @ApiDomainResponse('ReportQueueResponse')
  queue(@Query() query: QueueQueryDto): Promise<ReportQueueResponse> {
    return this.reports.queue(query.month, query.regionCode, query.status);
  }

  @Get('export')
  @Access({ capability: 'reports:read' })
  @ApiOperation({ summary: '导出月报（.xlsx）', description: '列同月报导入模板，导出后可原样导入；默认只导出已报送（待核实、已核实）的月报' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: '月报-起止月份.xlsx', schema: { type: 'string', format: 'binary' } })
  async export(@Query() query: ReportRangeQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const stream = await this.feedService.exportXlsx(query);
    const name = `月报-${query.from.replace('-', '')}-${query.to.replace('-', '')}-${shanghaiToday().replaceAll('-', '')}.xlsx`;
    sendXlsx(reply, name, stream);
  }

  @Put('drafts')
  @Access({ capability: 'reports:edit', region: { in: 'body', field: 'regionCode' } })
  @ApiOperation({ summary: '保存月报草稿', description: '填报表中改动的行，全部成功或全部不保存；只有草稿和被退回的月报可以修改' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT / WRONG_STATUS / MONTH_CLOSED' })
  @ApiDomainResponse('ReportsChanged')
  saveDrafts(@CurrentUserActor() actor: UserActor, @Body() dto: SaveDraftsDto): Promise<ReportsChanged> {
    return this.reports.saveDrafts(actor, dto);
  }

  @Post('submit')
  @HttpCode(200)
  @Access({ capability: 'reports:edit', region: { in: 'body', field: 'regionCode' } })
  @ApiOperation({ summary: '报送月报', description: '报送该地区该月全部草稿和被退回的月报（或指定项目的）' })
  @ApiConflictResponse({ description: 'MONTH_CLOSED' })
  @ApiDomainResponse('ReportsChanged')
  submit(@CurrentUserActor() actor: UserActor, @Body() dto: SubmitReportsDto): Promise<ReportsChanged> {
    return this.reports.submit(actor, dto);
  }

  @Post('verify')
  @HttpCode(200)
  @Access({ capability: 'reports:verify' })
  @ApiOperation({ summary: '核实月报', description: '只有待核实的月报可以核实；每条带读取时的版本号' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT / WRONG_STATUS / MONTH_CLOSED' })
  @ApiDomainResponse('ReportsChanged')
  verify(@CurrentUserActor() actor: UserActor, @Body() dto: ReportActionDto): Promise<ReportsChanged> {
    return this.reports.verify(actor, dto);
  }

  @Post('return')
  @HttpCode(200)
  @Access({ capability: 'reports:verify' })
  @ApiOperation({ summary: '退回月报', description: '须填写退回原因；旗县修改后可重新报送' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT / WRONG_STATUS / MONTH_CLOSED' })
  @ApiDomainResponse('ReportsChanged')
  returnReports(@CurrentUserActor() actor: UserActor, @Body() dto: ReportActionDto): Promise<ReportsChanged> {
    return this.reports.return(actor, dto);
  }
}
