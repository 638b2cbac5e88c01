import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { IndustryDto, RegionDto } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { type UserActor, CurrentUserActor } from '../../common/access/actor.js';
import { DictionariesService } from './dictionaries.service.js';
import { CreateIndustryDto, IndustryResponse, RegionResponse, UpdateIndustryDto } from './dto/industry.dto.js';

@ApiTags('字典')
@Controller({ version: '1' })
export class DictionariesController {
  constructor(private readonly dictionaries: DictionariesService) {}

  @Get('regions')
  @Access({ capability: 'dictionary:read', scopes: ['read'] })
  @ApiOkResponse({ type: [RegionResponse] })
  regions(): Promise<RegionDto[]> {
    return this.dictionaries.listRegions();
  }

  @Get('industries')
  @Access({ capability: 'dictionary:read', scopes: ['read'] })
  @ApiOkResponse({ type: [IndustryResponse] })
  industries(): Promise<IndustryDto[]> {
    return this.dictionaries.listIndustries();
  }

  @Post('industries')
  @Access({ capability: 'dictionary:manage' })
  @ApiOkResponse({ type: IndustryResponse })
  createIndustry(@CurrentUserActor() actor: UserActor, @Body() dto: CreateIndustryDto): Promise<IndustryDto> {
    return this.dictionaries.createIndustry(actor, dto);
  }

  @Patch('industries/:code')
  @Access({ capability: 'dictionary:manage' })
  @ApiOkResponse({ type: IndustryResponse })
  updateIndustry(@CurrentUserActor() actor: UserActor, @Param('code') code: string, @Body() dto: UpdateIndustryDto): Promise<IndustryDto> {
    return this.dictionaries.updateIndustry(actor, code, dto);
  }
}
