import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ENTITIES, type AuditEntity, type AuditQuery } from '@zhaoshang/shared/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

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
