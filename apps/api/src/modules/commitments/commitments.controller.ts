import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommitmentListResponse, CommitmentStatsResponse, PolicyCommitmentDetailDto } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { type UserActor, CurrentUserActor } from '../../common/access/actor.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import { CommitmentQueryDto, CommitmentStatsQueryDto, CommitmentStatusDto, CreateCommitmentDto, UpdateCommitmentDto } from './dto/commitments.dto.js';
import { CommitmentsService } from './commitments.service.js';
import { ApiDomainResponse } from '../../common/openapi/domain-response.js';

const COMMITMENT_REGION = { in: 'params', field: 'id', resolve: 'commitment' } as const;
const commitmentId = uuidPipe('优惠政策承诺 ID');

/** 优惠政策兑现台账 (DOMAIN.md §9): everyone reads; staff record and honour (district staff their region's). */
@ApiTags('优惠政策兑现')
@Controller({ path: 'commitments', version: '1' })
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Get()
  @Access({ capability: 'commitments:read' })
  @ApiOperation({
    summary: '优惠政策兑现台账',
    description: '按地区、责任单位、类型、状态、是否逾期、项目、兑现期限（from/to）筛选；逾期的在前；totals 为整个筛选结果的计数与金额（万元），summary 为“梳理未兑现优惠政策…”一句',
  })
  @ApiDomainResponse('CommitmentListResponse')
  list(@Query() query: CommitmentQueryDto): Promise<CommitmentListResponse> {
    return this.commitments.list(query);
  }

  @Get('stats')
  @Access({ capability: 'commitments:read' })
  @ApiOperation({ summary: '优惠政策兑现统计', description: '按旗县区、责任单位或政策类型分组的计数与金额' })
  @ApiDomainResponse('CommitmentStatsResponse')
  stats(@Query() query: CommitmentStatsQueryDto): Promise<CommitmentStatsResponse> {
    return this.commitments.stats(query);
  }

  @Get(':id')
  @Access({ capability: 'commitments:read' })
  @ApiDomainResponse('PolicyCommitmentDetailDto')
  get(@Param('id', commitmentId) id: string): Promise<PolicyCommitmentDetailDto> {
    return this.commitments.get(id);
  }

  @Post()
  @Access({ capability: 'commitments:edit', region: { in: 'body', field: 'projectId', resolve: 'project' } })
  @ApiOperation({ summary: '登记优惠政策承诺' })
  @ApiDomainResponse('PolicyCommitmentDetailDto', { status: 201 })
  create(@CurrentUserActor() actor: UserActor, @Body() dto: CreateCommitmentDto): Promise<PolicyCommitmentDetailDto> {
    return this.commitments.create(actor, dto);
  }

  @Patch(':id')
  @Access({ capability: 'commitments:edit', region: COMMITMENT_REGION })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT' })
  @ApiDomainResponse('PolicyCommitmentDetailDto')
  update(@CurrentUserActor() actor: UserActor, @Param('id', commitmentId) id: string, @Body() dto: UpdateCommitmentDto): Promise<PolicyCommitmentDetailDto> {
    return this.commitments.update(actor, id, dto);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Access({ capability: 'commitments:edit', region: COMMITMENT_REGION })
  @ApiOperation({
    summary: '登记兑现情况',
    description: '未兑现 → 部分兑现 → 已兑现（填累计兑现金额与兑现日期，金额不超过承诺金额）| 不再兑现（须说明原因）；已办结的可改回部分兑现（须说明原因）',
  })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT / WRONG_STATUS' })
  @ApiDomainResponse('PolicyCommitmentDetailDto')
  changeStatus(@CurrentUserActor() actor: UserActor, @Param('id', commitmentId) id: string, @Body() dto: CommitmentStatusDto): Promise<PolicyCommitmentDetailDto> {
    return this.commitments.changeStatus(actor, id, dto);
  }
}
