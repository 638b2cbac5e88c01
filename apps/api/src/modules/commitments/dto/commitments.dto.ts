import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  COMMITMENT_STATUSES,
  COMMITMENT_TYPES,
  type CommitmentGroupBy,
  type CommitmentQuery,
  type CommitmentStatus,
  type CommitmentStatusRequest,
  type CommitmentType,
  type CreateCommitmentRequest,
  type UpdateCommitmentRequest,
} from '@zhaoshang/shared/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDateText, PageQueryDto } from '../../../common/validation/query-fields.js';
import { VersionField } from '../../../common/validation/version-field.js';
import { MoneyText, queryBoolean } from '../../projects/dto/fields.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** forms send '' for an emptied amount: no amount was promised */
const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const TYPE = { title: '政策类型', enum: COMMITMENT_TYPES, description: '土地 LAND、税费 TAX、财政奖补 SUBSIDY、基础设施配套 INFRASTRUCTURE、融资 FINANCING、人才 TALENT、其他 OTHER' };
const TYPE_MESSAGE = { message: '政策类型不正确，请从列表中选择' };
const STATUS = { title: '兑现状态', enum: COMMITMENT_STATUSES, description: '未兑现 PENDING、部分兑现 PARTIAL、已兑现 HONOURED、不再兑现 WITHDRAWN' };
const STATUS_MESSAGE = { message: '兑现状态不正确' };
const PROMISED = { title: '承诺金额（万元）', type: String, nullable: true, example: '500.00', description: '万元，十进制字符串，最多 2 位小数；无金额的承诺留空' };

export class CreateCommitmentDto implements CreateCommitmentRequest {
  @ApiProperty({ title: '项目', format: 'uuid' })
  @IsUUID('all', { message: '项目 ID 格式不正确' })
  projectId: string;

  @ApiProperty(TYPE)
  @IsIn(COMMITMENT_TYPES, TYPE_MESSAGE)
  type: CommitmentType;

  @ApiProperty({ title: '承诺内容', maxLength: 1000 })
  @Transform(trim)
  @IsString({ message: '请填写承诺内容' })
  @IsNotEmpty({ message: '请填写承诺内容' })
  @MaxLength(1000, { message: '承诺内容最多 1000 个字' })
  content: string;

  @ApiPropertyOptional(PROMISED)
  @Transform(trimToNull)
  @IsOptional()
  @IsString({ message: '承诺金额应以文本形式的数字提交，例如 "500.00"' })
  promisedAmountWan?: string | null;

  @ApiProperty({ title: '兑现期限', format: 'date' })
  @IsCalendarDateText('兑现期限')
  dueAt: string;

  @ApiProperty({ title: '责任单位', format: 'uuid', description: '责任单位名单中的单位' })
  @IsUUID('all', { message: '请选择责任单位' })
  unitId: string;
}

export class UpdateCommitmentDto implements UpdateCommitmentRequest {
  @ApiPropertyOptional(TYPE)
  @IsOptional()
  @IsIn(COMMITMENT_TYPES, TYPE_MESSAGE)
  type?: CommitmentType;

  @ApiPropertyOptional({ title: '承诺内容', maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '请填写承诺内容' })
  @IsNotEmpty({ message: '请填写承诺内容' })
  @MaxLength(1000, { message: '承诺内容最多 1000 个字' })
  content?: string;

  @ApiPropertyOptional({ ...PROMISED, description: `${PROMISED.description}；null 或 '' 清除，不传则不变` })
  @Transform(trimToNull)
  @ValidateIf((dto: UpdateCommitmentDto) => dto.promisedAmountWan !== null && dto.promisedAmountWan !== undefined)
  @IsString({ message: '承诺金额应以文本形式的数字提交，例如 "500.00"' })
  promisedAmountWan?: string | null;

  @ApiPropertyOptional({ title: '兑现期限', format: 'date' })
  @IsOptional()
  @IsCalendarDateText('兑现期限')
  dueAt?: string;

  @ApiPropertyOptional({ title: '责任单位', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '请选择责任单位' })
  unitId?: string;

  @VersionField() version: number;
}

export class CommitmentStatusDto implements CommitmentStatusRequest {
  @ApiProperty(STATUS)
  @IsIn(COMMITMENT_STATUSES, STATUS_MESSAGE)
  status: CommitmentStatus;

  @MoneyText('累计兑现金额（万元）', 'optional')
  honouredAmountWan?: string;

  @ApiPropertyOptional({ title: '日期', format: 'date', description: '部分兑现、已兑现时为兑现日期（必填，不晚于今天）；不再兑现时默认今天' })
  @IsOptional()
  @IsCalendarDateText('日期')
  honouredAt?: string;

  @ApiPropertyOptional({ title: '说明', maxLength: 1000, description: '不再兑现时为原因（必填）；其余为备注' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000, { message: '说明最多 1000 个字' })
  reason?: string;

  @VersionField() version: number;
}

export class CommitmentFilterDto {
  @ApiPropertyOptional({ title: '所属地区' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  regionCode?: string;

  @ApiPropertyOptional({ title: '责任单位', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '责任单位 ID 格式不正确' })
  unitId?: string;

  @ApiPropertyOptional(TYPE)
  @IsOptional()
  @IsIn(COMMITMENT_TYPES, TYPE_MESSAGE)
  type?: CommitmentType;

  @ApiPropertyOptional(STATUS)
  @IsOptional()
  @IsIn(COMMITMENT_STATUSES, STATUS_MESSAGE)
  status?: CommitmentStatus;

  @ApiPropertyOptional({ title: '只看逾期', type: Boolean })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: '只看逾期应为 true 或 false' })
  overdue?: boolean;

  @ApiPropertyOptional({ title: '项目', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '项目 ID 格式不正确' })
  projectId?: string;

  @ApiPropertyOptional({ title: '兑现期限起', format: 'date', description: '含当日' })
  @IsOptional()
  @IsCalendarDateText('兑现期限起')
  from?: string;

  @ApiPropertyOptional({ title: '兑现期限止', format: 'date', description: '含当日' })
  @IsOptional()
  @IsCalendarDateText('兑现期限止')
  to?: string;
}

export class CommitmentQueryDto extends IntersectionType(CommitmentFilterDto, PageQueryDto) implements CommitmentQuery {}

export class CommitmentStatsQueryDto extends CommitmentFilterDto {
  @ApiProperty({ title: '分组', enum: ['region', 'unit', 'type'] })
  @IsIn(['region', 'unit', 'type'], { message: '分组应为 region、unit 或 type' })
  groupBy: CommitmentGroupBy;
}
