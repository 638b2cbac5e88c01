import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  PUBLICATION_PERIODS,
  PUBLISHED_FIGURE_KINDS,
  type PublicationCorrection,
  type PublicationDifferenceRow,
  type PublicationDifferences,
  type PublicationPeriod,
  type PublicationRevision,
  type PublicationStatus,
  type PublishedFigureKind,
  type PublishedFigureValue,
} from '@zhaoshang/shared/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** A figure is a decimal string (万元), an integer (count) or a fraction (rate); null when it has no value. */
const FIGURE: ApiPropertyOptions = { oneOf: [{ type: 'string' }, { type: 'number' }], nullable: true };

export class DifferencesQueryDto {
  @ApiPropertyOptional({ title: '原版本', minimum: 1, description: '不填为最新一版' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '原版本应为正整数' })
  @Min(1, { message: '原版本应为正整数' })
  from?: number;

  @ApiPropertyOptional({ title: '对比版本', minimum: 1, description: '不填为现值（按当前数据计算）；填写时须晚于原版本' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '对比版本应为正整数' })
  @Min(1, { message: '对比版本应为正整数' })
  to?: number;
}

export class PublicationRevisionResult implements PublicationRevision {
  @ApiProperty({ title: '月份', example: '2025-09' }) month: string;
  @ApiProperty({ title: '版本', description: '该月第几次月结发布，从 1 起' }) revision: number;
  @ApiProperty({ title: '发布时间', format: 'date-time' }) publishedAt: string;
  @ApiProperty({ title: '发布人' }) publishedBy: string;
  @ApiProperty({ title: '修订原因', type: String, nullable: true, description: '此前重新打开该月的原因；第 1 版为 null' }) reason: string | null;
}

export class PublicationStatusResult implements PublicationStatus {
  @ApiProperty({ title: '月份', example: '2025-09' }) month: string;
  @ApiProperty({ title: '是否已月结' }) closed: boolean;
  @ApiProperty({ title: '最新版本', type: Number, nullable: true, description: '从未月结为 null；重新打开后仍为上一版（此时 closed 为 false）' }) revision: number | null;
  @ApiProperty({ title: '发布时间', type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ title: '是否已修订', description: '版本大于 1，或该版发布后又有涉及该月的更正' }) revised: boolean;
}

export class PublicationDifferenceRowResult implements PublicationDifferenceRow {
  @ApiProperty({ title: '地区代码' }) regionCode: string;
  @ApiProperty({ title: '地区' }) regionName: string;
  @ApiProperty({ title: '期间', enum: PUBLICATION_PERIODS, description: 'MONTH 当月，YTD 1–M月累计' }) period: PublicationPeriod;
  @ApiProperty({ title: '指标', example: 'arrivedFundsWan', description: 'GET /indicators 的字段名（keyProjects.* 为重点项目）' }) indicator: string;
  @ApiProperty({ title: '指标名称' }) label: string;
  @ApiProperty({ title: '类型', enum: PUBLISHED_FIGURE_KINDS, description: 'amount 万元（两位小数字符串），count 个数，rate 比率（小数，四位），points 百分点（拉动）' })
  kind: PublishedFigureKind;
  @ApiProperty({ title: '原值', ...FIGURE }) before: PublishedFigureValue;
  @ApiProperty({ title: '现值', ...FIGURE }) after: PublishedFigureValue;
  @ApiProperty({ title: '差额', ...FIGURE, description: '现值 − 原值；任一为 null 时为 null' }) difference: PublishedFigureValue;
}

export class PublicationCorrectionResult implements PublicationCorrection {
  @ApiProperty({ title: '更正时间', format: 'date-time' }) at: string;
  @ApiProperty({ title: '更正人' }) actorName: string;
  @ApiProperty({ title: '项目编号' }) projectNo: string;
  @ApiProperty({ title: '项目名称', type: String, nullable: true }) projectName: string | null;
  @ApiProperty({ title: '更正字段', type: [String] }) fields: string[];
  @ApiProperty({ title: '更正原因' }) reason: string;
}

class RevisionRef {
  @ApiProperty({ title: '版本' }) revision: number;
  @ApiProperty({ title: '发布时间', format: 'date-time' }) publishedAt: string;
}

export class PublicationDifferencesResult implements PublicationDifferences {
  @ApiProperty({ title: '月份', example: '2025-09' }) month: string;
  @ApiProperty({ title: '原版本', type: RevisionRef }) from: RevisionRef;
  @ApiProperty({ title: '对比版本', type: RevisionRef, nullable: true, description: 'null 表示与现值对比' }) to: RevisionRef | null;
  @ApiProperty({ title: '不同的数据', type: [PublicationDifferenceRowResult], description: '全市及各旗县、当月及累计，只列出数值不同的指标' }) rows: PublicationDifferenceRowResult[];
  @ApiProperty({ title: '涉及该月的更正', type: [PublicationCorrectionResult], description: '原版本发布之后（与某一版对比时，至该版发布为止）' }) corrections: PublicationCorrectionResult[];
}
