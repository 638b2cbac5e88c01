import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AcceptStatsRegistrationInput,
  type MatchedBy,
  RECONCILIATION_LIST_LABELS,
  type ReconciliationList,
  type ReconciliationResponse,
  type ReconciliationRow,
  STATS_ITEM_LABELS as L,
  type StatsCoverageResponse,
  type StatsProjectItem,
  type StatsProjectsInput,
  type StatsProjectsWriteResult,
  type StatsToleranceSettings,
} from '@zhaoshang/shared/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { MonthText, RegionCode } from '../../reports/dto/report-write.dto.js';

const money = { type: String, pattern: '^-?\\d+\\.\\d{2}$', description: '万元，两位小数的十进制字符串', example: '1200.00' };
const month = { type: String, nullable: true, pattern: '^\\d{4}-\\d{2}$', example: '2026-03' };
const text = { type: String, nullable: true };

/** Text fields are checked by the service (all problems at once, by row); here only their type. */
function Text(title: string, example: string, description?: string): PropertyDecorator {
  return (target, property) => {
    ApiProperty({ title, type: String, example, description })(target, property);
    IsString({ message: `${title}应为文本` })(target, property);
    MaxLength(200, { message: `${title}过长` })(target, property);
  };
}

export class StatsProjectItemDto implements StatsProjectItem {
  @Text(L.nationalCode, '2025-150526-44-01-000123', 'Investment project code (GB/T 40058-2021) · 投资项目代码，YYYY-RRRRRR-DD-TT-NNNNNN') nationalCode: string;
  @Text(L.name, '扎鲁特旗200MW风电项目', 'Project name as the statistics bureau lists it · 统计局项目库中的项目名称') name: string;
  @Text(L.regionCode, '150526', 'Region code · 所属地区代码') regionCode: string;
  @Text(L.registeredMonth, '2025-06', 'Month the bureau registered the project (入库), YYYY-MM') registeredMonth: string;
  @Text(L.completedYtdWan, '3560.50', 'Completed investment January–month, 万元 (10,000 yuan), decimal string · 本年 1–M 月累计完成投资') completedYtdWan: string;
  @Text(L.month, '2026-03', "The list's month, equal to the request's month · 清单月份") month: string;
}

export class StatsProjectsDto implements StatsProjectsInput {
  @MonthText('清单月份') month: string;

  @ApiPropertyOptional({ title: '地区', example: '150526', description: 'Only this region’s rows are replaced (with its sub-regions); without it the whole month · 给出时只替换该地区（含下级）的清单，否则替换整月' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  regionCode?: string;

  @ApiProperty({ title: '清单', type: [StatsProjectItemDto], description: 'The whole list for the month (and region); rows missing here are removed · 该月（该地区）的完整清单，未列出的行将被删除' })
  @IsArray()
  @ArrayMaxSize(20000)
  @ValidateNested({ each: true })
  @Type(() => StatsProjectItemDto)
  items: StatsProjectItemDto[];
}

export class StatsProjectsWriteResponse implements StatsProjectsWriteResult {
  @ApiProperty({ title: '新增', example: 12 }) created: number;
  @ApiProperty({ title: '修改', example: 3 }) updated: number;
  @ApiProperty({ title: '未变', example: 180 }) unchanged: number;
  @ApiProperty({ title: '删除', example: 1, description: '新清单中已没有的行' }) deleted: number;
}

export class ReconciliationQueryDto {
  @MonthText('月份') month: string;
  @RegionCode() region: string;
}

export class StatsToleranceResponse implements StatsToleranceSettings {
  @ApiProperty({ title: '允许差额(万元)', ...money, example: '10.00' }) toleranceWan: string;
  @ApiProperty({ title: '允许差异率', example: 0.05, description: '占两者较大值的比例；差额与差异率都超过时才算不一致' }) toleranceRate: number;
}

export class StatsToleranceSettingsResponse extends StatsToleranceResponse {
  @ApiProperty({ title: '版本', description: '未保存过为 0' }) version: number;
}

export class StatsToleranceDto {
  @ApiProperty({ title: '允许差额(万元)', type: String, example: '10.00' })
  @IsString({ message: '允许差额(万元)应以文本形式的数字提交，例如 "10.00"' })
  toleranceWan: string;

  @ApiProperty({ title: '允许差异率', example: 0.05 })
  @IsNumber({}, { message: '允许差异率应为数字，例如 0.05' })
  toleranceRate: number;

  @ApiProperty({ title: '版本' })
  @IsInt()
  @Min(0)
  version: number;
}

export class ReconciliationRowResponse implements ReconciliationRow {
  @ApiProperty({ ...text, format: 'uuid' }) projectId: string | null;
  @ApiProperty({ title: '项目编号', ...text }) projectNo: string | null;
  @ApiProperty({ title: '项目名称（我方）', ...text }) projectName: string | null;
  @ApiProperty({ title: '项目版本', type: Number, nullable: true }) projectVersion: number | null;
  @ApiProperty({ title: '所属地区', example: '150526' }) regionCode: string;
  @ApiProperty({ title: '地区名称' }) regionName: string;
  @ApiProperty({ title: '投资项目代码', ...text }) nationalCode: string | null;
  @ApiProperty({ title: '项目名称（统计）', ...text }) statsName: string | null;
  @ApiProperty({ title: '投资项目代码（统计）', ...text }) statsNationalCode: string | null;
  @ApiProperty({ title: '匹配方式', enum: ['CODE', 'NAME'], nullable: true, description: 'CODE 按投资项目代码，NAME 按地区内项目名称' }) matchedBy: MatchedBy | null;
  @ApiProperty({ title: '我方入库' }) statsRegistered: boolean;
  @ApiProperty({ title: '我方入库月份', ...month }) statsRegisteredMonth: string | null;
  @ApiProperty({ title: '统计入库月份', ...month }) theirRegisteredMonth: string | null;
  @ApiProperty({ title: '我方本年完成投资(万元)', ...money, nullable: true }) oursCompletedYtdWan: string | null;
  @ApiProperty({ title: '统计本年完成投资(万元)', ...money, nullable: true }) theirsCompletedYtdWan: string | null;
  @ApiProperty({ title: '差额(万元)', ...money, nullable: true, description: '我方 − 统计' }) differenceWan: string | null;
  @ApiProperty({ title: '完成投资不一致' }) amountDiffers: boolean;
  @ApiProperty({ title: '入库月份不一致' }) registeredMonthDiffers: boolean;
}

const listDescription = Object.entries(RECONCILIATION_LIST_LABELS)
  .map(([k, v]) => `${k}：${v}`)
  .join('；');

export class ReconciliationCountsResponse implements Record<ReconciliationList, number> {
  @ApiProperty({ title: RECONCILIATION_LIST_LABELS.matched }) matched: number;
  @ApiProperty({ title: RECONCILIATION_LIST_LABELS.oursOnly }) oursOnly: number;
  @ApiProperty({ title: RECONCILIATION_LIST_LABELS.notRegistered }) notRegistered: number;
  @ApiProperty({ title: RECONCILIATION_LIST_LABELS.unknown }) unknown: number;
  @ApiProperty({ title: RECONCILIATION_LIST_LABELS.amountDiffers }) amountDiffers: number;
}

export class ReconciliationListsResponse implements Record<ReconciliationList, ReconciliationRow[]> {
  @ApiProperty({ type: [ReconciliationRowResponse], title: RECONCILIATION_LIST_LABELS.matched }) matched: ReconciliationRowResponse[];
  @ApiProperty({ type: [ReconciliationRowResponse], title: RECONCILIATION_LIST_LABELS.oursOnly }) oursOnly: ReconciliationRowResponse[];
  @ApiProperty({ type: [ReconciliationRowResponse], title: RECONCILIATION_LIST_LABELS.notRegistered }) notRegistered: ReconciliationRowResponse[];
  @ApiProperty({ type: [ReconciliationRowResponse], title: RECONCILIATION_LIST_LABELS.unknown }) unknown: ReconciliationRowResponse[];
  @ApiProperty({ type: [ReconciliationRowResponse], title: RECONCILIATION_LIST_LABELS.amountDiffers }) amountDiffers: ReconciliationRowResponse[];
}

export class ReconciliationResultResponse implements ReconciliationResponse {
  @ApiProperty({ title: '月份', example: '2026-03' }) month: string;
  @ApiProperty({ title: '地区', example: '150526' }) regionCode: string;
  @ApiProperty({ title: '统计清单行数' }) listedCount: number;
  @ApiProperty({ type: StatsToleranceResponse }) tolerance: StatsToleranceResponse;
  @ApiProperty({ type: ReconciliationCountsResponse, description: listDescription }) counts: ReconciliationCountsResponse;
  @ApiProperty({ title: '我方完成投资合计(万元)', ...money, description: '已对应的项目（已匹配与统计已列、我方未入库）' }) oursCompletedWan: string;
  @ApiProperty({ title: '统计完成投资合计(万元)', ...money }) theirsCompletedWan: string;
  @ApiProperty({ title: '差额合计(万元)', ...money, description: '我方 − 统计' }) differenceWan: string;
  @ApiProperty({ type: ReconciliationListsResponse }) lists: ReconciliationListsResponse;
}

export class StatsCoverageResultResponse implements StatsCoverageResponse {
  @ApiProperty({ title: '月份', example: '2026-03' }) month: string;
  @ApiProperty({ title: '所用清单月份', ...month, description: '该月及以前最近一期统计局清单；无清单时为 null' }) listMonth: string | null;
  @ApiProperty({ title: '地区', example: '150500' }) regionCode: string;
  @ApiProperty({ title: '我方入库项目数' }) registeredCount: number;
  @ApiProperty({ title: '其中统计局清单也有的' }) alsoListedCount: number;
  @ApiProperty({ title: '统计局也列入的比例', type: Number, nullable: true, example: 0.8571, description: '小数；无入库项目时为 null' }) share: number | null;
}

export class AcceptStatsRegistrationDto implements AcceptStatsRegistrationInput {
  @ApiProperty({ format: 'uuid', title: '项目' })
  @IsUUID('all', { message: '项目应为项目 id' })
  projectId: string;

  @MonthText('清单月份') month: string;

  @ApiProperty({ title: '项目版本', description: '读取时的版本；已被他人修改时 409' })
  @IsInt({ message: '项目版本应为整数' })
  @Min(1)
  version: number;

  @ApiPropertyOptional({ title: '更正原因', type: String, nullable: true, description: '入库月份落在已月结月份时必填（更正，仅市级人员和管理员）' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}
