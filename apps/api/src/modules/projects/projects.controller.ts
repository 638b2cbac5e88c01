import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type AuditEntryDto,
  type FeedPage,
  type LookAlikeCandidate,
  type Page,
  type ProjectDetailDto,
  type ProjectDto,
  type ProjectSearchResponse,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import type { FastifyReply } from 'fastify';
import { Access, type RegionSource } from '../../common/access/access.decorator.js';
import { CurrentUserActor, type UserActor } from '../../common/access/actor.js';
import { sendXlsx, XLSX_CONTENT_TYPE as XLSX } from '../../common/http/xlsx-reply.js';
import { FEED_PAGING_DESCRIPTION } from '../../common/sql/feed-page.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import { ProjectFeedQueryDto, ProjectHistoryQueryDto, ProjectSearchQueryDto } from './dto/project-query.dto.js';
import {
  LookAlikeCandidateResponse,
  ProjectDetailResponse,
  ProjectFeedResult,
  ProjectHistoryResult,
  ProjectSearchResult,
} from './dto/project-response.dto.js';
import { CreateProjectDto, LookAlikeQueryDto, StageMoveDto, UpdateApprovalsDto, UpdateProjectDto } from './dto/project-write.dto.js';
import { exportFileName } from './project-export.js';
import { ProjectQueriesService } from './project-queries.service.js';
import { ProjectsService } from './projects.service.js';
import * as examples from '../../common/openapi/statistics-examples.js';

/** District staff change only their own region's projects: the guard looks the project's region up. */
const PROJECT_REGION: RegionSource = { in: 'params', field: 'id', resolve: 'project' };
const projectId = uuidPipe('项目编号');
/** DOMAIN.md §5: the 409s of a change to a project. */
const PERIOD_CLOSED_DOC =
  'VERSION_CONFLICT：项目已被他人修改。PERIOD_CLOSED：修改会改变已月结月份的数据（签约日期、签约额、投资方来源、产业类别、重点项目、入库、里程碑日期等），' +
  'message 说明涉及的月份与字段，details 按字段列出；旗县人员不能更正，市级人员和管理员填写 correctionReason 后重新提交即为更正，记入更正记录（GET /corrections）';

@ApiTags('项目')
@Controller({ path: 'projects', version: '1' })
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly queries: ProjectQueriesService,
  ) {}

  @Get()
  @Access({ capability: 'projects:read', scopes: ['read'] })
  @ApiOperation({
    summary: '项目增量查询（统计接口）/ Projects feed (statistics)',
    description: `按条件筛选；用 updatedSince 只取此后提交的项目变更。${FEED_PAGING_DESCRIPTION}\n\nProjects by filters; updatedSince gives only changes committed after it. Incremental feed in commit order: pass the returned resumeCursor as cursor next time and nothing committed is ever missed (rows of a transaction still running, e.g. a long import, come in a later call). nextCursor null: no more for now. Money: decimal strings, 10,000 yuan.`,
  })
  @ApiOkResponse({ type: ProjectFeedResult, example: examples.projectsFeedExample })
  feed(@Query() query: ProjectFeedQueryDto): Promise<FeedPage<ProjectDto>> {
    return this.queries.feed(query);
  }

  @Get('search')
  @Access({ capability: 'projects:read' })
  @ApiOperation({ summary: '项目列表：筛选、排序、分页，并给出整个筛选结果的合计' })
  @ApiOkResponse({ type: ProjectSearchResult })
  search(@CurrentUserActor() actor: UserActor, @Query() query: ProjectSearchQueryDto): Promise<ProjectSearchResponse> {
    return this.queries.search(query, actor.id);
  }

  @Get('export')
  @Access({ capability: 'projects:read' })
  @ApiOperation({ summary: '导出项目清单（.xlsx）', description: '筛选与排序同项目列表，导出全部结果（忽略分页）；列同项目导入模板' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: '项目清单-YYYYMMDD.xlsx', schema: { type: 'string', format: 'binary' } })
  async export(@CurrentUserActor() actor: UserActor, @Query() query: ProjectSearchQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const stream = await this.queries.exportXlsx(query, actor.id);
    sendXlsx(reply, exportFileName(shanghaiToday()), stream);
  }

  @Post('look-alikes')
  @HttpCode(200)
  @Access({ capability: 'projects:read' })
  @ApiOperation({ summary: '查找疑似重复项目', description: '投资方统一社会信用代码相同，或同一地区同名（不区分大小写与空格）；已终止的项目也列出' })
  @ApiOkResponse({ type: [LookAlikeCandidateResponse] })
  lookAlikes(@Body() query: LookAlikeQueryDto): Promise<LookAlikeCandidate[]> {
    return this.queries.lookAlikes(query);
  }

  @Get(':id')
  @Access({ capability: 'projects:read' })
  @ApiOperation({ summary: '项目详情', description: '含手续清单与增资项目' })
  @ApiOkResponse({ type: ProjectDetailResponse })
  get(@Param('id', projectId) id: string): Promise<ProjectDetailDto> {
    return this.queries.get(id);
  }

  @Get(':id/history')
  @Access({ capability: 'projects:read' })
  @ApiOperation({ summary: '项目变更记录', description: '新的在前；before/after 的字段名同项目字段' })
  @ApiOkResponse({ type: ProjectHistoryResult })
  history(@Param('id', projectId) id: string, @Query() query: ProjectHistoryQueryDto): Promise<Page<AuditEntryDto>> {
    return this.queries.history(id, query);
  }

  @Post()
  @Access({ capability: 'projects:edit', region: { in: 'body', field: 'regionCode' } })
  @ApiOperation({ summary: '登记项目', description: '项目编号自动生成；与已有项目疑似重复时返回 409 LOOK_ALIKE，确认后带 confirmLookAlike: true 重新提交' })
  @ApiCreatedResponse({ type: ProjectDetailResponse })
  @ApiConflictResponse({ description: 'LOOK_ALIKE：疑似重复项目，details 列出每个候选项目' })
  create(@CurrentUserActor() actor: UserActor, @Body() dto: CreateProjectDto): Promise<ProjectDetailDto> {
    return this.projects.create(actor, dto);
  }

  @Patch(':id')
  @Access({ capability: 'projects:edit', region: PROJECT_REGION })
  @ApiOperation({ summary: '修改项目', description: '阶段用 POST /projects/{id}/stage 变更；所属地区与增资所属项目不能修改' })
  @ApiOkResponse({ type: ProjectDetailResponse })
  @ApiConflictResponse({ description: PERIOD_CLOSED_DOC })
  update(@CurrentUserActor() actor: UserActor, @Param('id', projectId) id: string, @Body() dto: UpdateProjectDto): Promise<ProjectDetailDto> {
    return this.projects.update(actor, id, dto);
  }

  @Post(':id/stage')
  @HttpCode(200)
  @Access({ capability: 'projects:edit', region: PROJECT_REGION })
  @ApiOperation({ summary: '变更项目阶段', description: '向前可跳过阶段；终止须填写终止原因；退回之前的阶段属于更正，仅市级人员和管理员可操作，须填写原因' })
  @ApiOkResponse({ type: ProjectDetailResponse })
  @ApiConflictResponse({ description: PERIOD_CLOSED_DOC.replace('correctionReason', 'reason') })
  moveStage(@CurrentUserActor() actor: UserActor, @Param('id', projectId) id: string, @Body() dto: StageMoveDto): Promise<ProjectDetailDto> {
    return this.projects.moveStage(actor, id, dto);
  }

  @Put(':id/approvals')
  @Access({ capability: 'projects:edit', region: PROJECT_REGION })
  @ApiOperation({ summary: '更新手续清单', description: '六项手续各一项；已办结的须填写办结日期' })
  @ApiOkResponse({ type: ProjectDetailResponse })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT：项目已被他人修改' })
  updateApprovals(@CurrentUserActor() actor: UserActor, @Param('id', projectId) id: string, @Body() dto: UpdateApprovalsDto): Promise<ProjectDetailDto> {
    return this.projects.updateApprovals(actor, id, dto);
  }
}
