import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FIRST_MONTH,
  LAST_MONTH,
  type MonthCloseRequest,
  type MonthReopenRequest,
  MONTH_PATTERN,
  PROGRESS_MAX_LENGTH,
  REPORT_FIELD_LABELS as L,
  type ReportActionRequest,
  type ReportDraftInput,
  RETURN_REASON_MAX_LENGTH,
  type SaveDraftsRequest,
  type SubmitReportsRequest,
} from '@zhaoshang/shared/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, registerDecorator, ValidateIf, ValidateNested } from 'class-validator';

/** A month parameter or field: 'YYYY-MM', from FIRST_MONTH to LAST_MONTH (2000-01 … 2099-12). */
export function MonthText(title = '月份', optional = false): PropertyDecorator {
  return (target, property) => {
    (optional ? ApiPropertyOptional : ApiProperty)({ title, example: '2025-09', pattern: MONTH_PATTERN.source, description: `${FIRST_MONTH} 至 ${LAST_MONTH}` })(target, property);
    if (optional) IsOptional()(target, property);
    Matches(MONTH_PATTERN, { message: `${title}应为 YYYY-MM 格式，例如 2025-09` })(target, property);
    monthInBounds(`${title}应在 ${FIRST_MONTH} 至 ${LAST_MONTH} 之间`)(target, property);
  };
}

/** Only a well-formed month is checked against the bounds: a malformed one has its own message. */
function monthInBounds(message: string): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'monthInBounds',
      target: target.constructor,
      propertyName: String(property),
      options: { message },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !MONTH_PATTERN.test(value) || (value >= FIRST_MONTH && value <= LAST_MONTH),
      },
    });
}

export function RegionCode(optional = false): PropertyDecorator {
  return (target, property) => {
    (optional ? ApiPropertyOptional : ApiProperty)({ title: '所属地区', example: '150525' })(target, property);
    if (optional) IsOptional()(target, property);
    IsString()(target, property);
    MaxLength(12)(target, property);
  };
}

/** An amount in 万元 typed into the grid: '' or absent is 0; the format is checked with the report rules. */
function GridMoney(title: string): PropertyDecorator {
  return (target, property) => {
    ApiPropertyOptional({ title, type: String, example: '1200.50', description: '万元，十进制字符串，最多 2 位小数；空为 0' })(target, property);
    IsOptional()(target, property);
    IsString({ message: `${title}应以文本形式的数字提交，例如 "1200.50"` })(target, property);
  };
}

export class ReportDraftDto implements ReportDraftInput {
  @ApiProperty({ title: '项目', format: 'uuid' })
  @IsUUID('all', { message: '项目应为项目的 id' })
  projectId: string;

  @ApiProperty({ title: '版本', type: Number, nullable: true, description: '月报尚未保存过时为 null；否则为读取时的版本号' })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  version: number | null;

  @GridMoney(L.arrivedEquityWan) arrivedEquityWan?: string;
  @GridMoney(L.arrivedLoanWan) arrivedLoanWan?: string;
  @GridMoney(L.arrivedOtherWan) arrivedOtherWan?: string;
  @GridMoney(L.completedInvestmentWan) completedInvestmentWan?: string;

  @ApiPropertyOptional({ title: L.progress, type: String, nullable: true, maxLength: PROGRESS_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(PROGRESS_MAX_LENGTH)
  progress?: string | null;
}

export class SaveDraftsDto implements SaveDraftsRequest {
  @RegionCode() regionCode: string;
  @MonthText() month: string;

  @ApiProperty({ title: '月报', type: [ReportDraftDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => ReportDraftDto)
  items: ReportDraftDto[];
}

export class SubmitReportsDto implements SubmitReportsRequest {
  @RegionCode() regionCode: string;
  @MonthText() month: string;

  @ApiPropertyOptional({ title: '项目', type: [String], description: '只报送这些项目的月报；不填则报送该地区该月全部草稿和被退回的月报' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true })
  projectIds?: string[];
}

class ReportVersionDto {
  @ApiProperty({ title: '月报', format: 'uuid' })
  @IsUUID('all', { message: '月报应为月报的 id' })
  id: string;

  @ApiProperty({ title: '版本' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ReportActionDto implements ReportActionRequest {
  @ApiProperty({ title: '月报', type: [ReportVersionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => ReportVersionDto)
  items: ReportVersionDto[];

  @ApiPropertyOptional({ title: L.returnReason, maxLength: RETURN_REASON_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(RETURN_REASON_MAX_LENGTH)
  reason?: string;
}

export class MonthVersionDto {
  @ApiProperty({ title: '版本', description: '读取月结状态时的版本号（从未月结过的月份为 0）' })
  @IsInt()
  @Min(0)
  version: number;
}

export class MonthCloseDto extends MonthVersionDto implements MonthCloseRequest {
  @ApiPropertyOptional({ title: '月结说明', maxLength: 200, description: '该月仍有待核实月报时必填，表示确认月结（记入操作日志）' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: '月结说明不能为空' })
  @MaxLength(200)
  reason?: string;
}

export class MonthReopenDto extends MonthVersionDto implements MonthReopenRequest {
  @ApiProperty({ title: '重新打开原因', maxLength: 200 })
  @IsString()
  @Matches(/\S/, { message: '重新打开原因不能为空' })
  @MaxLength(200)
  reason: string;
}
