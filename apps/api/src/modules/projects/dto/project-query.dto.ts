import { ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { FeedPageQueryDto, IsCalendarDateText, PageQueryDto } from '../../../common/validation/query-fields.js';
import { AuditQueryDto } from '../../audit/dto/audit-query.dto.js';
import {
  INVESTOR_ORIGINS,
  type InvestorOrigin,
  MONEY_WAN_PATTERN,
  PROJECT_SORT_FIELDS,
  PROJECT_STAGES,
  type ProjectFeedQuery,
  type ProjectFilter,
  type ProjectSearchQuery,
  type ProjectSortField,
  type ProjectStage,
} from '@zhaoshang/shared/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateBy } from 'class-validator';
import { queryBoolean } from './fields.js';

const trimToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

function IsInstantText(title: string): PropertyDecorator {
  return ValidateBy({
    name: 'isInstantText',
    validator: { validate: (value: unknown) => typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)) },
  }, { message: `${title}应为 ISO 8601 时刻，例如 2025-06-01T00:00:00Z` });
}

/** Filters shared by the list, its export and the statistics feed (DOMAIN.md §8). */
export class ProjectFilterDto implements ProjectFilter {
  @ApiPropertyOptional({ title: '所属地区', example: '150525' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  regionCode?: string;

  @ApiPropertyOptional({ title: '产业类别', example: 'NE' })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  industryCode?: string;

  @ApiPropertyOptional({ title: '项目阶段', enum: PROJECT_STAGES })
  @IsOptional()
  @IsIn(PROJECT_STAGES)
  stage?: ProjectStage;

  @ApiPropertyOptional({ title: '投资方来源', enum: INVESTOR_ORIGINS })
  @IsOptional()
  @IsIn(INVESTOR_ORIGINS)
  investorOrigin?: InvestorOrigin;

  @ApiPropertyOptional({ title: '重点项目', type: Boolean })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  isKeyProject?: boolean;

  @ApiPropertyOptional({ title: '签约日期起', format: 'date', description: '含当天' })
  @IsOptional()
  @IsCalendarDateText('签约日期起')
  signedFrom?: string;

  @ApiPropertyOptional({ title: '签约日期止', format: 'date', description: '含当天' })
  @IsOptional()
  @IsCalendarDateText('签约日期止')
  signedTo?: string;

  @ApiPropertyOptional({ title: '签约额下限(万元)', example: '1000' })
  @IsOptional()
  @Matches(MONEY_WAN_PATTERN, { message: '签约额下限(万元)应为数字，最多 2 位小数' })
  amountMin?: string;

  @ApiPropertyOptional({ title: '签约额上限(万元)' })
  @IsOptional()
  @Matches(MONEY_WAN_PATTERN, { message: '签约额上限(万元)应为数字，最多 2 位小数' })
  amountMax?: string;

  @ApiPropertyOptional({ title: '关键词', description: '在项目名称、投资方名称、项目编号中查找' })
  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ title: '包联领导', description: '名单中的姓名' })
  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxLength(50)
  leadOfficial?: string;

  @ApiPropertyOptional({ title: '责任单位', description: '名单中的单位名称' })
  @IsOptional()
  @Transform(trimToUndefined)
  @IsString()
  @MaxLength(100)
  leadDepartment?: string;

  @ApiPropertyOptional({ title: '旗县联系人', format: 'uuid', description: '账号 ID' })
  @IsOptional()
  @IsUUID('all', { message: '旗县联系人的 ID 格式不正确' })
  districtContactId?: string;
}

export class ProjectSortDto extends ProjectFilterDto {
  @ApiPropertyOptional({ title: '我的项目', type: Boolean, description: '领导：其包联项目（账号关联的包联领导）；招商人员：其任旗县联系人的项目' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ title: '排序字段', enum: PROJECT_SORT_FIELDS, description: '不指定时按最近更新排在前' })
  @IsOptional()
  @IsIn(PROJECT_SORT_FIELDS)
  sort?: ProjectSortField;

  @ApiPropertyOptional({ title: '排序方向', enum: ['asc', 'desc'], description: '指定排序字段时默认 asc；空的签约日期总排在最后' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class ProjectSearchQueryDto extends IntersectionType(ProjectSortDto, PageQueryDto) implements ProjectSearchQuery {}

export class ProjectFeedQueryDto extends IntersectionType(ProjectFilterDto, FeedPageQueryDto({ default: 200, max: 1000 })) implements ProjectFeedQuery {
  @ApiPropertyOptional({
    title: '变更起始时间',
    format: 'date-time',
    description: 'ISO 8601 时刻：只返回此后有变更的项目。增量同步时建议比上次取到的最大 updatedAt 提前几秒，重复的项目按 id 覆盖即可',
  })
  @IsOptional()
  @IsInstantText('变更起始时间')
  updatedSince?: string;
}

/** A project's history pages like the audit log it is read from. */
export class ProjectHistoryQueryDto extends PickType(AuditQueryDto, ['limit', 'before'] as const) {}
