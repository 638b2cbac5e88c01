import {
  type ApprovalDto,
  approvalsComplete,
  type ProjectDto,
  type ProjectFilter,
  type ProjectSortField,
  type ProjectSummary,
} from '@zhaoshang/shared/domain';
import { sql, type SqlFragment } from '../../common/sql/sql.js';

/**
 * The project reads, as hand-written SQL: the list and the feed select exactly the columns they
 * return, joined to the two small dictionaries for the names, without hydrating entities.
 */

export const FROM_PROJECTS = sql`FROM projects p JOIN regions r ON r.code = p.region_code JOIN industries i ON i.code = p.industry_code`;

export const SUMMARY_COLUMNS = sql`p.id, p.project_no AS "projectNo", p.name, p.region_code AS "regionCode", r.name AS "regionName",
  p.industry_code AS "industryCode", i.name AS "industryName", p.investor_name AS "investorName", p.investor_origin AS "investorOrigin",
  p.contract_amount_wan AS "contractAmountWan", p.stage, p.signed_at AS "signedAt", p.is_key_project AS "isKeyProject",
  p.parent_project_no AS "parentProjectNo", p.updated_at AS "updatedAt"`;

export const PROJECT_COLUMNS = sql`${SUMMARY_COLUMNS}, p.investor_uscc AS "investorUscc", p.planned_investment_wan AS "plannedInvestmentWan",
  p.registered_at AS "registeredAt", p.construction_started_at AS "constructionStartedAt", p.production_started_at AS "productionStartedAt",
  p.terminated_at AS "terminatedAt", p.termination_reason AS "terminationReason", p.planned_start_month AS "plannedStartMonth",
  p.lead_official AS "leadOfficial", p.lead_department AS "leadDepartment", p.national_code AS "nationalCode",
  p.district_contact_id AS "districtContactId", (SELECT u.display_name FROM users u WHERE u.id = p.district_contact_id) AS "districtContactName",
  p.stats_registered AS "statsRegistered", p.stats_registered_month AS "statsRegisteredMonth", p.stats_code AS "statsCode",
  p.notes, p.version, p.created_at AS "createdAt"`;

export type SummaryRow = Omit<ProjectSummary, 'updatedAt'> & { updatedAt: Date };
export type ProjectRow = Omit<ProjectDto, 'updatedAt' | 'createdAt' | 'approvals' | 'approvalsComplete'> & { updatedAt: Date; createdAt: Date };

export function toSummary(row: SummaryRow): ProjectSummary {
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}

export function toProjectDto(row: ProjectRow, approvals: ApprovalDto[]): ProjectDto {
  return { ...row, approvals, approvalsComplete: approvalsComplete(approvals), createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** `%`, `_` and `\` match themselves in the text search. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE conditions of a filter (joined with AND; TRUE when there is none). `viewerId`: the
 * signed-in account, for 我的项目 (a leader's 包联项目 through the leaders' entry linked to the
 * account, a staff member's projects as 旗县联系人); without one, `mine` finds nothing.
 */
export function filterConditions(filter: ProjectFilter, viewerId: string | null = null): SqlFragment {
  const where: SqlFragment[] = [];
  if (filter.mine === true) {
    where.push(
      viewerId === null
        ? sql`FALSE`
        : sql`(p.lead_official IN (SELECT l.name FROM leaders l WHERE l.user_id = ${viewerId}) OR p.district_contact_id = ${viewerId})`,
    );
  }
  if (filter.regionCode !== undefined) where.push(sql`p.region_code = ${filter.regionCode}`);
  if (filter.industryCode !== undefined) where.push(sql`p.industry_code = ${filter.industryCode}`);
  if (filter.stage !== undefined) where.push(sql`p.stage = ${filter.stage}`);
  if (filter.investorOrigin !== undefined) where.push(sql`p.investor_origin = ${filter.investorOrigin}`);
  if (filter.isKeyProject !== undefined) where.push(sql`p.is_key_project = ${filter.isKeyProject}`);
  if (filter.signedFrom !== undefined) where.push(sql`p.signed_at >= ${filter.signedFrom}`);
  if (filter.signedTo !== undefined) where.push(sql`p.signed_at <= ${filter.signedTo}`);
  if (filter.amountMin !== undefined) where.push(sql`p.contract_amount_wan >= ${filter.amountMin}`);
  if (filter.amountMax !== undefined) where.push(sql`p.contract_amount_wan <= ${filter.amountMax}`);
  if (filter.q !== undefined && filter.q !== '') where.push(textCondition(filter.q));
  if (filter.leadOfficial !== undefined) where.push(sql`p.lead_official = ${filter.leadOfficial}`);
  if (filter.leadDepartment !== undefined) where.push(sql`p.lead_department = ${filter.leadDepartment}`);
  if (filter.districtContactId !== undefined) where.push(sql`p.district_contact_id = ${filter.districtContactId}`);
  return where.length > 0 ? sql.join(where, sql` AND `) : sql`TRUE`;
}

/**
 * The text search over name, investor and project number. The GIN index finds the rows holding
 * every one- and two-character piece of the text; for a text of one or two characters that is
 * already the answer (a piece without the line break that joins the fields lies inside one field),
 * longer texts are then checked with ILIKE.
 */
function textCondition(q: string): SqlFragment {
  const grams = sql`project_search_grams(p.name, p.investor_name, p.project_no) @> search_grams(${q})`;
  if ([...q].length <= 2 && !q.includes('\n')) return grams;
  const like = sql.param(likePattern(q));
  return sql`${grams} AND (p.name ILIKE ${like} OR p.investor_name ILIKE ${like} OR p.project_no ILIKE ${like})`;
}

const SORT_COLUMNS: Record<ProjectSortField, SqlFragment> = {
  projectNo: sql`p.project_no`,
  name: sql`p.name`,
  signedAt: sql`p.signed_at`,
  contractAmountWan: sql`p.contract_amount_wan`,
  updatedAt: sql`p.updated_at`,
  regionCode: sql`p.region_code`,
  stage: sql`p.stage`,
};

/**
 * A total order (the id breaks ties, so pages neither repeat nor skip rows). Unsigned projects come
 * last either way; each direction of the signing date has its index.
 */
export function orderBy(sort: ProjectSortField | undefined, order: 'asc' | 'desc' | undefined): SqlFragment {
  const field = sort ?? 'updatedAt';
  const direction = (order ?? (sort === undefined ? 'desc' : 'asc')) === 'asc' ? sql`ASC` : sql`DESC`;
  const nulls = field === 'signedAt' ? sql` NULLS LAST` : sql.empty;
  return sql`${SORT_COLUMNS[field]} ${direction}${nulls}, p.id ${direction}`;
}
