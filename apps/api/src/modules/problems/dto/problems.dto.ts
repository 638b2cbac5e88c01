import { ApiProperty, ApiPropertyOptional, ApiSchema, IntersectionType } from '@nestjs/swagger';
import {
  type CreateProjectIssueRequest,
  ISSUE_CATEGORIES,
  ISSUE_STATUSES,
  type IssueCategory,
  type IssueNoteRequest,
  type IssueStatus,
  type IssueSettingsRequest,
  type IssueStatusRequest,
  type ProjectIssueQuery,
  type UpdateProjectIssueRequest,
} from '@zhaoshang/shared/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDateText, PageQueryDto } from '../../../common/validation/query-fields.js';
import { queryBoolean } from '../../projects/dto/fields.js';
import { VersionField } from '../../../common/validation/version-field.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const CATEGORY = { title: '问题类别', enum: ISSUE_CATEGORIES, description: '用地 LAND、规划 PLANNING、环评 EIA、能评 ENERGY、施工许可 CONSTRUCTION_PERMIT、水电气暖 UTILITIES、融资 FINANCING、用工 LABOUR、审批服务 APPROVAL_SERVICE、其他 OTHER' };
const CATEGORY_MESSAGE = { message: '问题类别不正确，请从列表中选择' };

export class CreateProjectIssueDto implements CreateProjectIssueRequest {
  @ApiProperty({ title: '项目', format: 'uuid' })
  @IsUUID('all', { message: '项目 ID 格式不正确' })
  projectId: string;

  @ApiProperty(CATEGORY)
  @IsIn(ISSUE_CATEGORIES, CATEGORY_MESSAGE)
  category: IssueCategory;

  @ApiProperty({ title: '问题描述', maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: '请描述项目遇到的问题' })
  @MaxLength(1000, { message: '问题描述最多 1000 个字' })
  description: string;

  @ApiProperty({ title: '责任单位', format: 'uuid', description: '责任单位名单中的单位' })
  @IsUUID('all', { message: '请选择责任单位' })
  unitId: string;

  @ApiPropertyOptional({ title: '提出日期', format: 'date', description: '默认今天' })
  @IsOptional()
  @IsCalendarDateText('提出日期')
  raisedAt?: string;

  @ApiPropertyOptional({ title: '办理时限', format: 'date', description: '默认按问题类别的天数（问题诉求设置）' })
  @IsOptional()
  @IsCalendarDateText('办理时限')
  dueAt?: string;
}

export class UpdateProjectIssueDto implements UpdateProjectIssueRequest {
  @ApiPropertyOptional(CATEGORY)
  @IsOptional()
  @IsIn(ISSUE_CATEGORIES, CATEGORY_MESSAGE)
  category?: IssueCategory;

  @ApiPropertyOptional({ title: '问题描述', maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: '请描述项目遇到的问题' })
  @MaxLength(1000, { message: '问题描述最多 1000 个字' })
  description?: string;

  @ApiPropertyOptional({ title: '责任单位', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '请选择责任单位' })
  unitId?: string;

  @ApiPropertyOptional({ title: '办理时限', format: 'date' })
  @IsOptional()
  @IsCalendarDateText('办理时限')
  dueAt?: string;

  @VersionField() version: number;
}

export class IssueStatusDto implements IssueStatusRequest {
  @ApiProperty({ title: '新状态', enum: ISSUE_STATUSES })
  @IsIn(ISSUE_STATUSES, { message: '状态不正确' })
  status: IssueStatus;

  @ApiPropertyOptional({ title: '说明', description: '已解决、无法解决时为办理结果，重新办理时为原因；此时必填', maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000, { message: '说明最多 1000 个字' })
  note?: string;

  @ApiPropertyOptional({ title: '日期', format: 'date', description: '默认今天' })
  @IsOptional()
  @IsCalendarDateText('日期')
  at?: string;

  @VersionField() version: number;
}

// named apart in OpenAPI from the note of a problem's answer (libs/shared/domain IssueNoteDto)
@ApiSchema({ name: 'IssueNoteRequest' })
export class IssueNoteDto implements IssueNoteRequest {
  @ApiProperty({ title: '进展或意见', maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: '请填写进展或意见' })
  @MaxLength(1000, { message: '最多 1000 个字' })
  text: string;

  @ApiPropertyOptional({ title: '日期', format: 'date', description: '默认今天' })
  @IsOptional()
  @IsCalendarDateText('日期')
  at?: string;
}

export class ProjectIssueFilterDto {
  @ApiPropertyOptional({ title: '所属地区' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  regionCode?: string;

  @ApiPropertyOptional({ title: '责任单位', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '责任单位 ID 格式不正确' })
  unitId?: string;

  @ApiPropertyOptional(CATEGORY)
  @IsOptional()
  @IsIn(ISSUE_CATEGORIES, CATEGORY_MESSAGE)
  category?: IssueCategory;

  @ApiPropertyOptional({ title: '状态', enum: ISSUE_STATUSES })
  @IsOptional()
  @IsIn(ISSUE_STATUSES, { message: '状态不正确' })
  status?: IssueStatus;

  @ApiPropertyOptional({ title: '只看超期', type: Boolean })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ title: '项目', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '项目 ID 格式不正确' })
  projectId?: string;
}

export class ProjectIssueQueryDto extends IntersectionType(ProjectIssueFilterDto, PageQueryDto) implements ProjectIssueQuery {}

export class IssueStatsQueryDto extends ProjectIssueFilterDto {
  @ApiProperty({ title: '分组', enum: ['region', 'unit', 'category'] })
  @IsIn(['region', 'unit', 'category'], { message: '分组应为 region、unit 或 category' })
  groupBy: 'region' | 'unit' | 'category';
}

export class IssueSettingsDto implements IssueSettingsRequest {
  @ApiProperty({ title: '办理时限', type: Object, description: '按问题类别的默认办理天数（1 至 365 的整数），各类别都要有，如 {"LAND": 60, …}' })
  @IsObject({ message: '办理时限应为按类别的天数' })
  dueDays: Record<IssueCategory, number>;

  @VersionField({ neverSaved: true }) version: number;
}
