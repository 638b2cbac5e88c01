import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TARGET_INDICATORS, type TargetIndicator, type TargetItemInput, type TargetsWriteRequest } from '@zhaoshang/shared/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { MonthText, RegionCode } from '../../reports/dto/report-write.dto.js';
import { YearQueryDto } from '../../reports/dto/report-query.dto.js';

export class TargetsQueryDto extends YearQueryDto {}

export class TargetProgressQueryDto extends YearQueryDto {
  @MonthText('截止月份', true) to?: string;
}

export class DispatchTableQueryDto {
  @MonthText() month: string;
}

export class TargetItemDto implements TargetItemInput {
  @RegionCode() regionCode: string;

  @ApiProperty({ title: '指标', enum: TARGET_INDICATORS })
  @IsIn(TARGET_INDICATORS)
  indicator: TargetIndicator;

  @ApiProperty({
    title: '目标值',
    type: String,
    nullable: true,
    example: '12000.00',
    description: '金额类（万元）最多 2 位小数，个数类为整数，均不小于 0，以文本提交；null 或空文本表示删除该目标',
  })
  @IsOptional()
  @IsString({ message: '目标值应以文本形式的数字提交，例如 "12000.00"' })
  value: string | null;

  @ApiPropertyOptional({ title: '版本', description: '读取时的版本号（未设定过为 0）；已被他人修改时返回 409' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

export class TargetsWriteDto implements TargetsWriteRequest {
  @ApiProperty({ title: '年份', example: 2025 })
  @IsInt({ message: '年份应为四位数字' })
  @Min(2000, { message: '年份应在 2000 至 2100 之间' })
  @Max(2100, { message: '年份应在 2000 至 2100 之间' })
  year: number;

  @ApiProperty({ title: '目标', type: [TargetItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  @Type(() => TargetItemDto)
  items: TargetItemDto[];
}
