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
import * as examples from '../../common/openapi/statistics-examples.js';

class FaiQueryDto extends YearQueryDto {
  @RegionCode(true) regionCode?: string;
}

@ApiTags('全社会固定资产投资')
@Controller({ path: 'fai-totals', version: '1' })
export class FaiController {
  constructor(private readonly fai: FaiService) {}

  @Get()
  @Access({ capability: 'fai:read', scopes: ['read'] })
  @ApiOperation({
    summary: '全社会固定资产投资（按地区、月份）/ Fixed-asset investment by region and month',
    description: '某年各地区各月的当月数（万元）；市（地区字典中无上级的地区）有统计部门提供的全市数时一并列出。\n\nA year\'s monthly figures (not year-to-date) per region, in 10,000 yuan as decimal strings; the city\'s own figure too when the statistics bureau gave one.',
  })
  @ApiDomainResponse('FaiTotalDto', { isArray: true, example: examples.faiListExample })
  list(@Query() query: FaiQueryDto): Promise<FaiTotalDto[]> {
    return this.fai.list(query.year, query.regionCode);
  }

  @Put()
  @Access({ capability: 'fai:edit', scopes: ['fai:write'] })
  @ApiOperation({
    summary: '写入全社会固定资产投资 / Push fixed-asset investment (FAI)',
    description: '幂等：相同数据再次写入不产生变更。basis=MONTH 为当月数；basis=YTD 为 1–N 月累计数（统计部门发布的口径），当月数 = 本月累计 − 上月累计（上月累计取自同一请求，或由已存的该年各月当月数相加；都没有时 400）。各项可带 version（乐观锁，不符时 409）；整批在一个事务中写入，任一项有误则都不写。\n\n' +
      'Idempotent: the same figures again change nothing. basis=MONTH: monthly figures; basis=YTD: year-to-date figures (as statistics bureaus publish them), the month\'s figure being this total minus last month\'s (from the same request, or the sum of the stored months of the year; 400 when neither is there). An item may carry version (409 when it is not the current one). All or nothing, in one transaction. Scope fai:write.',
  })
  @ApiDomainResponse('FaiWriteResult', { example: examples.faiWriteExample })
  write(@CurrentActor() actor: UserActor | ApiKeyActor, @Body() dto: FaiTotalsDto): Promise<FaiWriteResult> {
    return this.fai.write(actor, dto);
  }
}
