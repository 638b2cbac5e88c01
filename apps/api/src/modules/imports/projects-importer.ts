import {
  can,
  canEditRegion,
  canonicalWan,
  closedMonthsTouched,
  correctionReasonMissingMessage,
  lateRegistrationMessage,
  INVESTOR_ORIGIN_LABELS,
  periodClosedMessage,
  PROJECT_FIELD_LABELS as L,
  projectFieldProblems,
  type ProjectFields,
  STAGE_LABELS,
  stageMoveKind,
  type TouchedMonth,
  touchedSummary,
} from '@zhaoshang/shared/domain';
import { runSql, sql } from '../../common/sql/sql.js';
import { readWarningSettings } from '../warnings/warnings.service.js';
import {
  allocateProjectNos,
  auditProjects,
  findLookAlikesBulk,
  FROM_PROJECTS,
  insertProjects,
  keepProjectSnapshots,
  lockedClosedMonths,
  lockProjects,
  PROJECT_COLUMNS as SELECT_PROJECT,
  type ProjectAuditEntry,
  type ProjectRow,
  reasonOf,
  recordCorrection,
  reportMonthsOf,
  updateProjects,
} from '../projects/projects.service.js';
import { choice, date, excerpt, isProblem, limitedText, money, month, type Parsed, text, yesNo } from './cells.js';
import { PROJECT_COLUMNS, type RowCells } from './columns.js';
import type { ImportContext, ImportCounts, Importer } from './importer.js';
import { deferSearchIndexMerge } from './search-index-merge.js';

type Key = (typeof PROJECT_COLUMNS)[number]['key'];
type FieldKey = Exclude<Key, 'projectNo' | 'correctionReason'>;
const H = Object.fromEntries(PROJECT_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

/** Every field a project has, in a fixed order, for comparing an imported row with the stored project. */
const FIELD_KEYS = Object.keys(L).filter((k) => k !== 'projectNo' && k !== 'approvals') as (keyof ProjectFields)[];
const TEXT_LIMITS: Partial<Record<FieldKey, number>> = {
  name: 200,
  investorName: 200,
  terminationReason: 500,
  leadOfficial: 50,
  leadDepartment: 100,
  notes: 5000,
  investorUscc: 18,
  nationalCode: 24,
};

interface ParsedRow {
  row: number;
  projectNo: string | null;
  /** the fields whose column the file has (an absent column keeps a stored project's value) */
  given: Partial<ProjectFields>;
  /** 更正原因: needed when the row alters a closed month or moves the stage back */
  correctionReason: string | null;
}

interface Plan {
  row: ParsedRow;
  existing: ProjectRow | null;
  fields: ProjectFields;
  /** the row is a correction (DOMAIN.md §5): recorded in `corrections` when written */
  correction: { touched: TouchedMonth[]; backward: boolean; reason: string } | null;
}

const EMPTY: ProjectFields = Object.fromEntries(FIELD_KEYS.map((k) => [k, k === 'isKeyProject' || k === 'statsRegistered' ? false : null])) as unknown as ProjectFields;

/** The column a project rule's field belongs to. */
function columnOf(field: string): string {
  if (field === 'statsCode') return H.statsRegistered;
  if (field === 'parentProjectNo') return H.projectNo;
  return (L as Record<string, string>)[field] ?? field;
}

const normaliseName = (name: string) => name.toLowerCase().replace(/\s/g, '');

/**
 * kind=projects: a row with 项目编号 updates that project or creates it with that (legacy) number;
 * without it, (所属地区, 项目名称) finds the project, else a new one gets the next generated number.
 * Every project rule applies, look-alikes (DOMAIN.md §5) need confirmation, an unchanged row is not
 * touched. The rows are written set-based (issue 17: a province's 100,000 legacy projects come this way).
 */
export class ProjectsImporter implements Importer<Key> {
  readonly columns = PROJECT_COLUMNS;
  private readonly rows: ParsedRow[] = [];
  private plans: Plan[] = [];
  private unchanged = 0;
  /** set by a write that inserts or updates projects */
  fillsSearchIndex = false;

  constructor(private readonly ctx: ImportContext) {}

  async prepare(): Promise<void> {
    // the projects the file names are looked up once every row has been read
  }

  async add(cells: RowCells<Key>): Promise<void> {
    const { errors, dictionaries } = this.ctx;
    const row = cells.row;
    const given: Partial<ProjectFields> = {};
    const take = <T>(key: FieldKey, value: Parsed<T>): void => {
      if (!cells.has(key)) return;
      if (isProblem(value)) errors.add(row, H[key], value.message);
      else (given as Record<string, unknown>)[key] = value;
    };
    const projectNo = text(cells.get('projectNo'));
    if (projectNo !== null && projectNo.length > 40) errors.add(row, H.projectNo, `${H.projectNo}最多 40 个字符`);
    for (const key of ['name', 'investorName', 'terminationReason', 'notes'] as const) {
      take(key, limitedText(cells.get(key), L[key], TEXT_LIMITS[key] ?? 500));
    }
    // 包联领导 / 责任单位: names of the lists an admin keeps, written as the list spells them
    for (const [key, lookup, list] of [
      ['leadOfficial', (name: string) => dictionaries.leader(name), '包联领导'],
      ['leadDepartment', (name: string) => dictionaries.unit(name), '责任单位'],
    ] as const) {
      if (!cells.has(key)) continue;
      const name = text(cells.get(key));
      const entry = name === null ? null : lookup(name);
      if (name !== null && !entry) errors.add(row, H[key], `${H[key]}「${excerpt(name)}」不在${list}名单中：请填写名单中的名称（名单由管理员维护）`);
      else given[key] = entry?.name ?? null;
    }
    for (const key of ['investorUscc', 'nationalCode'] as const) take(key, text(cells.get(key))?.toUpperCase() ?? null);
    const regionText = text(cells.get('regionCode'));
    if (regionText !== null) {
      const region = dictionaries.region(regionText);
      if (!region) errors.add(row, H.regionCode, `所属地区「${excerpt(regionText)}」不存在：请填写旗县市区的名称、简称或代码`);
      else if (region.parentCode === null) errors.add(row, H.regionCode, `所属地区应为旗县市区，不能是${region.name}`);
      else given.regionCode = region.code;
    }
    const contactText = cells.has('districtContactId') ? text(cells.get('districtContactId')) : undefined;
    if (contactText === null) given.districtContactId = null;
    else if (contactText !== undefined && given.regionCode !== undefined) {
      const found = dictionaries.contacts(given.regionCode, contactText);
      if (found.length === 0) errors.add(row, H.districtContactId, `${H.districtContactId}「${excerpt(contactText)}」不是${dictionaries.regionName(given.regionCode)}的旗县招商人员：请填写其用户名或姓名`);
      else if (found.length > 1) errors.add(row, H.districtContactId, `${dictionaries.regionName(given.regionCode)}有 ${found.length} 位名为「${excerpt(contactText)}」的人员，请填写用户名`);
      else given.districtContactId = found[0].id;
    }
    const industryText = text(cells.get('industryCode'));
    if (industryText !== null) {
      const industry = dictionaries.industry(industryText);
      if (!industry) errors.add(row, H.industryCode, `产业类别「${excerpt(industryText)}」不存在：请填写产业类别的名称或代码`);
      else given.industryCode = industry.code;
    }
    take('investorOrigin', choice(cells.get('investorOrigin'), L.investorOrigin, INVESTOR_ORIGIN_LABELS));
    take('stage', choice(cells.get('stage'), L.stage, STAGE_LABELS));
    take('contractAmountWan', money(cells.get('contractAmountWan'), L.contractAmountWan));
    take('plannedInvestmentWan', money(cells.get('plannedInvestmentWan'), L.plannedInvestmentWan));
    for (const key of ['signedAt', 'registeredAt', 'constructionStartedAt', 'productionStartedAt', 'terminatedAt'] as const) take(key, date(cells.get(key), L[key]));
    for (const key of ['plannedStartMonth', 'statsRegisteredMonth'] as const) take(key, month(cells.get(key), L[key]));
    for (const key of ['isKeyProject', 'statsRegistered'] as const) {
      const value = yesNo(cells.get(key), L[key]);
      take(key, value === null ? false : value);
    }
    for (const key of ['name', 'regionCode', 'industryCode', 'investorName', 'investorOrigin', 'contractAmountWan', 'stage'] as const) {
      if (!errors.hasColumn(row, H[key]) && (given[key] === null || given[key] === undefined)) errors.add(row, H[key], `${H[key]}不能为空`);
    }
    const correctionReason = limitedText(cells.get('correctionReason'), H.correctionReason, 500);
    if (isProblem(correctionReason)) errors.add(row, H.correctionReason, correctionReason.message);
    this.rows.push({ row, projectNo, given, correctionReason: isProblem(correctionReason) ? null : reasonOf(correctionReason) });
  }

  async check(): Promise<void> {
    const { errors, actor, today } = this.ctx;
    const rows = this.rows.filter((r) => !errors.hasRow(r.row));
    const byNo = await this.existingByNo(rows.map((r) => r.projectNo).filter((no): no is string => no !== null));
    const byName = await this.existingByName(rows.filter((r) => r.projectNo === null));
    const seenNo = new Map<string, number>();
    const seenName = new Map<string, number>();
    const plans: Plan[] = [];
    // the closed months held until the import's transaction ends: a close waits for the import
    const closed = rows.length > 0 ? await lockedClosedMonths(this.ctx.em) : [];
    const statsMinWan = (await readWarningSettings(this.ctx.em)).settings.STATS.minPlannedInvestmentWan;
    // the report months of the projects the file names: whether a change reaches a closed month's arrivals
    const known = [...byNo.values(), ...[...byName.values()].flat()].map((p) => p.id);
    const reportMonths = closed.length > 0 ? await reportMonthsOf(this.ctx.em, known) : new Map<string, string[]>();
    for (const r of rows) {
      const region = r.given.regionCode as string;
      const name = r.given.name as string;
      const nameKey = `${region}\u0000${name}`;
      let existing: ProjectRow | null;
      if (r.projectNo !== null) {
        const first = seenNo.get(r.projectNo);
        if (first !== undefined) errors.add(r.row, H.projectNo, `与第 ${first} 行重复：项目编号 ${r.projectNo} 只能出现一次`);
        seenNo.set(r.projectNo, r.row);
        existing = byNo.get(r.projectNo) ?? null;
      } else {
        const first = seenName.get(nameKey);
        if (first !== undefined) errors.add(r.row, H.name, `与第 ${first} 行重复：同一地区同名的项目只能出现一次`);
        seenName.set(nameKey, r.row);
        const matches = byName.get(nameKey) ?? [];
        if (matches.length > 1) errors.add(r.row, H.name, `该地区有 ${matches.length} 个同名项目（${matches.map((m) => m.projectNo).join('、')}），请填写项目编号`);
        existing = matches.length === 1 ? matches[0] : null;
      }
      if (!canEditRegion(actor, region) || (existing && !canEditRegion(actor, existing.regionCode))) {
        errors.add(r.row, H.regionCode, '无权导入其他地区的数据');
        continue;
      }
      if (existing && existing.regionCode !== region) {
        errors.add(r.row, H.regionCode, `所属地区不能修改（项目 ${existing.projectNo} 属于${existing.regionName}）`);
        continue;
      }
      const fields = withCanonicalMoney({ ...(existing ? fieldsOfRow(existing) : EMPTY), ...r.given });
      for (const problem of projectFieldProblems(fields, today, statsMinWan)) errors.add(r.row, columnOf(problem.field), problem.message);
      const industry = this.ctx.dictionaries.industry(fields.industryCode);
      if (industry && !industry.active && fields.industryCode !== existing?.industryCode) {
        errors.add(r.row, H.industryCode, `产业类别“${industry.name}”已停用，请选择其他产业类别`);
      }
      for (const [key, entry] of [
        ['leadOfficial', fields.leadOfficial === null ? null : this.ctx.dictionaries.leader(fields.leadOfficial)],
        ['leadDepartment', fields.leadDepartment === null ? null : this.ctx.dictionaries.unit(fields.leadDepartment)],
      ] as const) {
        if (entry && !entry.active && fields[key] !== existing?.[key]) errors.add(r.row, H[key], `${H[key]}“${entry.name}”已停用，请选择其他${key === 'leadOfficial' ? '领导' : '单位'}`);
      }
      const correction = this.correctionOf(r, existing, fields, closed, existing ? (reportMonths.get(existing.id) ?? []) : []);
      plans.push({ row: r, existing, fields, correction });
    }
    this.plans = plans.filter((p) => !errors.hasRow(p.row.row));
    await this.checkLookAlikes(new Set(this.plans.flatMap((p) => (p.existing ? [p.existing.projectNo] : []))));
  }

  /**
   * Set-based (issue 17): the numbers, the new projects with their checklists, the updates, the
   * snapshots and the audit each in one statement for all rows (the corrections, rare, one by one),
   * giving the rows, numbers and audit entries the project-by-project path gave, in the file's order.
   */
  async write(): Promise<ImportCounts> {
    const { em, today, actor } = this.ctx;
    const updates: Plan[] = [];
    const creates: Plan[] = [];
    for (const plan of this.plans) {
      if (!plan.existing) creates.push(plan);
      else if (sameFields(fieldsOfRow(plan.existing), plan.fields)) this.unchanged++;
      else updates.push(plan);
    }
    // the search index's new entries wait in its pending list, merged after the commit (SearchIndexMerge)
    this.fillsSearchIndex = updates.length + creates.length > 0;
    if (this.fillsSearchIndex) await deferSearchIndexMerge(em);
    // the rows to change are locked before their `before` is read
    const updateIds = updates.map((p) => (p.existing as ProjectRow).id);
    await lockProjects(em, updateIds);
    await keepProjectSnapshots(em, updateIds);
    await updateProjects(em, updates.map((p) => ({ id: (p.existing as ProjectRow).id, fields: p.fields })));
    // numbers given in the file are not generated for another row
    const reserved = new Set(creates.flatMap((p) => (p.row.projectNo === null ? [] : [p.row.projectNo])));
    const unnumbered = creates.filter((p) => p.row.projectNo === null);
    const generated = await allocateProjectNos(em, unnumbered.map((p) => ({ regionCode: p.fields.regionCode, year: Number((p.fields.signedAt ?? today).slice(0, 4)) })), reserved);
    const numberOf = new Map(unnumbered.map((p, i) => [p, generated[i]]));
    const created = creates.map((p) => ({ plan: p, projectNo: p.row.projectNo ?? (numberOf.get(p) as string) }));
    const createdIds = await insertProjects(em, created.map((c) => ({ fields: c.plan.fields, projectNo: c.projectNo })));
    const idOf = new Map<Plan, { id: string; projectNo: string }>([
      ...updates.map((p) => [p, { id: (p.existing as ProjectRow).id, projectNo: (p.existing as ProjectRow).projectNo }] as const),
      ...created.map((c, i) => [c.plan, { id: createdIds[i], projectNo: c.projectNo }] as const),
    ]);
    const entries: ProjectAuditEntry[] = [];
    for (const plan of this.plans) {
      const written = idOf.get(plan);
      if (!written) continue;
      const { correction } = plan;
      if (correction) {
        await recordCorrection(em, actor, {
          projectId: written.id,
          projectNo: written.projectNo,
          source: 'IMPORT',
          touched: correction.touched,
          ...(plan.existing ? { extraFields: correction.backward ? ['stage'] : [] } : {}),
          before: plan.existing ? fieldsOfRow(plan.existing) : null,
          after: plan.fields,
          reason: correction.reason,
        });
      }
      entries.push({ id: written.id, action: plan.existing ? 'UPDATE' : 'CREATE', note: correction ? { correctionReason: correction.reason } : null });
    }
    await auditProjects(em, actor, entries);
    return { created: creates.length, updated: updates.length, unchanged: this.unchanged };
  }

  /**
   * DOMAIN.md §5 for each new project: the same investor uscc as another project (stored, or new in
   * this file), or the same name in the same region as a stored project this file does not update.
   * Without confirmation a row error; confirmed, a warning in the result.
   */
  private async checkLookAlikes(updatedNos: Set<string>): Promise<void> {
    const { em, errors, warnings, confirmLookAlikes, sheet } = this.ctx;
    const report = (row: number, column: string, message: string) => {
      if (confirmLookAlikes) warnings.push({ sheet: sheet(), row, column, message });
      else errors.add(row, column, `${message}；如确认不是同一项目，请勾选“确认导入疑似重复项目”后重新导入`);
    };
    const usccInFile = new Map<string, Plan>();
    const nameInFile = new Map<string, Plan>();
    const creates = this.plans.filter((p) => !p.existing);
    // the stored look-alikes of every new row in one statement (findLookAlikes row by row scanned the region each time)
    const found = await findLookAlikesBulk(em, creates.map((p) => ({ name: p.fields.name, regionCode: p.fields.regionCode, investorUscc: p.fields.investorUscc })));
    for (const [i, plan] of creates.entries()) {
      const { name, regionCode, investorUscc } = plan.fields;
      for (const c of found[i]) {
        if (c.sameUscc) report(plan.row.row, H.investorUscc, `疑似重复项目：与「${c.name}」的${L.investorUscc}相同（编号 ${c.projectNo}）`);
        else if (!updatedNos.has(c.projectNo)) report(plan.row.row, H.name, `疑似重复项目：与同一地区的「${c.name}」同名（编号 ${c.projectNo}）`);
      }
      if (investorUscc) {
        const other = usccInFile.get(investorUscc);
        if (other) report(plan.row.row, H.investorUscc, `疑似重复项目：与本文件第 ${other.row.row} 行「${other.fields.name}」的${L.investorUscc}相同（编号 ${other.row.projectNo ?? '新项目'}）`);
        else usccInFile.set(investorUscc, plan);
      }
      const nameKey = `${regionCode}\u0000${normaliseName(name)}`;
      const sameName = nameInFile.get(nameKey);
      if (sameName) report(plan.row.row, H.name, `疑似重复项目：与本文件第 ${sameName.row.row} 行同一地区同名（编号 ${sameName.row.projectNo ?? '新项目'}）`);
      else nameInFile.set(nameKey, plan);
    }
  }

  /**
   * DOMAIN.md §5: a row that alters a closed month, or moves the stage back, is a correction — only
   * for someone who may correct, and with 更正原因. Errors at the columns responsible; null when the
   * row is no correction.
   */
  private correctionOf(r: ParsedRow, existing: ProjectRow | null, fields: ProjectFields, closed: string[], reportMonths: string[]): Plan['correction'] {
    const { errors, actor } = this.ctx;
    // a new row signed in a closed month (a late registration) alters its figures too
    const backward = existing !== null && stageMoveKind(existing.stage, fields.stage) === 'CORRECTION';
    const touched = closedMonthsTouched(existing ? fieldsOfRow(existing) : null, fields, closed, reportMonths);
    if (!backward && touched.length === 0) return null;
    if (!can(actor.role, 'projects:correct')) {
      if (existing && backward) errors.add(r.row, H.stage, `从“${STAGE_LABELS[existing.stage]}”退回“${STAGE_LABELS[fields.stage]}”属于更正，仅市级人员和管理员可操作`);
      if (!existing) {
        errors.add(r.row, H.signedAt, lateRegistrationMessage(touched, false));
        return null;
      }
      for (const field of touchedSummary(touched).fields) {
        const byField = touched.filter((t) => t.fields.includes(field)).map((t) => ({ month: t.month, fields: [field] }));
        errors.add(r.row, columnOf(field), periodClosedMessage(byField));
      }
      return null;
    }
    if (r.correctionReason === null) {
      errors.add(r.row, H.correctionReason, !existing ? lateRegistrationMessage(touched, true) : touched.length > 0 ? correctionReasonMissingMessage(touched) : `从“${STAGE_LABELS[existing.stage]}”退回“${STAGE_LABELS[fields.stage]}”属于更正，必须填写更正原因`);
      return null;
    }
    return { touched, backward, reason: r.correctionReason };
  }

  private async existingByNo(numbers: string[]): Promise<Map<string, ProjectRow>> {
    if (numbers.length === 0) return new Map();
    const rows = await runSql<ProjectRow>(this.ctx.em, sql`SELECT ${SELECT_PROJECT} ${FROM_PROJECTS} WHERE p.project_no = ANY(${numbers}::varchar[])`);
    return new Map(rows.map((r) => [r.projectNo, r]));
  }

  private async existingByName(rows: ParsedRow[]): Promise<Map<string, ProjectRow[]>> {
    const byName = new Map<string, ProjectRow[]>();
    if (rows.length === 0) return byName;
    const found = await runSql<ProjectRow>(
      this.ctx.em,
      sql`SELECT ${SELECT_PROJECT} ${FROM_PROJECTS}
       WHERE (p.region_code, p.name) IN (SELECT * FROM unnest(${rows.map((r) => r.given.regionCode ?? null)}::varchar[], ${rows.map((r) => r.given.name ?? null)}::varchar[])) ORDER BY p.project_no`,
    );
    for (const project of found) {
      const key = `${project.regionCode}\u0000${project.name}`;
      byName.set(key, [...(byName.get(key) ?? []), project]);
    }
    return byName;
  }
}

function fieldsOfRow(row: ProjectRow): ProjectFields {
  return withCanonicalMoney(Object.fromEntries(FIELD_KEYS.map((k) => [k, row[k]])) as unknown as ProjectFields);
}

function withCanonicalMoney(fields: ProjectFields): ProjectFields {
  return { ...fields, contractAmountWan: canonicalWan(fields.contractAmountWan), plannedInvestmentWan: canonicalWan(fields.plannedInvestmentWan) };
}

/** Blank text and null are the same; amounts compare as PostgreSQL gives them back. */
function sameFields(a: ProjectFields, b: ProjectFields): boolean {
  const norm = (v: unknown) => (v === '' || v === undefined ? null : v);
  return FIELD_KEYS.every((k) => norm(a[k]) === norm(b[k]));
}
