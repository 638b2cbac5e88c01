import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  DRILL_INDICATORS,
  type DrillIndicator,
  type DrillQuery,
  type DrillResponse,
  INDICATOR_GROUP_BYS,
  type IndicatorGroupBy,
  type IndicatorQuery,
  type IndicatorResponse,
  INVESTOR_ORIGINS,
  type InvestorOrigin,
} from '@zhaoshang/shared/domain';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Access } from '../../common/access/access.decorator.js';
import { queryBoolean } from '../projects/dto/fields.js';
import { MonthText, RegionCode } from '../reports/dto/report-write.dto.js';
import { DrillService } from './drill.service.js';
import { IndicatorsService } from './indicators.service.js';
import { ApiDomainResponse } from '../../common/openapi/domain-response.js';
import * as examples from '../../common/openapi/statistics-examples.js';

export class IndicatorQueryDto implements IndicatorQuery {
  @MonthText('起始月份') from: string;
  @MonthText('截止月份') to: string;
  @RegionCode(true) region?: string;

  @ApiPropertyOptional({ title: '分组', enum: INDICATOR_GROUP_BYS, description: 'region 按旗县、industry 按产业、month 按月；不填只给合计' })
  @IsOptional()
  @IsIn(INDICATOR_GROUP_BYS)
  groupBy?: IndicatorGroupBy;

  @ApiPropertyOptional({
    title: '另一分组',
    enum: INDICATOR_GROUP_BYS,
    description: '与 groupBy 同用且不同：同一次请求再给出按该分组的各行（also.rows，与只按它分组时的各行相同；合计不变）。驾驶舱用它一次取得按旗县与按产业',
  })
  @IsOptional()
  @IsIn(INDICATOR_GROUP_BYS)
  alsoGroupBy?: IndicatorGroupBy;

  @ApiPropertyOptional({ title: '含未核实月报', type: Boolean, default: false, description: 'true 时待核实（已报送）的月报也计入' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  includeUnverified?: boolean;
}

export class DrillQueryDto implements DrillQuery {
  @ApiProperty({ title: '指标', enum: DRILL_INDICATORS })
  @IsIn(DRILL_INDICATORS, { message: `指标（indicator）应为以下之一：${DRILL_INDICATORS.join('、')}` })
  indicator: DrillIndicator;

  @MonthText('起始月份') from: string;
  @MonthText('截止月份') to: string;
  @RegionCode(true) region?: string;

  @ApiPropertyOptional({ title: '产业', description: '只看该产业的项目（按产业分组的一行）' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  industry?: string;

  @ApiPropertyOptional({ title: '资金来源', enum: INVESTOR_ORIGINS, description: 'indicator=arrivedByOrigin 时必填' })
  @IsOptional()
  @IsIn(INVESTOR_ORIGINS, { message: `资金来源（origin）应为以下之一：${INVESTOR_ORIGINS.join('、')}` })
  origin?: InvestorOrigin;

  @ApiPropertyOptional({ title: '含未核实月报', type: Boolean, default: false })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  includeUnverified?: boolean;

  @ApiPropertyOptional({ title: '只取前几行', minimum: 0, maximum: 1000, description: '只返回最大的前 limit 行；合计（total）、行数（rowCount）与按阶段计数（byStage）仍按全部行计算。0：只要合计' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '只取前几行（limit）应为整数' })
  @Min(0, { message: '只取前几行（limit）应在 0 至 1000 之间' })
  @Max(1000, { message: '只取前几行（limit）应在 0 至 1000 之间' })
  limit?: number;
}

@ApiTags('指标')
@Controller({ path: 'indicators', version: '1' })
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly drills: DrillService,
  ) {}

  @Get()
  @Access({ capability: 'indicators:read', scopes: ['read'] })
  @ApiOperation({
    summary: '指标（DOMAIN.md §6）/ Indicators',
    description:
      '某范围（全市或一个旗县）、某段月份的签约、开工、到位资金、固投占比等指标，可按地区、产业、月份分组，附上年同期与同比、重点项目、目标完成率。' +
      '全市到位资金不含市内县际资金，各旗县含本地区引进的县际资金，故按地区分组时合计不等于各行之和（total.note 说明）。比值分母为 0 时为 null。' +
      'foreignCapitalWan 为实际利用外资（境外来源项目的到位资金）；lastYear 为上年同期的全部金额与个数（含 arrivedByOrigin 与 keyProjects 个数），' +
      'yoy 为其中每个金额与个数的同比（含 arrivedByOrigin 各来源与 keyProjects 的 count、startedCount、approvalsCompleteCount）。' +
      '开工以开工日期为准，无开工日期而直接投产的以投产日期为准；已终止项目只计终止当月及以前的月报；重点项目手续办结以期末当日已办结为准。' +
      '按产业分组时各行的 faiTotalWan 为范围的全社会固定资产投资（固投不分产业），比重、贡献率、拉动为该产业占整体的部分。\n\n' +
      'Signed, started, attracted funds, share of fixed-asset investment and more, for the city or one district over a range of months, optionally grouped by region, industry or month, with last year\'s figures, year-on-year change, key projects and target completion. ' +
      'The city\'s attracted funds leave out funds moved between its own districts, so a total is not the sum of the region rows (total.note says so). Ratios are null when the denominator is 0. Money: decimal strings, 10,000 yuan.',
  })
  @ApiDomainResponse('IndicatorResponse', { example: examples.indicatorsExample })
  get(@Query() query: IndicatorQueryDto): Promise<IndicatorResponse> {
    return this.indicators.compute(query);
  }

  @Get('drill')
  @Access({ capability: 'indicators:read', scopes: ['read'] })
  @ApiOperation({
    summary: '指标明细（下钻）/ Indicator drill-down',
    description:
      '某个指标数字所计入的项目：与 GET /indicators 相同的范围、期间、月报状态与来源口径（到位资金按月报所属月份，开工按开工日期，签约按签约日期），' +
      '每行给出该项目计入的金额，total 即该指标的数值。到位资金另列按来源口径不计入的金额（excluded），仅供参考。\n\n' +
      'The projects one indicator figure counts, with the same scope, period, report status and origin rules as GET /indicators; each row gives the amount the project adds, total equals the figure.',
  })
  @ApiDomainResponse('DrillResponse', { example: examples.drillExample })
  drill(@Query() query: DrillQueryDto): Promise<DrillResponse> {
    return this.drills.drill(query);
  }
}
