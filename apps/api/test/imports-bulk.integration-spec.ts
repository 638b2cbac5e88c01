import { getDataSourceToken } from '@nestjs/typeorm';
import { APPROVAL_KINDS, formatProjectNo, type ImportResult, type ImportRowError, type ProjectSearchResponse } from '@zhaoshang/shared/domain';
import type { DataSource } from 'typeorm';
import { PROJECT_SEARCH_INDEX, SearchIndexMerge } from '../src/modules/imports/search-index-merge.js';
import { findLookAlikes, loadProjectDetail, projectSnapshot } from '../src/modules/projects/projects.service.js';
import { type Cell, counts, MONTHLY_HEADER, PROJECT_HEADER, projectImportRow, upload, xlsx } from './fixtures/imports/files.js';
import { createProject, uscc } from './support/projects.js';
import { TestApp } from './support/test-app.js';

type Reply = ImportResult & { statusCode: number; error: string; errors: ImportRowError[] };
const e = (row: number, column: string, message: string) => ({ sheet: 'Sheet1', row, column, message });

const PROJECTS = 2000;
const REGIONS = ['150525', '150502', '150523'];
/** report months per project: 2,000 projects × 6 = 12,000 rows, three batches of the monthly import */
const MONTHS = ['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03'];

/**
 * Issue 17: the projects import writes set-based and the monthly import stages its batches while the
 * next one is parsed. A large file must give exactly what the project-by-project path gave — the
 * numbers nextProjectNo would have given one after the other, the rows, the checklists, and audit
 * entries equal to projectSnapshot(loadProjectDetail(…)) in the file's order, the look-alikes
 * findLookAlikes finds row by row — and a bad last row must leave everything as it was.
 */
describe('imports at scale: set-based writes give what row-by-row gave', () => {
  let t: TestApp;
  let admin: string;
  let ds: DataSource;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    ds = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t?.stop());

  const send = async (kind: 'projects' | 'monthly', header: string[], rows: Cell[][], extra: { confirmLookAlikes?: boolean } = {}) =>
    upload<Reply>(t, admin, await xlsx([header, ...rows]), `${kind}.xlsx`, { kind, ...extra });

  /** Row i of the big projects file: every other row with a legacy number of its own, a code for every fifth investor. */
  const projectRow = (i: number, overrides: Record<string, Cell> = {}) =>
    projectImportRow({
      项目编号: i % 2 === 0 ? `LEGACY-${String(i).padStart(5, '0')}` : null,
      项目名称: `批量导入项目 ${i}`,
      所属地区: REGIONS[i % REGIONS.length],
      投资方名称: `批量投资方 ${i}`,
      投资方统一社会信用代码: i % 5 === 0 ? uscc(500000 + i) : null,
      '签约额(万元)': 1000 + i + 0.5,
      签约日期: `2024-0${1 + (i % 9)}-15`,
      ...overrides,
    });

  let ids: string[] = [];
  let numbers: string[] = [];

  it('creates 2,000 projects with the numbers, rows, checklists and audit entries of the row-by-row path', async () => {
    // a stored project takes 150525-2024-0001; the file gives 150525-2024-0003 itself: generated numbers skip it
    await createProject(t, admin, { regionCode: '150525', signedAt: '2024-02-01' });
    const rows = Array.from({ length: PROJECTS }, (_, i) => projectRow(i));
    rows[2] = projectRow(2, { 项目编号: formatProjectNo('150525', 2024, 3) });
    const auditBefore = (await t.query<{ max: string | null }>(`SELECT max(id)::text AS max FROM audit_log`))[0].max ?? '0';
    const sequencesBefore = new Map(
      (await t.query<{ key: string; last_seq: number }>(`SELECT region_code || '-' || year AS key, last_seq FROM project_sequences`)).map((r) => [r.key, r.last_seq]),
    );

    const response = await send('projects', PROJECT_HEADER, rows);
    expect(response.body).toEqual({ created: PROJECTS, updated: 0, unchanged: 0, dryRun: false, warnings: [] });

    // nextProjectNo one row after the other: the sequence moves on, taken numbers are skipped
    const reserved = new Set(rows.map((r) => r[0]).filter((n): n is string => typeof n === 'string'));
    const last = new Map(sequencesBefore);
    numbers = rows.map((r, i) => {
      if (typeof r[0] === 'string') return r[0];
      const key = `${REGIONS[i % REGIONS.length]}-2024`;
      for (;;) {
        const seq = (last.get(key) ?? 0) + 1;
        last.set(key, seq);
        const candidate = formatProjectNo(REGIONS[i % REGIONS.length], 2024, seq);
        if (!reserved.has(candidate)) return candidate;
      }
    });
    expect(numbers).toContain(formatProjectNo('150525', 2024, 2));
    expect(numbers.filter((n) => n === formatProjectNo('150525', 2024, 3))).toHaveLength(1);
    const stored = await t.query<{ project_no: string; id: string; name: string; region_code: string; contract_amount_wan: string; signed_at: string; version: number; approvals: number }>(
      `SELECT p.project_no, p.id, p.name, p.region_code, p.contract_amount_wan, p.signed_at::text, p.version,
         (SELECT count(*)::int FROM project_approvals a WHERE a.project_id = p.id AND a.status = 'NOT_STARTED' AND a.done_at IS NULL) AS approvals
       FROM projects p WHERE p.name LIKE '批量导入项目 %'`,
    );
    const byName = new Map(stored.map((p) => [p.name, p]));
    ids = rows.map((_, i) => {
      const p = byName.get(`批量导入项目 ${i}`);
      expect(p).toMatchObject({
        project_no: numbers[i],
        region_code: REGIONS[i % REGIONS.length],
        contract_amount_wan: (1000 + i + 0.5).toFixed(2),
        signed_at: `2024-0${1 + (i % 9)}-15`,
        version: 1,
        approvals: APPROVAL_KINDS.length,
      });
      return (p as { id: string }).id;
    });
    const sequences = await t.query<{ key: string; last_seq: number }>(`SELECT region_code || '-' || year AS key, last_seq FROM project_sequences`);
    expect(new Map(sequences.map((s) => [s.key, s.last_seq]))).toEqual(last);

    // one CREATE per row in the file's order, its snapshot what the one-project path writes
    const audit = await t.query<{ entity_id: string; action: string; before: unknown; after: unknown }>(
      `SELECT entity_id, action, before, after FROM audit_log WHERE entity = 'project' AND id > $1 ORDER BY id`,
      [auditBefore],
    );
    expect(audit.map((a) => a.entity_id)).toEqual(ids);
    // no `before` is SQL NULL, as writeAudit writes it (not a JSON null)
    expect(await t.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'project' AND id > $1 AND before IS NULL`, [auditBefore])).toEqual([{ n: PROJECTS }]);
    for (const [i, a] of audit.entries()) {
      expect(a).toEqual({ entity_id: ids[i], action: 'CREATE', before: null, after: projectSnapshot(await loadProjectDetail(ds, ids[i])) });
    }
  });

  it('finds the new projects by text at once, and merges the pending list of the search index after the commit', async () => {
    const search = async (q: string) => (await t.request<ProjectSearchResponse>('GET', `/api/v1/projects/search?q=${encodeURIComponent(q)}`, { token: admin })).body;
    // the list reads the pending entries with the index's tree, merged or not yet
    expect(await search('批量导入项目 1999')).toMatchObject({ total: { count: 1 }, items: [{ projectNo: numbers[1999] }] });
    await t.app.get(SearchIndexMerge).idle();
    await t.query(`CREATE EXTENSION IF NOT EXISTS pgstattuple`);
    // the 2,000 projects' entries (~3 MB, under even the default 4 MB limit) stay pending until the merge
    expect(await t.query(`SELECT pending_tuples::int AS pending FROM pgstatginindex('${PROJECT_SEARCH_INDEX}')`)).toEqual([{ pending: 0 }]);
    expect(await search('批量投资方 1234')).toMatchObject({ total: { count: 1 }, items: [{ projectNo: numbers[1234] }] });
  });

  it('updates only the changed rows, with before and after snapshots, in the file order', async () => {
    const changed = (i: number) => i % 10 === 3;
    const before = new Map<string, Record<string, unknown>>();
    for (const [i, id] of ids.entries()) if (changed(i)) before.set(id, projectSnapshot(await loadProjectDetail(ds, id)));
    // every other row finds its project by its number, the others by region and name
    const rows = Array.from({ length: PROJECTS }, (_, i) => projectRow(i, { 项目编号: i % 2 === 0 ? numbers[i] : null, ...(changed(i) ? { '签约额(万元)': 7777.77, 重点项目: '是' } : {}) }));
    const auditBefore = (await t.query<{ max: string }>(`SELECT max(id)::text AS max FROM audit_log`))[0].max;

    const response = await send('projects', PROJECT_HEADER, rows);
    expect(response.body).toMatchObject({ created: 0, updated: PROJECTS / 10, unchanged: PROJECTS - PROJECTS / 10 });

    const audit = await t.query<{ entity_id: string; action: string; before: unknown; after: unknown }>(
      `SELECT entity_id, action, before, after FROM audit_log WHERE id > $1 ORDER BY id`,
      [auditBefore],
    );
    const updatedIds = ids.filter((_, i) => changed(i));
    expect(audit.map((a) => a.entity_id)).toEqual(updatedIds);
    for (const a of audit) {
      const after = projectSnapshot(await loadProjectDetail(ds, a.entity_id));
      expect(after).toMatchObject({ contractAmountWan: '7777.77', isKeyProject: true });
      expect(a).toEqual({ entity_id: a.entity_id, action: 'UPDATE', before: before.get(a.entity_id), after });
    }
    expect(await t.query(`SELECT DISTINCT version FROM projects WHERE id = ANY($1::uuid[])`, [updatedIds])).toEqual([{ version: 2 }]);
  });

  it('finds for every new row the look-alikes findLookAlikes finds for it alone', async () => {
    // a stored project's investor code, a stored name written differently (case, spaces), in its region or another
    const rows = Array.from({ length: 300 }, (_, i) => {
      const base = { 项目编号: null, 项目名称: `疑似检查项目 ${i}`, 所属地区: REGIONS[i % 3], 投资方名称: `疑似检查投资方 ${i}`, 投资方统一社会信用代码: null as Cell };
      if (i % 7 === 0) base.投资方统一社会信用代码 = uscc(500000 + 5 * i);
      if (i % 11 === 0) base.项目名称 = `  批量导入项目   ${i * 3} `;
      if (i % 13 === 0) base.项目名称 = `批量导入项目 ${i * 3}`.replace('项目', ' 项 目');
      return projectImportRow(base);
    });
    const expected: ReturnType<typeof e>[] = [];
    const confirm = '；如确认不是同一项目，请勾选“确认导入疑似重复项目”后重新导入';
    for (const [i, row] of rows.entries()) {
      const candidates = await findLookAlikes(ds, { name: String(row[1]).trim(), regionCode: String(row[2]), investorUscc: row[5] === null ? null : String(row[5]) });
      for (const c of candidates) {
        if (c.reasons.includes('SAME_USCC')) expected.push(e(i + 2, '投资方统一社会信用代码', `疑似重复项目：与「${c.name}」的投资方统一社会信用代码相同（编号 ${c.projectNo}）${confirm}`));
        else expected.push(e(i + 2, '项目名称', `疑似重复项目：与同一地区的「${c.name}」同名（编号 ${c.projectNo}）${confirm}`));
      }
    }
    expect(expected.length).toBeGreaterThan(40);
    const response = await send('projects', PROJECT_HEADER, rows);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(expected);
  });

  it('writes nothing when the last row of a big projects file is bad', async () => {
    const before = await counts(t);
    const sequences = await t.query(`SELECT * FROM project_sequences ORDER BY region_code, year`);
    const rows = Array.from({ length: PROJECTS }, (_, i) => projectRow(PROJECTS + i, { 项目编号: null }));
    rows.push(projectRow(2 * PROJECTS, { 项目编号: null, 产业类别: '不存在的产业' }));
    const response = await send('projects', PROJECT_HEADER, rows);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([e(PROJECTS + 2, '产业类别', '产业类别「不存在的产业」不存在：请填写产业类别的名称或代码')]);
    expect(await counts(t)).toEqual(before);
    expect(await t.query(`SELECT * FROM project_sequences ORDER BY region_code, year`)).toEqual(sequences);
  });

  // the batches go to the database as array literals made ahead (arrayLiteral): a progress text with their own
  // quotes, backslashes, commas, braces and the word NULL must come back as it was written
  const TRICKY = '引号"与反斜杠\\，逗号,{括号} NULL';
  const progressOf = (p: number, m: number) => (p % 3 === 0 ? '主体施工' : p % 3 === 1 && m === 1 ? TRICKY : p % 3 === 1 && m === 2 ? 'NULL' : null);
  const reportRows = (months: string[]) =>
    numbers.flatMap((no, p) => months.map((month, m): Cell[] => [no, month, (p % 50) + m, 0, m === 2 ? 15.5 : null, p + m / 4, progressOf(p, m), '待核实']));

  it('imports 12,000 monthly rows over several batches: every report, and one audit entry each in the file order', async () => {
    const rows = reportRows(MONTHS);
    const auditBefore = (await t.query<{ max: string }>(`SELECT max(id)::text AS max FROM audit_log`))[0].max;
    const response = await send('monthly', MONTHLY_HEADER, rows);
    expect(response.body).toEqual({ created: rows.length, updated: 0, unchanged: 0, dryRun: false, warnings: [] });
    const stored = await t.query<{ key: string; figures: string }>(
      `SELECT p.project_no || ' ' || m.month AS key,
         concat_ws('|', m.arrived_equity_wan, m.arrived_loan_wan, m.arrived_other_wan, m.completed_investment_wan, coalesce(m.progress, '-'), m.status) AS figures
       FROM monthly_reports m JOIN projects p ON p.id = m.project_id WHERE p.name LIKE '批量导入项目 %'`,
    );
    const fixed = (v: Cell) => Number(v ?? 0).toFixed(2);
    expect(new Map(stored.map((s) => [s.key, s.figures]))).toEqual(
      new Map(rows.map((r) => [`${r[0]} ${r[1]}`, [fixed(r[2]), fixed(r[3]), fixed(r[4]), fixed(r[5]), r[6] ?? '-', 'SUBMITTED'].join('|')])),
    );
    const audit = await t.query<{ action: string; key: string; completed: string }>(
      `SELECT action, (after ->> 'projectNo') || ' ' || (after ->> 'month') AS key, after ->> 'completedInvestmentWan' AS completed
       FROM audit_log WHERE id > $1 ORDER BY id`,
      [auditBefore],
    );
    expect(audit).toEqual(rows.map((r) => ({ action: 'CREATE', key: `${r[0]} ${r[1]}`, completed: fixed(r[5]) })));

    const unchanged = await counts(t);
    expect((await send('monthly', MONTHLY_HEADER, rows)).body).toMatchObject({ created: 0, updated: 0, unchanged: rows.length });
    expect(await counts(t)).toEqual(unchanged);
  });

  it('writes nothing when the last row of a big monthly file is bad', async () => {
    const before = await counts(t);
    const rows = reportRows(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']);
    rows.push(['NO-SUCH-PROJECT', '2025-04', 1, 0, 0, 1, null, '待核实']);
    const response = await send('monthly', MONTHLY_HEADER, rows);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([e(rows.length + 1, '项目编号', '项目编号 NO-SUCH-PROJECT 不存在')]);
    expect(await counts(t)).toEqual(before);
  });

  // the batches are written as they are staged while the import is clean: a problem found later takes them back
  it('writes nothing when a row repeats another of its batch or of an earlier one, and names both', async () => {
    const before = await counts(t);
    const rows = reportRows(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']);
    // a new report twice in the first batch (two inserts of one report, were it written) and a row of the first batch again in the last
    rows.splice(1, 0, [...rows[0]]);
    rows.push([...rows[7]]);
    const response = await send('monthly', MONTHLY_HEADER, rows);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      e(3, '项目编号', '与第 2 行重复：同一项目同一月份只能有一行'),
      e(rows.length + 1, '项目编号', '与第 9 行重复：同一项目同一月份只能有一行'),
    ]);
    expect(await counts(t)).toEqual(before);
  });

  it('writes nothing when a row of the last batch is for a closed month', async () => {
    const before = await counts(t);
    await t.query(`INSERT INTO month_closes (month, closed, closed_at, closed_by, version) VALUES ('2025-10', true, now(), '管理员', 1)`);
    try {
      const rows = reportRows(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']);
      rows.push([numbers[0], '2025-10', 1, 0, 0, 1, null, '待核实']);
      const response = await send('monthly', MONTHLY_HEADER, rows);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([e(rows.length + 1, '月份', '2025年10月已月结，不能导入')]);
      expect(await counts(t)).toEqual(before);
    } finally {
      await t.query(`DELETE FROM month_closes WHERE month = '2025-10'`);
    }
  });
});
