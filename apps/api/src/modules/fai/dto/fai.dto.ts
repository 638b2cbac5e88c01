import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FaiTotalItem, FaiTotalsInput } from '@zhaoshang/shared/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { MonthText, RegionCode } from '../../reports/dto/report-write.dto.js';

export class FaiItemDto implements FaiTotalItem {
  @RegionCode() regionCode: string;
  @MonthText() month: string;

  @ApiProperty({ title: '全社会固定资产投资(万元)', type: String, example: '123456.78', description: '万元，十进制字符串，最多 2 位小数' })
  @IsString({ message: '全社会固定资产投资(万元)应以文本形式的数字提交，例如 "123456.78"' })
  amountWan: string;

  @ApiPropertyOptional({ title: '版本', description: '页面修改时带上读取时的版本号（未录入过为 0），已被他人修改时返回 409；统计系统推送时不填' })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

export class FaiTotalsDto implements FaiTotalsInput {
  @ApiProperty({ title: '口径', enum: ['MONTH', 'YTD'], description: 'MONTH：当月数；YTD：1–N 月累计数（由系统换算为当月数）' })
  @IsIn(['MONTH', 'YTD'])
  basis: 'MONTH' | 'YTD';

  @ApiProperty({ title: '数据', type: [FaiItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => FaiItemDto)
  items: FaiItemDto[];
}
