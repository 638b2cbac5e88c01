import { ApiPropertyOptional } from '@nestjs/swagger';
import { isCalendarDate } from '@zhaoshang/shared/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';

/** A calendar date 'YYYY-MM-DD' in a query, with the field's Chinese title in the message. */
export function IsCalendarDateText(title: string): PropertyDecorator {
  return ValidateBy(
    { name: 'isCalendarDateText', validator: { validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value) } },
    { message: `${title}应为有效日期（YYYY-MM-DD）` },
  );
}

/** Page number and size of the lists that page (projects, warnings). */
export class PageQueryDto {
  @ApiPropertyOptional({ title: '页码', default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ title: '每页条数', default: 20, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

/**
 * The cursor and page size of a statistics feed (projects, monthly reports): the page size's
 * default and maximum are the feed's own.
 */
export function FeedPageQueryDto(limit: { default: number; max: number }) {
  class FeedPageQuery {
    @ApiPropertyOptional({ title: '翻页游标', description: '上一页返回的 nextCursor，或上次调用返回的 resumeCursor（增量续取）' })
    @IsOptional()
    @IsString()
    @MaxLength(200)
    cursor?: string;

    @ApiPropertyOptional({ title: '每页条数', default: limit.default, minimum: 1, maximum: limit.max })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(limit.max)
    limit?: number;
  }
  return FeedPageQuery;
}
