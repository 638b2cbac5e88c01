import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DistrictContactDto, LeaderDto, UnitDto } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { type UserActor, CurrentUserActor } from '../../common/access/actor.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import { CreateLeaderDto, CreateUnitDto, DistrictContactResponse, DistrictContactsQueryDto, LeaderResponse, UnitResponse, UpdateLeaderDto, UpdateUnitDto } from './dto/responsibility.dto.js';
import { ResponsibilityService } from './responsibility.service.js';
import * as examples from '../../common/openapi/statistics-examples.js';

/** 包联领导 and 责任单位 (DOMAIN.md §9): read by every signed-in user and by read keys, kept by admins. */
@ApiTags('包联领导与责任单位')
@Controller({ version: '1' })
export class ResponsibilityController {
  constructor(private readonly responsibility: ResponsibilityService) {}

  @Get('leaders')
  @Access({ capability: 'dictionary:read', scopes: ['read'] })
  @ApiOperation({ summary: '包联领导名单 / Leaders in charge of projects', description: '含停用的；按排序。\n\nThe leaders who take charge of projects, inactive ones included, in display order.' })
  @ApiOkResponse({ type: [LeaderResponse], example: examples.leadersExample })
  leaders(): Promise<LeaderDto[]> {
    return this.responsibility.leaders();
  }

  @Post('leaders')
  @Access({ capability: 'dictionary:manage' })
  @ApiCreatedResponse({ type: LeaderResponse })
  @ApiConflictResponse({ description: '同名的领导已在名单中，或账号已关联到另一位领导' })
  createLeader(@CurrentUserActor() actor: UserActor, @Body() dto: CreateLeaderDto): Promise<LeaderDto> {
    return this.responsibility.createLeader(actor, dto);
  }

  @Patch('leaders/:id')
  @Access({ capability: 'dictionary:manage' })
  @ApiOkResponse({ type: LeaderResponse })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT，或同名、账号已关联' })
  updateLeader(@CurrentUserActor() actor: UserActor, @Param('id', uuidPipe('ID')) id: string, @Body() dto: UpdateLeaderDto): Promise<LeaderDto> {
    return this.responsibility.updateLeader(actor, id, dto);
  }

  @Get('district-contacts')
  @Access({ capability: 'projects:read' })
  @ApiOperation({ summary: '可任旗县联系人的人员', description: '该旗县区在用的旗县招商人员账号，供项目表单选择' })
  @ApiOkResponse({ type: [DistrictContactResponse] })
  districtContacts(@Query() query: DistrictContactsQueryDto): Promise<DistrictContactDto[]> {
    return this.responsibility.districtContacts(query.regionCode);
  }

  @Get('units')
  @Access({ capability: 'dictionary:read', scopes: ['read'] })
  @ApiOperation({ summary: '责任单位名单 / Responsible units', description: '市直部门与旗县区部门，含停用的；按排序。\n\nCity and district departments responsible for projects, inactive ones included, in display order.' })
  @ApiOkResponse({ type: [UnitResponse], example: examples.unitsExample })
  units(): Promise<UnitDto[]> {
    return this.responsibility.units();
  }

  @Post('units')
  @Access({ capability: 'dictionary:manage' })
  @ApiCreatedResponse({ type: UnitResponse })
  @ApiConflictResponse({ description: '同名的单位已在名单中' })
  createUnit(@CurrentUserActor() actor: UserActor, @Body() dto: CreateUnitDto): Promise<UnitDto> {
    return this.responsibility.createUnit(actor, dto);
  }

  @Patch('units/:id')
  @Access({ capability: 'dictionary:manage' })
  @ApiOkResponse({ type: UnitResponse })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT，或同名' })
  updateUnit(@CurrentUserActor() actor: UserActor, @Param('id', uuidPipe('ID')) id: string, @Body() dto: UpdateUnitDto): Promise<UnitDto> {
    return this.responsibility.updateUnit(actor, id, dto);
  }
}
