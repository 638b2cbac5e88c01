import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { REPORT_STATUSES, type ReportFeedQuery, type ReportGridQuery, type ReportQueueQuery, type ReportRangeQuery, type ReportStatus } from '@zhaoshang/shared/domain';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsDateString, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { FeedPageQueryDto } from '../../../common/validation/query-fields.js';
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

export class ReportFeedQueryDto extends IntersectionType(OmitType(ReportRangeQueryDto, ['status'] as const), FeedPageQueryDto({ default: 500, max: 5000 })) implements ReportFeedQuery {
  @ApiPropertyOptional({
    title: '状态',
    type: [String],
    enum: REPORT_STATUSES,
    default: ['VERIFIED'],
    description: '默认只取已核实的月报；可给多个：status=VERIFIED&status=SUBMITTED 或 status=VERIFIED,SUBMITTED',
  })
  @IsOptional()
  // one value, repeated values or a comma-separated list: always an array here
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v !== ''))
  @ArrayMaxSize(REPORT_STATUSES.length)
  @IsIn(REPORT_STATUSES, { each: true })
  status?: ReportStatus[];

  @ApiPropertyOptional({ title: '变更起始时间', format: 'date-time', description: 'ISO 8601 时刻：只返回此后有变更的月报' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: '变更起始时间应为 ISO 8601 时刻，例如 2025-06-01T00:00:00Z' })
  updatedSince?: string;
}

export class YearQueryDto {
  @ApiProperty({ title: '年份', example: 2025 })
  @Type(() => Number)
  @IsInt({ message: '年份应为四位数字' })
  @Min(2000, { message: '年份应在 2000 至 2100 之间' })
  @Max(2100, { message: '年份应在 2000 至 2100 之间' })
  year: number;
}

/** 月结管理's year, or one month of it (the 驾驶舱 asks only for its period's last month). */
export class MonthsQueryDto extends YearQueryDto {
  @MonthText('月份', true) month?: string;
}
