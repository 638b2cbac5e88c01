import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPROVAL_KINDS,
  APPROVAL_STATUSES,
  type ApprovalDto,
  type ApprovalKind,
  type ApprovalStatus,
  type CreateProjectRequest,
  INVESTOR_ORIGINS,
  type InvestorOrigin,
  type LookAlikeQuery,
  PROJECT_FIELD_LABELS as L,
  PROJECT_STAGES,
  type ProjectStage,
  type StageMoveRequest,
  type UpdateApprovalsRequest,
  type UpdateProjectRequest,
} from '@zhaoshang/shared/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { VersionField } from '../../../common/validation/version-field.js';
import { Flag, MoneyText, NullableDate, NullableId, NullableText, OneOf, RequiredText } from './fields.js';

class VersionedDto {
  @VersionField() version: number;
}

export class CreateProjectDto implements CreateProjectRequest {
  @RequiredText(L.name, 200, false, '奈曼旗 200MW 风电项目') name: string;
  @RequiredText(L.regionCode, 12, false, '150525') regionCode: string;
  @RequiredText(L.industryCode, 8, false, 'NE') industryCode: string;
  @RequiredText(L.investorName, 200) investorName: string;
  @NullableText(L.investorUscc, null, { upper: true, example: '91150525MA0N0QXX0X' }) investorUscc?: string | null;
  @OneOf(L.investorOrigin, INVESTOR_ORIGINS, false) investorOrigin: InvestorOrigin;
  @MoneyText(L.contractAmountWan, 'required') contractAmountWan: string;
  @MoneyText(L.plannedInvestmentWan, 'nullable') plannedInvestmentWan?: string | null;
  @OneOf(L.stage, PROJECT_STAGES, false) stage: ProjectStage;
  @NullableDate(L.signedAt) signedAt?: string | null;
  @NullableDate(L.registeredAt) registeredAt?: string | null;
  @NullableDate(L.constructionStartedAt) constructionStartedAt?: string | null;
  @NullableDate(L.productionStartedAt) productionStartedAt?: string | null;
  @NullableDate(L.terminatedAt) terminatedAt?: string | null;
  @NullableText(L.terminationReason, 500) terminationReason?: string | null;
  @NullableDate(L.plannedStartMonth, 'month') plannedStartMonth?: string | null;
  @Flag(L.isKeyProject) isKeyProject?: boolean;
  @NullableText(L.leadOfficial, 50) leadOfficial?: string | null;
  @NullableText(L.leadDepartment, 100) leadDepartment?: string | null;
  @NullableId(L.districtContactId, '项目所在旗县区的旗县招商人员账号') districtContactId?: string | null;
  @NullableText(L.nationalCode, null, { example: '2024-150525-44-01-123456' }) nationalCode?: string | null;
  @Flag(L.statsRegistered) statsRegistered?: boolean;
  @NullableDate(L.statsRegisteredMonth, 'month') statsRegisteredMonth?: string | null;
  @NullableText(L.statsCode, 50) statsCode?: string | null;
  @NullableText(L.notes, 2000) notes?: string | null;
  @NullableText(L.parentProjectNo, 40, { description: '增资项目：原项目的项目编号；签约额只填增资部分' }) parentProjectNo?: string | null;
  @Flag('确认疑似重复项目') confirmLookAlike?: boolean;
  @NullableText('更正原因', 500, { description: '新项目会改变已月结月份的数据时（如签约日期在已月结月份）必填（更正，仅市级人员和管理员）；否则忽略' }) correctionReason?: string | null;
}

/** Every field but the stage (moved with POST …/stage), the region and the parent project. */
export class UpdateProjectDto extends VersionedDto implements UpdateProjectRequest {
  @RequiredText(L.name, 200, true) name?: string;
  @RequiredText(L.industryCode, 8, true) industryCode?: string;
  @RequiredText(L.investorName, 200, true) investorName?: string;
  @NullableText(L.investorUscc, null, { upper: true }) investorUscc?: string | null;
  @OneOf(L.investorOrigin, INVESTOR_ORIGINS, true) investorOrigin?: InvestorOrigin;
  @MoneyText(L.contractAmountWan, 'optional') contractAmountWan?: string;
  @MoneyText(L.plannedInvestmentWan, 'nullable') plannedInvestmentWan?: string | null;
  @NullableDate(L.signedAt) signedAt?: string | null;
  @NullableDate(L.registeredAt) registeredAt?: string | null;
  @NullableDate(L.constructionStartedAt) constructionStartedAt?: string | null;
  @NullableDate(L.productionStartedAt) productionStartedAt?: string | null;
  @NullableDate(L.terminatedAt) terminatedAt?: string | null;
  @NullableText(L.terminationReason, 500) terminationReason?: string | null;
  @NullableDate(L.plannedStartMonth, 'month') plannedStartMonth?: string | null;
  @Flag(L.isKeyProject) isKeyProject?: boolean;
  @NullableText(L.leadOfficial, 50) leadOfficial?: string | null;
  @NullableText(L.leadDepartment, 100) leadDepartment?: string | null;
  @NullableId(L.districtContactId, '项目所在旗县区的旗县招商人员账号') districtContactId?: string | null;
  @NullableText(L.nationalCode, null) nationalCode?: string | null;
  @Flag(L.statsRegistered) statsRegistered?: boolean;
  @NullableDate(L.statsRegisteredMonth, 'month') statsRegisteredMonth?: string | null;
  @NullableText(L.statsCode, 50) statsCode?: string | null;
  @NullableText(L.notes, 2000) notes?: string | null;
  @NullableText('更正原因', 500, { description: '修改会改变已月结月份的数据时必填（更正，仅市级人员和管理员）；否则忽略' }) correctionReason?: string | null;
}

export class StageDatesDto {
  @NullableDate(L.signedAt) signedAt?: string | null;
  @NullableDate(L.registeredAt) registeredAt?: string | null;
  @NullableDate(L.constructionStartedAt) constructionStartedAt?: string | null;
  @NullableDate(L.productionStartedAt) productionStartedAt?: string | null;
  @NullableDate(L.terminatedAt) terminatedAt?: string | null;
}

export class StageMoveDto extends VersionedDto implements StageMoveRequest {
  @OneOf('目标阶段', PROJECT_STAGES, false) to: ProjectStage;

  @ApiPropertyOptional({ title: '里程碑日期', type: StageDatesDto, description: '本次变更要填写的日期，例如 {"constructionStartedAt": "2025-06-01"}' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => StageDatesDto)
  dates: StageDatesDto = {};

  @NullableText(L.terminationReason, 500, { description: '终止项目时必填' }) terminationReason?: string;
  @NullableText('更正原因', 500, { description: '更正原因：退回到之前的阶段，或所填日期会改变已月结月份的数据时必填；仅市级人员和管理员可以更正' }) reason?: string;
}

export class ApprovalItemDto implements ApprovalDto {
  @OneOf('手续', APPROVAL_KINDS, false) kind: ApprovalKind;
  @OneOf('办理状态', APPROVAL_STATUSES, false) status: ApprovalStatus;
  @NullableDate('办结日期') doneAt: string | null;
}

export class UpdateApprovalsDto extends VersionedDto implements UpdateApprovalsRequest {
  @ApiProperty({ title: '手续', type: [ApprovalItemDto], description: `六项手续各一项：${APPROVAL_KINDS.join('、')}` })
  @IsArray()
  @ArrayMaxSize(APPROVAL_KINDS.length * 2)
  @ValidateNested({ each: true })
  @Type(() => ApprovalItemDto)
  items: ApprovalItemDto[];
}

export class LookAlikeQueryDto implements LookAlikeQuery {
  @RequiredText(L.name, 200) name: string;
  @RequiredText(L.regionCode, 12, false, '150525') regionCode: string;
  @NullableText(L.investorUscc, null, { upper: true }) investorUscc?: string | null;
  @NullableText('排除的项目编号', 40, { description: '编辑或增资时：不把此项目（原项目）算作疑似重复' }) excludeProjectNo?: string | null;
}
