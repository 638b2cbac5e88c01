import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { CORRECTION_SOURCES, type CorrectionDto, type CorrectionPage, type CorrectionQuery, type CorrectionSource, MONTH_PATTERN } from '@zhaoshang/shared/domain';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDateText, PageQueryDto } from '../../../common/validation/query-fields.js';

const trimToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

class CorrectionFilterDto {
  @ApiPropertyOptional({ title: '所属地区', example: '150525' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  region?: string;

  @ApiPropertyOptional({ title: '项目', description: '在项目编号、项目名称中查找' })
  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ title: '涉及月份', example: '2025-03', description: '只列出改变了该已月结月份数据的更正' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: '涉及月份应为 YYYY-MM' })
  month?: string;

  @ApiPropertyOptional({ title: '更正日期起', format: 'date', description: '含当天（北京时间）' })
  @IsOptional()
  @IsCalendarDateText('更正日期起')
  from?: string;

  @ApiPropertyOptional({ title: '更正日期止', format: 'date', description: '含当天（北京时间）' })
  @IsOptional()
  @IsCalendarDateText('更正日期止')
  to?: string;
}

export class CorrectionQueryDto extends IntersectionType(CorrectionFilterDto, PageQueryDto) implements CorrectionQuery {}

export class CorrectionResponse implements CorrectionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ title: '更正时间', format: 'date-time' }) at: string;
  @ApiProperty({ title: '更正人' }) actorName: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ title: '项目编号' }) projectNo: string;
  @ApiProperty({ title: '项目名称' }) projectName: string;
  @ApiProperty({ title: '所属地区' }) regionCode: string;
  @ApiProperty({ title: '所属地区名称' }) regionName: string;
  @ApiProperty({ title: '来源', enum: CORRECTION_SOURCES, description: 'EDIT 修改项目，STAGE 变更阶段，IMPORT 导入' }) source: CorrectionSource;
  @ApiProperty({ title: '涉及的已月结月份', type: [String], example: ['2025-03'], description: '退回阶段未涉及已月结月份时为空' }) months: string[];
  @ApiProperty({ title: '更正的字段', type: [String], example: ['signedAt'], description: '改变已月结月份数据的字段；退回阶段时含 stage' }) fields: string[];
  @ApiProperty({ title: '更正前', type: 'object', additionalProperties: true, description: '变化了的字段的原值，字段名同项目字段' }) before: Record<string, unknown>;
  @ApiProperty({ title: '更正后', type: 'object', additionalProperties: true }) after: Record<string, unknown>;
  @ApiProperty({ title: '更正原因' }) reason: string;
}

export class CorrectionPageResult implements CorrectionPage {
  @ApiProperty({ type: [CorrectionResponse] }) items: CorrectionDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: '筛选结果的总条数' }) total: number;
}
