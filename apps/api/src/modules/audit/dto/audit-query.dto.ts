import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ENTITIES, type AuditEntity, type AuditQuery } from '@zhaoshang/shared/domain';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDateText } from '../../../common/validation/query-fields.js';

const trimToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

export class AuditQueryDto implements AuditQuery {
  @ApiPropertyOptional({ title: '对象类型', example: 'user', enum: AUDIT_ENTITIES })
  @IsOptional()
  @IsIn(AUDIT_ENTITIES, { message: `对象类型应为 ${AUDIT_ENTITIES.join('、')} 之一` })
  entity?: AuditEntity;

  @ApiPropertyOptional({ title: '对象编号' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ title: '项目编号', example: '150525-2026', description: '项目编号的一部分：列出这些项目及其月报的记录' })
  @IsOptional()
  @Transform(trimToUndefined)
  @IsString({ message: '项目编号应为文字' })
  @MaxLength(40, { message: '项目编号最多 40 个字符' })
  projectNo?: string;

  @ApiPropertyOptional({ title: '操作人', description: '操作人姓名、用户名或 API 密钥名称的一部分' })
  @IsOptional()
  @Transform(trimToUndefined)
  @IsString({ message: '操作人应为文字' })
  @MaxLength(50, { message: '操作人最多 50 个字符' })
  actor?: string;

  @ApiPropertyOptional({ title: '日期起', format: 'date', description: '含当天（北京时间）' })
  @IsOptional()
  @IsCalendarDateText('日期起')
  from?: string;

  @ApiPropertyOptional({ title: '日期止', format: 'date', description: '含当天（北京时间）' })
  @IsOptional()
  @IsCalendarDateText('日期止')
  to?: string;

  @ApiPropertyOptional({ title: '每页条数', default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ title: '翻页游标', description: '上一页返回的 nextCursor' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: '翻页游标格式不正确' })
  before?: string;
}
