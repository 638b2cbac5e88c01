import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BulletinCreateRequest } from '@zhaoshang/shared/domain';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const QUARTER = /^\d{4}-Q[1-4]$/;

export class BulletinQuarterQueryDto {
  @ApiProperty({ title: '季度', example: '2026-Q3', description: 'YYYY-Qn' })
  @IsString({ message: '季度应为文字' })
  @Matches(QUARTER, { message: '季度格式应为 YYYY-Qn，例如 2026-Q3' })
  quarter: string;
}

export class CreateBulletinDto extends BulletinQuarterQueryDto implements BulletinCreateRequest {
  @ApiProperty({ title: '下步要求', maxLength: 3000, description: '通报最后一部分“下步要求”的正文，分段用换行' })
  @Transform(trim)
  @IsString({ message: '下步要求应为文字' })
  @IsNotEmpty({ message: '请填写下步要求' })
  @MaxLength(3000, { message: '下步要求最多 3000 个字' })
  closingParagraph: string;

  @ApiPropertyOptional({ title: '版本', description: '读取时该季度最新通报的版本号（尚未生成过为 0）；其间他人又生成过时返回 409' })
  @IsOptional()
  @IsInt({ message: '版本应为整数' })
  @Min(0, { message: '版本不能小于 0' })
  version?: number;
}
