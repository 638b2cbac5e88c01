import {
  type ApiErrorDetail,
  APPROVAL_KIND_LABELS,
  APPROVAL_KINDS,
  type ApprovalDto,
  type FieldProblem,
  isCalendarDate,
  type LookAlikeCandidate,
  PROJECT_FIELD_LABELS as L,
  type ProjectFields,
} from '@zhaoshang/shared/domain';
import { AppException } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlRunner } from '../../common/sql/sql.js';

/** 409 LOOK_ALIKE: the new project looks like existing ones; the client shows them and may confirm. */
export class LookAlikeFound extends AppException {
  constructor(candidates: LookAlikeCandidate[]) {
    const details: ApiErrorDetail[] = candidates.flatMap((c) =>
      c.reasons.map((reason) =>
        reason === 'SAME_USCC'
          ? { field: 'investorUscc', message: `与 ${c.projectNo}「${c.name}」的${L.investorUscc}相同` }
          : { field: 'name', message: `与 ${c.projectNo}「${c.name}」同名（同一地区）` },
      ),
    );
    super(
      409,
      'LOOK_ALIKE',
      `发现 ${candidates.length} 个疑似重复的项目（${candidates.map((c) => c.projectNo).join('、')}）。如确认不是同一项目，请确认后再提交；增资请从原项目登记`,
      details,
    );
  }
}

/**
 * What the database knows about a project's references: the region, the industry, the parent project,
 * the 包联领导 and 责任单位 (names of the lists an admin keeps, DOMAIN.md §9; checked where they change,
 * so that a project keeps a leader who has since been deactivated).
 */
export async function referenceProblems(
  db: SqlRunner,
  fields: Pick<ProjectFields, 'regionCode' | 'industryCode' | 'parentProjectNo' | 'leadOfficial' | 'leadDepartment' | 'districtContactId'>,
  check: { region: boolean; industry: boolean; parent: boolean; leader: boolean; unit: boolean; contact: boolean },
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (check.contact && fields.districtContactId !== null) {
    const [user] = await runSql<{ display_name: string; role: string; region_code: string | null; disabled: boolean }>(
      db,
      sql`SELECT display_name, role, region_code, disabled FROM users WHERE id = ${fields.districtContactId}`,
    );
    const field = 'districtContactId';
    if (!user) problems.push({ field, message: `${L.districtContactId}的账号不存在` });
    else if (user.role !== 'DISTRICT_STAFF' || user.region_code !== fields.regionCode) problems.push({ field, message: `${L.districtContactId}应为项目所在旗县区的旗县招商人员（${user.display_name}不是）` });
    else if (user.disabled) problems.push({ field, message: `${L.districtContactId}“${user.display_name}”的账号已停用，请选择其他人员` });
  }
  if (check.leader && fields.leadOfficial !== null) {
    const [leader] = await runSql<{ active: boolean }>(db, sql`SELECT active FROM leaders WHERE name = ${fields.leadOfficial}`);
    if (!leader) problems.push({ field: 'leadOfficial', message: `${L.leadOfficial}“${fields.leadOfficial}”不在包联领导名单中，请从名单中选择（名单由管理员维护）` });
    else if (!leader.active) problems.push({ field: 'leadOfficial', message: `${L.leadOfficial}“${fields.leadOfficial}”已停用，请选择其他领导` });
  }
  if (check.unit && fields.leadDepartment !== null) {
    const [unit] = await runSql<{ active: boolean }>(db, sql`SELECT active FROM units WHERE name = ${fields.leadDepartment}`);
    if (!unit) problems.push({ field: 'leadDepartment', message: `${L.leadDepartment}“${fields.leadDepartment}”不在责任单位名单中，请从名单中选择（名单由管理员维护）` });
    else if (!unit.active) problems.push({ field: 'leadDepartment', message: `${L.leadDepartment}“${fields.leadDepartment}”已停用，请选择其他单位` });
  }
  if (check.region) {
    const [region] = await runSql<{ parent_code: string | null }>(db, sql`SELECT parent_code FROM regions WHERE code = ${fields.regionCode}`);
    if (!region || region.parent_code === null) problems.push({ field: 'regionCode', message: `${L.regionCode} ${fields.regionCode} 不是本市的旗县市区` });
  }
  if (check.industry) {
    const [industry] = await runSql<{ name: string; active: boolean }>(db, sql`SELECT name, active FROM industries WHERE code = ${fields.industryCode}`);
    if (!industry) problems.push({ field: 'industryCode', message: `${L.industryCode} ${fields.industryCode} 不存在` });
    else if (!industry.active) problems.push({ field: 'industryCode', message: `${L.industryCode}“${industry.name}”已停用，请选择其他产业类别` });
  }
  if (check.parent && fields.parentProjectNo !== null) {
    const [parent] = await runSql<{ region_code: string; region_name: string }>(
      db,
      sql`SELECT p.region_code, r.name AS region_name FROM projects p JOIN regions r ON r.code = p.region_code WHERE p.project_no = ${fields.parentProjectNo}`,
    );
    if (!parent) problems.push({ field: 'parentProjectNo', message: `${L.parentProjectNo} ${fields.parentProjectNo} 不存在` });
    else if (parent.region_code !== fields.regionCode) {
      problems.push({ field: 'parentProjectNo', message: `增资项目应与原项目 ${fields.parentProjectNo} 属于同一地区（${parent.region_name}）` });
    }
  }
  return problems;
}

/** The approvals checklist (DOMAIN.md §5): all six kinds once each, a date exactly when done, none in the future. */
export function approvalProblems(items: ApprovalDto[], today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const label = APPROVAL_KIND_LABELS[item.kind];
    if (seen.has(item.kind)) problems.push({ field: `items[${i}].kind`, message: `手续“${label}”重复` });
    seen.add(item.kind);
    const field = `items[${i}].doneAt`;
    if (item.status === 'DONE' && item.doneAt === null) problems.push({ field, message: `手续“${label}”已办结，必须填写办结日期` });
    else if (item.status !== 'DONE' && item.doneAt !== null) problems.push({ field, message: `手续“${label}”未办结，不应填写办结日期` });
    else if (item.doneAt !== null && !isCalendarDate(item.doneAt)) problems.push({ field, message: `手续“${label}”的办结日期不是有效日期（应为 YYYY-MM-DD）` });
    else if (item.doneAt !== null && item.doneAt > today) problems.push({ field, message: `手续“${label}”的办结日期不能晚于今天（${today}）` });
  });
  const missing = APPROVAL_KINDS.filter((kind) => !seen.has(kind));
  if (missing.length > 0) problems.push({ field: 'items', message: `缺少手续：${missing.map((kind) => APPROVAL_KIND_LABELS[kind]).join('、')}` });
  return problems;
}
