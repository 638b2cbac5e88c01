import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IndustryDto, RegionDto, SiteDto } from '@zhaoshang/shared/domain';
import { Access, Public } from '../../common/access/access.decorator.js';
import { type UserActor, CurrentUserActor } from '../../common/access/actor.js';
import { DictionariesService } from './dictionaries.service.js';
import { CreateIndustryDto, IndustryResponse, RegionResponse, SiteResponse, UpdateIndustryDto } from './dto/industry.dto.js';
import * as examples from '../../common/openapi/statistics-examples.js';

@ApiTags('字典')
@Controller({ version: '1' })
export class DictionariesController {
  constructor(private readonly dictionaries: DictionariesService) {}

  @Get('site')
  @Public()
  @ApiOperation({ summary: '本系统服务的市及系统名称', description: '取自地区字典（无上级的地区为市）；登录前即可读取，供登录页、页眉和浏览器标题使用' })
  @ApiOkResponse({ type: SiteResponse })
  site(): Promise<SiteDto> {
    return this.dictionaries.site();
  }

  @Get('regions')
  @Access({ capability: 'dictionary:read', scopes: ['read'] })
  @ApiOperation({
    summary: '地区字典 / Regions',
    description: '市及所辖旗县区（行政区划代码、名称、上级）；项目、月报、指标中的 regionCode 即此代码。\n\nThe city and its districts (administrative division codes); every regionCode in projects, reports and indicators is one of these.',
  })
  @ApiOkResponse({ type: [RegionResponse], example: examples.regionsExample })
  regions(): Promise<RegionDto[]> {
    return this.dictionaries.listRegions();
  }

  @Get('industries')
  @Access({ capability: 'dictionary:read', scopes: ['read'] })
  @ApiOperation({
    summary: '产业字典 / Industries',
    description: '产业类别（含停用的）；项目的 industryCode 即此代码。\n\nIndustry categories, inactive ones included; a project\'s industryCode is one of these.',
  })
  @ApiOkResponse({ type: [IndustryResponse], example: examples.industriesExample })
  industries(): Promise<IndustryDto[]> {
    return this.dictionaries.listIndustries();
  }

  @Post('industries')
  @Access({ capability: 'dictionary:manage' })
  @ApiCreatedResponse({ type: IndustryResponse })
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
