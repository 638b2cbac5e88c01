import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  type CreateNoticeRequest,
  NOTICE_KINDS,
  NOTICE_STATUSES,
  NOTICE_SUBJECTS,
  type NoticeCancelRequest,
  type NoticeCloseRequest,
  type NoticeFeedbackRequest,
  type NoticeKind,
  type NoticeQuery,
  type NoticeReturnRequest,
  type NoticeSettings,
  type NoticeSettingsRequest,
  type NoticeSignRequest,
  type NoticeStatus,
  type NoticeSubject,
  type UpdateNoticeRequest,
  WARNING_RULES,
  type WarningRule,
} from '@zhaoshang/shared/domain';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDateText, PageQueryDto } from '../../../common/validation/query-fields.js';
import { queryBoolean } from '../../projects/dto/fields.js';
import { VersionField } from '../../../common/validation/version-field.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const KIND = { title: '文种', enum: NOTICE_KINDS, description: '提醒单 REMINDER、催办单 URGE、督办单 SUPERVISE、移交函 TRANSFER' };
const KIND_MESSAGE = { message: '文种应为提醒单 REMINDER、催办单 URGE、督办单 SUPERVISE 或移交函 TRANSFER' };
const SUBJECT = { title: '督办事项类型', enum: NOTICE_SUBJECTS, description: '问题诉求 ISSUE、红色预警 WARNING、优惠政策兑现 COMMITMENT' };
const SUBJECT_MESSAGE = { message: '督办事项类型应为 ISSUE、WARNING 或 COMMITMENT' };
const RULE_MESSAGE = { message: `预警规则应为 ${WARNING_RULES.join('、')} 之一` };

/** The texts of a notice: the same limits as the columns, messages naming the field. */
class NoticeTexts {
  @ApiPropertyOptional({ title: '标题', maxLength: 200, description: '默认“关于<项目><问题类别>问题的<文种>”' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '标题应为文字' })
  @IsNotEmpty({ message: '标题不能为空' })
  @MaxLength(200, { message: '标题最多 200 个字' })
  title?: string;

  @ApiProperty({ title: '事实', maxLength: 4000 })
  @Transform(trim)
  @IsString({ message: '事实应为文字' })
  @IsNotEmpty({ message: '请填写事实（问题或预警的情况）' })
  @MaxLength(4000, { message: '事实最多 4000 个字' })
  facts: string;

  @ApiProperty({ title: '要求', maxLength: 2000 })
  @Transform(trim)
  @IsString({ message: '要求应为文字' })
  @IsNotEmpty({ message: '请填写办理要求' })
  @MaxLength(2000, { message: '要求最多 2000 个字' })
  requirement: string;
}

export class CreateNoticeDto extends NoticeTexts implements CreateNoticeRequest {
  @ApiProperty(KIND)
  @IsIn(NOTICE_KINDS, KIND_MESSAGE)
  kind: NoticeKind;

  @ApiProperty(SUBJECT)
  @IsIn(NOTICE_SUBJECTS, SUBJECT_MESSAGE)
  subjectType: NoticeSubject;

  @ApiPropertyOptional({ title: '问题', format: 'uuid', description: '督办事项为问题诉求时必填' })
  @IsOptional()
  @IsUUID('all', { message: '问题 ID 格式不正确' })
  issueId?: string;

  @ApiPropertyOptional({ title: '项目', format: 'uuid', description: '督办事项为红色预警时必填' })
  @IsOptional()
  @IsUUID('all', { message: '项目 ID 格式不正确' })
  projectId?: string;

  @ApiPropertyOptional({ title: '预警规则', enum: WARNING_RULES })
  @IsOptional()
  @IsIn(WARNING_RULES, RULE_MESSAGE)
  warningRule?: WarningRule;

  @ApiPropertyOptional({ title: '优惠政策承诺', format: 'uuid', description: '督办事项为 COMMITMENT 时必填：已逾期、未兑现（未兑现或部分兑现）的承诺' })
  @IsOptional()
  @IsUUID('all', { message: '承诺 ID 格式不正确' })
  commitmentId?: string;

  @ApiPropertyOptional({ title: '上一级通知', format: 'uuid', description: '升级时：同一事项的上一级（如催办单的提醒单）' })
  @IsOptional()
  @IsUUID('all', { message: '上一级通知 ID 格式不正确' })
  previousNoticeId?: string;

  @ApiProperty({ title: '主送单位', format: 'uuid' })
  @IsUUID('all', { message: '请选择主送单位' })
  recipientUnitId: string;

  @ApiPropertyOptional({ title: '办理时限', format: 'date', description: '默认：下发之日起按文种的工作日数（设置）' })
  @IsOptional()
  @IsCalendarDateText('办理时限')
  deadline?: string;

  @ApiPropertyOptional({ title: '签发领导', format: 'uuid', description: '督办单、移交函必填：关联了领导账号的领导' })
  @IsOptional()
  @IsUUID('all', { message: '签发领导 ID 格式不正确' })
  signerLeaderId?: string;
}

export class UpdateNoticeDto implements UpdateNoticeRequest {
  @ApiPropertyOptional({ title: '主送单位', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '请选择主送单位' })
  recipientUnitId?: string;

  @ApiPropertyOptional({ title: '标题', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '标题应为文字' })
  @IsNotEmpty({ message: '标题不能为空' })
  @MaxLength(200, { message: '标题最多 200 个字' })
  title?: string;

  @ApiPropertyOptional({ title: '事实', maxLength: 4000 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '事实应为文字' })
  @IsNotEmpty({ message: '请填写事实（问题或预警的情况）' })
  @MaxLength(4000, { message: '事实最多 4000 个字' })
  facts?: string;

  @ApiPropertyOptional({ title: '要求', maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '要求应为文字' })
  @IsNotEmpty({ message: '请填写办理要求' })
  @MaxLength(2000, { message: '要求最多 2000 个字' })
  requirement?: string;

  @ApiPropertyOptional({ title: '办理时限', format: 'date' })
  @IsOptional()
  @IsCalendarDateText('办理时限')
  deadline?: string;

  @ApiPropertyOptional({ title: '签发领导', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '签发领导 ID 格式不正确' })
  signerLeaderId?: string;

  @VersionField() version: number;
}

export class NoticeSignDto implements NoticeSignRequest {
  @ApiPropertyOptional({ title: '签发意见', maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '签发意见应为文字' })
  @MaxLength(1000, { message: '签发意见最多 1000 个字' })
  comment?: string;

  @VersionField() version: number;
}

export class NoticeReturnDto implements NoticeReturnRequest {
  @ApiProperty({ title: '退回意见', maxLength: 1000 })
  @Transform(trim)
  @IsString({ message: '退回意见应为文字' })
  @IsNotEmpty({ message: '退回须填写意见' })
  @MaxLength(1000, { message: '退回意见最多 1000 个字' })
  comment: string;

  @VersionField() version: number;
}

export class NoticeFeedbackDto implements NoticeFeedbackRequest {
  @ApiProperty({ title: '反馈内容', maxLength: 2000 })
  @Transform(trim)
  @IsString({ message: '反馈内容应为文字' })
  @IsNotEmpty({ message: '请填写反馈内容' })
  @MaxLength(2000, { message: '反馈内容最多 2000 个字' })
  text: string;

  @ApiPropertyOptional({ title: '反馈日期', format: 'date', description: '默认今天' })
  @IsOptional()
  @IsCalendarDateText('反馈日期')
  at?: string;

  @VersionField() version: number;
}

export class NoticeCloseDto implements NoticeCloseRequest {
  @ApiPropertyOptional({ title: '办结说明', maxLength: 1000, description: '没有反馈时必填' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '办结说明应为文字' })
  @MaxLength(1000, { message: '办结说明最多 1000 个字' })
  note?: string;

  @ApiPropertyOptional({ title: '办结日期', format: 'date', description: '默认今天' })
  @IsOptional()
  @IsCalendarDateText('办结日期')
  at?: string;

  @VersionField() version: number;
}

export class NoticeCancelDto implements NoticeCancelRequest {
  @ApiProperty({ title: '作废原因', maxLength: 1000 })
  @Transform(trim)
  @IsString({ message: '作废原因应为文字' })
  @IsNotEmpty({ message: '请填写作废原因' })
  @MaxLength(1000, { message: '作废原因最多 1000 个字' })
  reason: string;

  @VersionField() version: number;
}

export class NoticeFilterDto {
  @ApiPropertyOptional(KIND)
  @IsOptional()
  @IsIn(NOTICE_KINDS, KIND_MESSAGE)
  kind?: NoticeKind;

  @ApiPropertyOptional({ title: '状态', enum: NOTICE_STATUSES })
  @IsOptional()
  @IsIn(NOTICE_STATUSES, { message: '状态不正确' })
  status?: NoticeStatus;

  @ApiPropertyOptional({ title: '所属地区' })
  @IsOptional()
  @IsString()
  @MaxLength(12, { message: '地区代码最多 12 位' })
  regionCode?: string;

  @ApiPropertyOptional({ title: '主送单位', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '主送单位 ID 格式不正确' })
  recipientUnitId?: string;

  @ApiPropertyOptional(SUBJECT)
  @IsOptional()
  @IsIn(NOTICE_SUBJECTS, SUBJECT_MESSAGE)
  subjectType?: NoticeSubject;

  @ApiPropertyOptional({ title: '问题', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '问题 ID 格式不正确' })
  issueId?: string;

  @ApiPropertyOptional({ title: '项目', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '项目 ID 格式不正确' })
  projectId?: string;

  @ApiPropertyOptional({ title: '只看超期', type: Boolean })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: '只看超期应为 true 或 false' })
  overdue?: boolean;

  @ApiPropertyOptional({ title: '下发年度' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '年度应为整数' })
  @Min(2000, { message: '年度应在 2000 至 2100 之间' })
  @Max(2100, { message: '年度应在 2000 至 2100 之间' })
  year?: number;
}

export class NoticeQueryDto extends IntersectionType(NoticeFilterDto, PageQueryDto) implements NoticeQuery {
  @ApiPropertyOptional({ title: '待我签发', type: Boolean, description: '领导：等待本人签发的督办单、移交函' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: '待我签发应为 true 或 false' })
  toSign?: boolean;
}

export class NoticeStatsQueryDto extends NoticeFilterDto {
  @ApiProperty({ title: '分组', enum: ['region', 'unit'] })
  @IsIn(['region', 'unit'], { message: '分组应为 region 或 unit' })
  groupBy: 'region' | 'unit';
}

export class NoticeComposeQueryDto {
  @ApiProperty(KIND)
  @IsIn(NOTICE_KINDS, KIND_MESSAGE)
  kind: NoticeKind;

  @ApiProperty(SUBJECT)
  @IsIn(NOTICE_SUBJECTS, SUBJECT_MESSAGE)
  subjectType: NoticeSubject;

  @ApiPropertyOptional({ title: '问题', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '问题 ID 格式不正确' })
  issueId?: string;

  @ApiPropertyOptional({ title: '项目', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '项目 ID 格式不正确' })
  projectId?: string;

  @ApiPropertyOptional({ title: '预警规则', enum: WARNING_RULES })
  @IsOptional()
  @IsIn(WARNING_RULES, RULE_MESSAGE)
  warningRule?: WarningRule;

  @ApiPropertyOptional({ title: '优惠政策承诺', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '承诺 ID 格式不正确' })
  commitmentId?: string;

  @ApiPropertyOptional({ title: '上一级通知', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '上一级通知 ID 格式不正确' })
  previousNoticeId?: string;
}

export class NoticeSettingsDto implements NoticeSettingsRequest {
  @ApiProperty({ title: '三单一函设置', type: Object, description: '文号前缀（1–10 字）、各文种办理时限（1–60 个工作日）、节假日与调休上班日（YYYY-MM-DD）、发文机关' })
  @IsObject({ message: '三单一函设置应为对象' })
  settings: NoticeSettings;

  @VersionField({ neverSaved: true }) version: number;
}
