import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FaiTotalDto, FaiWriteResult } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { type ApiKeyActor, CurrentActor, type UserActor } from '../../common/access/actor.js';
import { RegionCode } from '../reports/dto/report-write.dto.js';
import { YearQueryDto } from '../reports/dto/report-query.dto.js';
import { FaiTotalsDto } from './dto/fai.dto.js';
import { FaiService } from './fai.service.js';
import { ApiDomainResponse } from '../../common/openapi/domain-response.js';

class FaiQueryDto extends YearQueryDto {
  @RegionCode(true) regionCode?: string;
}

@ApiTags('全社会固定资产投资')
@Controller({ path: 'fai-totals', version: '1' })
export class FaiController {
  constructor(private readonly fai: FaiService) {}

  @Get()
  @Access({ capability: 'fai:read', scopes: ['read'] })
  @ApiOperation({ summary: '全社会固定资产投资（按地区、月份）', description: '某年各地区各月的当月数（万元）；市（地区字典中无上级的地区）有统计部门提供的全市数时一并列出' })
  @ApiDomainResponse('FaiTotalDto', { isArray: true })
  list(@Query() query: FaiQueryDto): Promise<FaiTotalDto[]> {
    return this.fai.list(query.year, query.regionCode);
  }

  @Put()
  @Access({ capability: 'fai:edit', scopes: ['fai:write'] })
  @ApiOperation({ summary: '写入全社会固定资产投资', description: '幂等：相同数据再次写入不产生变更。basis=YTD 时按 1–N 月累计数换算为当月数' })
  @ApiDomainResponse('FaiWriteResult')
  write(@CurrentActor() actor: UserActor | ApiKeyActor, @Body() dto: FaiTotalsDto): Promise<FaiWriteResult> {
    return this.fai.write(actor, dto);
  }
}
