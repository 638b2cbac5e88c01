import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CreateIndustryRequest, INDUSTRY_CODE_PATTERN, type IndustryDto, type RegionDto, type SiteDto, type UpdateIndustryRequest } from '@zhaoshang/shared/domain';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class RegionResponse implements RegionDto {
  @ApiProperty({ title: '地区代码', example: '150525' }) code: string;
  @ApiProperty({ title: '名称', example: '奈曼旗' }) name: string;
  @ApiProperty({ title: '简称', example: '奈曼' }) shortName: string;
  @ApiProperty({ title: '上级地区代码', nullable: true, type: String, example: '150500' }) parentCode: string | null;
  @ApiProperty({ title: '排序' }) sortOrder: number;
}

export class SiteCityResponse {
  @ApiProperty({ title: '市级地区代码', example: '150500' }) code: string;
  @ApiProperty({ title: '市名', example: '通辽市' }) name: string;
  @ApiProperty({ title: '简称', example: '通辽' }) shortName: string;
}

export class SiteResponse implements SiteDto {
  @ApiProperty({ title: '本系统服务的市（地区字典中无上级的地区）', type: SiteCityResponse }) city: SiteCityResponse;
  @ApiProperty({ title: '系统名称', example: '通辽市招商项目全流程跟踪' }) productName: string;
  @ApiProperty({ title: '单位名称', example: '通辽市投资促进局' }) organization: string;
}

export class IndustryResponse implements IndustryDto {
  @ApiProperty({ title: '产业代码', example: 'NE' }) code: string;
  @ApiProperty({ title: '名称', example: '新能源（风电、光伏、储能、氢能）' }) name: string;
  @ApiProperty({ title: '排序' }) sortOrder: number;
  @ApiProperty({ title: '启用' }) active: boolean;
  @ApiProperty({ title: '版本' }) version: number;
}

export class CreateIndustryDto implements CreateIndustryRequest {
  @ApiProperty({ title: '产业代码', example: 'AI', description: '2–8 位大写字母或数字，以字母开头' })
  @IsString()
  @Matches(INDUSTRY_CODE_PATTERN, { message: '产业代码须为 2–8 位大写字母或数字，以字母开头' })
  code: string;

  @ApiProperty({ title: '产业名称', example: '人工智能' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @ApiPropertyOptional({ title: '排序' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;
}

export class UpdateIndustryDto implements UpdateIndustryRequest {
  @ApiPropertyOptional({ title: '产业名称' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name?: string;

  @ApiPropertyOptional({ title: '排序' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;

  @ApiPropertyOptional({ title: '启用' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ title: '版本', description: '读取时的版本号；已被他人修改时返回 409' })
  @IsInt()
  @Min(1)
  version: number;
}
