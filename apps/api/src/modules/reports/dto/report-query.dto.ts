import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_STATUSES, type ReportGridQuery, type ReportQueueQuery, type ReportRangeQuery, type ReportStatus } from '@zhaoshang/shared/domain';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MonthText, RegionCode } from './report-write.dto.js';

export class GridQueryDto implements ReportGridQuery {
  @RegionCode() regionCode: string;
  @MonthText() month: string;
}

export class QueueQueryDto implements ReportQueueQuery {
  @MonthText() month: string;
  @RegionCode(true) regionCode?: string;

  @ApiPropertyOptional({ title: '状态', enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;
}

/** A month range with optional region and status: the export and the statistics feed. */
export class ReportRangeQueryDto implements ReportRangeQuery {
  @MonthText('起始月份') from: string;
  @MonthText('截止月份') to: string;
  @RegionCode(true) regionCode?: string;

  @ApiPropertyOptional({ title: '状态', enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;
}

export class ReportFeedQueryDto extends ReportRangeQueryDto {
  @ApiPropertyOptional({ title: '变更起始时间', format: 'date-time', description: 'ISO 8601 时刻：只返回此后有变更的月报' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: '变更起始时间应为 ISO 8601 时刻，例如 2025-06-01T00:00:00Z' })
  updatedSince?: string;

  @ApiPropertyOptional({ title: '翻页游标', description: '上一页返回的 nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ title: '每页条数', default: 500, minimum: 1, maximum: 5000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;
}

export class YearQueryDto {
  @ApiProperty({ title: '年份', example: 2025 })
  @Type(() => Number)
  @IsInt({ message: '年份应为四位数字' })
  @Min(2000, { message: '年份应在 2000 至 2100 之间' })
  @Max(2100, { message: '年份应在 2000 至 2100 之间' })
  year: number;
}
