import { ApiProperty } from '@nestjs/swagger';
import {
  APPROVAL_KINDS,
  APPROVAL_STATUSES,
  type ApprovalDto,
  type ApprovalKind,
  type ApprovalStatus,
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditActorType,
  AUDIT_ENTITIES,
  type AuditEntity,
  type AuditEntryDto,
  INVESTOR_ORIGINS,
  type InvestorOrigin,
  type LookAlikeCandidate,
  type FeedPage,
  type Page,
  PROJECT_FIELD_LABELS as L,
  PROJECT_STAGES,
  type ProjectDetailDto,
  type ProjectDto,
  type ProjectListItem,
  type ProjectSearchResponse,
  type ProjectStage,
  type ProjectSummary,
} from '@zhaoshang/shared/domain';

const money = { type: String, pattern: '^\\d+\\.\\d{2}$', description: '万元，两位小数的十进制字符串', example: '1200.00' };
const date = { type: String, format: 'date', nullable: true, example: '2025-03-18' };
const month = { type: String, nullable: true, pattern: '^\\d{4}-\\d{2}$', example: '2025-09' };
const text = { type: String, nullable: true };

export class ApprovalResponse implements ApprovalDto {
  @ApiProperty({ title: '手续', enum: APPROVAL_KINDS }) kind: ApprovalKind;
  @ApiProperty({ title: '办理状态', enum: APPROVAL_STATUSES }) status: ApprovalStatus;
  @ApiProperty({ title: '办结日期', ...date, description: '状态为 DONE 时必有' }) doneAt: string | null;
}

export class ProjectSummaryResponse implements ProjectSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ title: L.projectNo, example: '150525-2025-0012' }) projectNo: string;
  @ApiProperty({ title: L.name }) name: string;
  @ApiProperty({ title: L.regionCode, example: '150525' }) regionCode: string;
  @ApiProperty({ title: '地区名称', example: '奈曼旗' }) regionName: string;
  @ApiProperty({ title: L.industryCode, example: 'NE' }) industryCode: string;
  @ApiProperty({ title: '产业名称' }) industryName: string;
  @ApiProperty({ title: L.investorName }) investorName: string;
  @ApiProperty({ title: L.investorOrigin, enum: INVESTOR_ORIGINS }) investorOrigin: InvestorOrigin;
  @ApiProperty({ title: L.contractAmountWan, ...money }) contractAmountWan: string;
  @ApiProperty({ title: L.stage, enum: PROJECT_STAGES }) stage: ProjectStage;
  @ApiProperty({ title: L.signedAt, ...date }) signedAt: string | null;
  @ApiProperty({ title: L.isKeyProject }) isKeyProject: boolean;
  @ApiProperty({ title: L.parentProjectNo, ...text }) parentProjectNo: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** A whole project: the list's columns (ProjectSummaryResponse) and every other field. */
export class ProjectResponse extends ProjectSummaryResponse implements ProjectDto {
  @ApiProperty({ title: L.investorUscc, ...text }) investorUscc: string | null;
  @ApiProperty({ title: L.plannedInvestmentWan, ...money, nullable: true }) plannedInvestmentWan: string | null;
  @ApiProperty({ title: L.registeredAt, ...date }) registeredAt: string | null;
  @ApiProperty({ title: L.constructionStartedAt, ...date }) constructionStartedAt: string | null;
  @ApiProperty({ title: L.productionStartedAt, ...date }) productionStartedAt: string | null;
  @ApiProperty({ title: L.terminatedAt, ...date }) terminatedAt: string | null;
  @ApiProperty({ title: L.terminationReason, ...text }) terminationReason: string | null;
  @ApiProperty({ title: L.plannedStartMonth, ...month }) plannedStartMonth: string | null;
  @ApiProperty({ title: L.leadOfficial, ...text }) leadOfficial: string | null;
  @ApiProperty({ title: L.leadDepartment, ...text }) leadDepartment: string | null;
  @ApiProperty({ title: L.districtContactId, ...text, format: 'uuid' }) districtContactId: string | null;
  @ApiProperty({ title: '旗县联系人姓名', ...text }) districtContactName: string | null;
  @ApiProperty({ title: L.nationalCode, ...text, example: '2024-150525-44-01-123456' }) nationalCode: string | null;
  @ApiProperty({ title: L.statsRegistered }) statsRegistered: boolean;
  @ApiProperty({ title: L.statsRegisteredMonth, ...month }) statsRegisteredMonth: string | null;
  @ApiProperty({ title: L.statsCode, ...text }) statsCode: string | null;
  @ApiProperty({ title: L.notes, ...text }) notes: string | null;
  @ApiProperty({ title: L.approvals, type: [ApprovalResponse] }) approvals: ApprovalDto[];
  @ApiProperty({ title: '手续办结', description: '所有需要办理的手续均已办结' }) approvalsComplete: boolean;
  @ApiProperty({ title: '版本', description: '修改时原样提交；已被他人修改时返回 409' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ProjectDetailResponse extends ProjectResponse implements ProjectDetailDto {
  @ApiProperty({ title: '增资项目', type: [ProjectSummaryResponse], description: '以本项目为原项目的增资项目' }) capitalIncreases: ProjectSummary[];
}

export class LookAlikeCandidateResponse extends ProjectSummaryResponse implements LookAlikeCandidate {
  @ApiProperty({ title: '疑似原因', enum: ['SAME_USCC', 'SAME_NAME_IN_REGION'], isArray: true, description: 'SAME_USCC 投资方统一社会信用代码相同；SAME_NAME_IN_REGION 同一地区同名' })
  reasons: ('SAME_USCC' | 'SAME_NAME_IN_REGION')[];
}

class SearchTotals {
  @ApiProperty({ title: '项目数' }) count: number;
  @ApiProperty({ title: '签约额合计(万元)', ...money }) contractAmountWan: string;
}

export class ProjectListItemResponse extends ProjectSummaryResponse implements ProjectListItem {
  @ApiProperty({ title: '累计到位资金(万元)', ...money, description: '本项目已核实月报的到位资金（自有+贷款+其他）累计，不分月份' }) arrivedFundsWan: string;
}

export class ProjectSearchResult implements ProjectSearchResponse {
  @ApiProperty({ type: [ProjectListItemResponse] }) items: ProjectListItem[];
  @ApiProperty({ title: '页码' }) page: number;
  @ApiProperty({ title: '每页条数' }) pageSize: number;
  @ApiProperty({ title: '筛选结果合计', type: SearchTotals, description: '整个筛选结果（不只是本页）的项目数与签约额合计' }) total: SearchTotals;
}

export class ProjectFeedResult implements FeedPage<ProjectDto> {
  @ApiProperty({ type: [ProjectResponse] }) items: ProjectDto[];
  @ApiProperty({ title: '下一页游标', type: String, nullable: true, description: '原样作为 cursor 参数取下一页；null 表示当前没有更多' }) nextCursor: string | null;
  @ApiProperty({ title: '续取游标', description: '总是返回：本页最后一行之后的位置（末页则为当前水位线）；下次增量调用原样作为 cursor 传入，不会遗漏' }) resumeCursor: string;
}

export class AuditEntryResponse implements AuditEntryDto {
  @ApiProperty({ title: '编号' }) id: string;
  @ApiProperty({ title: '时间', format: 'date-time' }) at: string;
  @ApiProperty({ title: '操作者类型', enum: ['USER', 'API_KEY', 'SYSTEM'] }) actorType: AuditActorType;
  @ApiProperty({ title: '操作者编号', type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ title: '操作者' }) actorName: string;
  @ApiProperty({ title: '对象类型', enum: AUDIT_ENTITIES, example: 'project' }) entity: AuditEntity;
  @ApiProperty({ title: '对象编号' }) entityId: string;
  @ApiProperty({ title: '操作', enum: AUDIT_ACTIONS }) action: AuditAction;
  @ApiProperty({ title: '修改前', type: 'object', additionalProperties: true, nullable: true, description: '字段名同项目字段（见 PROJECT_FIELD_LABELS）' }) before: Record<string, unknown> | null;
  @ApiProperty({ title: '修改后', type: 'object', additionalProperties: true, nullable: true, description: '字段名同项目字段；退回阶段或更正已月结月份的数据时含 correctionReason（更正原因）' }) after: Record<string, unknown> | null;
  @ApiProperty({ title: '请求编号', type: String, nullable: true }) requestId: string | null;
}

export class ProjectHistoryResult implements Page<AuditEntryDto> {
  @ApiProperty({ type: [AuditEntryResponse] }) items: AuditEntryDto[];
  @ApiProperty({ title: '下一页游标', type: String, nullable: true, description: '原样作为 before 参数取下一页' }) nextCursor: string | null;
}
