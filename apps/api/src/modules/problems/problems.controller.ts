import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IssueStatsResponse, ProjectIssueDetailDto, ProjectIssueListResponse } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { type UserActor, CurrentUserActor } from '../../common/access/actor.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import { CreateProjectIssueDto, IssueNoteDto, IssueStatsQueryDto, IssueStatusDto, ProjectIssueQueryDto, UpdateProjectIssueDto } from './dto/problems.dto.js';
import { ProblemsService } from './problems.service.js';
import { ApiDomainResponse } from '../../common/openapi/domain-response.js';

const ISSUE_REGION = { in: 'params', field: 'id', resolve: 'projectIssue' } as const;
const issueId = uuidPipe('问题 ID');

/** 问题诉求 (DOMAIN.md §9): everyone reads; staff raise and handle (district staff their region's); leaders comment. */
@ApiTags('问题诉求')
@Controller({ path: 'project-issues', version: '1' })
export class ProblemsController {
  constructor(private readonly problems: ProblemsService) {}

  @Get()
  @Access({ capability: 'problems:read' })
  @ApiOperation({ summary: '问题清单', description: '按地区、责任单位、类别、状态、是否超期筛选；超期的在前；counts 为整个筛选结果的计数、办结率与平均办结天数' })
  @ApiDomainResponse('ProjectIssueListResponse')
  list(@Query() query: ProjectIssueQueryDto): Promise<ProjectIssueListResponse> {
    return this.problems.list(query);
  }

  @Get('stats')
  @Access({ capability: 'problems:read' })
  @ApiOperation({ summary: '问题统计', description: '按旗县区、责任单位或类别：总数、未办结、超期、办结、办结率、平均办结天数' })
  @ApiDomainResponse('IssueStatsResponse')
  stats(@Query() query: IssueStatsQueryDto): Promise<IssueStatsResponse> {
    return this.problems.stats(query);
  }

  @Get(':id')
  @Access({ capability: 'problems:read' })
  @ApiDomainResponse('ProjectIssueDetailDto')
  get(@Param('id', issueId) id: string): Promise<ProjectIssueDetailDto> {
    return this.problems.get(id);
  }

  @Post()
  @Access({ capability: 'problems:edit', region: { in: 'body', field: 'projectId', resolve: 'project' } })
  @ApiOperation({ summary: '提出问题', description: '办理时限默认按类别天数（问题诉求设置）' })
  @ApiDomainResponse('ProjectIssueDetailDto', { status: 201 })
  create(@CurrentUserActor() actor: UserActor, @Body() dto: CreateProjectIssueDto): Promise<ProjectIssueDetailDto> {
    return this.problems.create(actor, dto);
  }

  @Patch(':id')
  @Access({ capability: 'problems:edit', region: ISSUE_REGION })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT' })
  @ApiDomainResponse('ProjectIssueDetailDto')
  update(@CurrentUserActor() actor: UserActor, @Param('id', issueId) id: string, @Body() dto: UpdateProjectIssueDto): Promise<ProjectIssueDetailDto> {
    return this.problems.update(actor, id, dto);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Access({ capability: 'problems:edit', region: ISSUE_REGION })
  @ApiOperation({ summary: '改变问题状态', description: '待办 → 办理中 → 已解决 | 无法解决（须填办理结果）；已办结的可重新办理（须说明原因）' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT / WRONG_STATUS' })
  @ApiDomainResponse('ProjectIssueDetailDto')
  changeStatus(@CurrentUserActor() actor: UserActor, @Param('id', issueId) id: string, @Body() dto: IssueStatusDto): Promise<ProjectIssueDetailDto> {
    return this.problems.changeStatus(actor, id, dto);
  }

  @Post(':id/notes')
  @Access({ capability: 'problems:comment' })
  @ApiOperation({ summary: '填写办理进展或意见', description: '领导可填写意见；旗县人员只能在本地区的问题下填写' })
  @ApiDomainResponse('ProjectIssueDetailDto', { status: 201 })
  addNote(@CurrentUserActor() actor: UserActor, @Param('id', issueId) id: string, @Body() dto: IssueNoteDto): Promise<ProjectIssueDetailDto> {
    return this.problems.addNote(actor, id, dto);
  }
}
