import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  WARNING_FLAGS_MAX_IDS,
  WARNING_LEVELS,
  WARNING_RULES,
  type WarningLevel,
  type WarningQuery,
  type WarningRule,
  type WarningSettings,
  type WarningSettingsRequest,
} from '@zhaoshang/shared/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsObject, IsOptional, IsUUID, Min } from 'class-validator';
import { IsCalendarDateText, PageQueryDto } from '../../../common/validation/query-fields.js';
import { RegionCode } from '../../reports/dto/report-write.dto.js';

export class WarningDateQueryDto {
  @ApiPropertyOptional({ title: '日期', format: 'date', description: '按该日评估预警；默认今天（北京时间），不能晚于今天' })
  @IsOptional()
  @IsCalendarDateText('日期')
  date?: string;
}

export class WarningQueryDto extends IntersectionType(WarningDateQueryDto, PageQueryDto) implements WarningQuery {
  @RegionCode(true) regionCode?: string;

  @ApiPropertyOptional({ title: '预警规则', enum: WARNING_RULES })
  @IsOptional()
  @IsIn(WARNING_RULES)
  rule?: WarningRule;

  @ApiPropertyOptional({ title: '预警级别', enum: WARNING_LEVELS })
  @IsOptional()
  @IsIn(WARNING_LEVELS)
  level?: WarningLevel;

}

export class WarningFlagsQueryDto {
  @ApiProperty({ title: '项目', type: String, description: `项目 id，逗号分隔，最多 ${WARNING_FLAGS_MAX_IDS} 个` })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter((v) => v !== '') : value))
  @ArrayMinSize(1, { message: '项目至少一个' })
  @ArrayMaxSize(WARNING_FLAGS_MAX_IDS, { message: `项目最多 ${WARNING_FLAGS_MAX_IDS} 个` })
  @IsUUID('all', { each: true, message: '项目应为项目的 id（逗号分隔）' })
  ids: string[];
}

export class WarningSettingsDto implements WarningSettingsRequest {
  @ApiProperty({
    title: '预警设置',
    type: Object,
    description: '五条规则的阈值：START、STATS、FUNDS、REPORT、ISSUE 各一组整数，见 GET 的返回；红色阈值不能小于黄色阈值',
  })
  @IsObject({ message: '预警设置应为对象' })
  settings: WarningSettings;

  @ApiProperty({ title: '版本', description: '读取时的版本号（从未保存过为 0）；已被他人修改时返回 409' })
  @IsInt()
  @Min(0)
  version: number;
}
