import { type ImportResult, type ImportRowError, shanghaiToday } from '@zhaoshang/shared/domain';
import { counts, csv, FAI_HEADER, PROJECT_HEADER, projectImportRow, readXlsx, upload, xlsx, type Cell } from './fixtures/imports/files.js';
import { createProject, uscc } from './support/projects.js';
import { TestApp } from './support/test-app.js';

type Failed = { statusCode: number; error: string; message: string; errors: ImportRowError[] };
type Reply = ImportResult & Failed;
const e = (row: number, column: string, message: string) => ({ sheet: 'Sheet1', row, column, message });

/** kind=fai and kind=projects, the templates and the error report. */
describe('imports: FAI totals, projects, templates, error report', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let district: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
  });
  afterAll(() => t?.stop());

  const send = async (kind: 'fai' | 'projects', header: string[], rows: Cell[][], token = admin, extra: { confirmLookAlikes?: boolean; dryRun?: boolean } = {}) =>
    upload<Reply>(t, token, await xlsx([header, ...rows]), `${kind}.xlsx`, { kind, ...extra });

  describe('kind=fai', () => {
    it('upserts by region code, full name or short name; then changes nothing; then updates only what changed', async () => {
      const rows: Cell[][] = [
        ['通辽市', '2025-05', 356000],
        ['奈曼', '2025/5', '41250.3'],
        ['150502', '2025年5月', 0],
      ];
      const first = await send('fai', FAI_HEADER, rows, city);
      expect(first.body).toEqual({ created: 3, updated: 0, unchanged: 0, dryRun: false, warnings: [] });
      expect(await t.query('SELECT region_code, month, amount_wan, version FROM fai_totals ORDER BY region_code')).toEqual([
        { region_code: '150500', month: '2025-05', amount_wan: '356000.00', version: 1 },
        { region_code: '150502', month: '2025-05', amount_wan: '0.00', version: 1 },
        { region_code: '150525', month: '2025-05', amount_wan: '41250.30', version: 1 },
      ]);
      const audit = await counts(t);
      expect((await send('fai', FAI_HEADER, rows, city)).body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      expect((await counts(t)).audit).toBe(audit.audit);
      rows[1][2] = 41250.31;
      expect((await send('fai', FAI_HEADER, rows, admin)).body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
      const [update] = await t.query<{ entity_id: string; before: unknown; after: unknown }>(`SELECT entity_id, before, after FROM audit_log WHERE entity = 'faiTotal' AND action = 'UPDATE'`);
      expect(update).toEqual({
        entity_id: '150525:2025-05',
        before: { regionCode: '150525', month: '2025-05', amountWan: '41250.30', version: 1 },
        after: { regionCode: '150525', month: '2025-05', amountWan: '41250.31', version: 2 },
      });
    });

    it('lists every bad row and writes nothing', async () => {
      const before = await counts(t);
      const response = await send('fai', FAI_HEADER, [
        ['北京市', '2025-05', 1],
        [null, '2025-05', 1],
        ['奈曼旗', '2099-01', 1],
        ['奈曼旗', '2025-13', 1],
        ['奈曼旗', null, 1],
        ['奈曼旗', '2025-06', null],
        ['奈曼旗', '2025-07', -3],
        ['奈曼旗', '2025-08', 1.005],
        ['开鲁', '2025-09', 1],
        ['150523', '2025-09', 2],
      ]);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        e(2, '地区', '地区「北京市」不存在：请填写地区名称、简称或代码'),
        e(3, '地区', '地区不能为空'),
        e(4, '月份', '2099年1月是未来月份，不能导入'),
        e(5, '月份', '月份应为 YYYY-MM 格式，例如 2025-06'),
        e(6, '月份', '月份不能为空'),
        e(7, '全社会固定资产投资(万元)', '全社会固定资产投资(万元)不能为空'),
        e(8, '全社会固定资产投资(万元)', '全社会固定资产投资(万元)不能为负数'),
        e(9, '全社会固定资产投资(万元)', '全社会固定资产投资(万元)最多保留 2 位小数'),
        e(11, '地区', '与第 10 行重复：同一地区同一月份只能有一行'),
      ]);
      expect(await counts(t)).toEqual(before);
    });

    it('is for city staff and admins only: district staff get 403', async () => {
      const before = await counts(t);
      const response = await send('fai', FAI_HEADER, [['奈曼旗', '2025-04', 1]], district);
      expect(response.status).toBe(403);
      expect(await counts(t)).toEqual(before);
    });
  });

  describe('kind=projects', () => {
    const row = projectImportRow;

    it('creates projects with generated numbers and approvals, finds them again by region and name, updates what changed', async () => {
      const rows = [
        row({ 项目名称: '导入项目甲', 投资方统一社会信用代码: uscc(9001), 产业类别: 'NE', 所属地区: '150525', 签约日期: new Date(Date.UTC(2025, 2, 1)) }),
        row({ 项目名称: '导入项目乙', 产业类别: '玉米生物及农畜产品精深加工（含肉牛）', 所属地区: '奈曼', 项目阶段: '开工在建', 开工日期: '2025/4/2', 签约日期: '2025年3月5日', 重点项目: '是' }),
        row({ 项目编号: 'TL-LEGACY-001', 项目名称: '历史项目', 产业类别: '玉米生物及农畜产品精深加工', 项目阶段: '在谈', 签约日期: null }),
      ];
      const first = await send('projects', PROJECT_HEADER, rows);
      expect(first.body).toEqual({ created: 3, updated: 0, unchanged: 0, dryRun: false, warnings: [] });
      const projects = await t.query<{ project_no: string; name: string; industry_code: string; stage: string; construction_started_at: string; is_key_project: boolean; approvals: number }>(
        `SELECT p.project_no, p.name, p.industry_code, p.stage, p.construction_started_at, p.is_key_project, (SELECT count(*)::int FROM project_approvals a WHERE a.project_id = p.id) AS approvals
         FROM projects p WHERE p.name IN ('导入项目甲', '导入项目乙', '历史项目') ORDER BY p.name`,
      );
      expect(projects).toEqual([
        { project_no: '150525-2025-0001', name: '导入项目甲', industry_code: 'NE', stage: 'SIGNED', construction_started_at: null, is_key_project: false, approvals: 6 },
        { project_no: '150525-2025-0002', name: '导入项目乙', industry_code: 'AG', stage: 'UNDER_CONSTRUCTION', construction_started_at: '2025-04-02', is_key_project: true, approvals: 6 },
        { project_no: 'TL-LEGACY-001', name: '历史项目', industry_code: 'AG', stage: 'NEGOTIATING', construction_started_at: null, is_key_project: false, approvals: 6 },
      ].sort((a, b) => a.name.localeCompare(b.name)));
      const audits = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'project' AND action = 'CREATE'`);
      expect(audits[0].n).toBe(3);

      const before = await counts(t);
      expect((await send('projects', PROJECT_HEADER, rows)).body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      expect(await counts(t)).toEqual(before);

      rows[1][PROJECT_HEADER.indexOf('签约额(万元)')] = '12000.5';
      const changed = await send('projects', PROJECT_HEADER, rows);
      expect(changed.body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
      const [audit] = await t.query<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
        `SELECT before, after FROM audit_log WHERE entity = 'project' AND action = 'UPDATE' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit.before).toMatchObject({ projectNo: '150525-2025-0002', contractAmountWan: '12000.00' });
      expect(audit.after).toMatchObject({ projectNo: '150525-2025-0002', contractAmountWan: '12000.50' });
      expect((await t.query('SELECT version FROM projects WHERE project_no = $1', ['150525-2025-0002']))[0]).toEqual({ version: 2 });
    });

    it('checks every column and every project rule, listing all problems and writing nothing', async () => {
      const before = await counts(t);
      const response = await send('projects', PROJECT_HEADER, [
        row({ 所属地区: '北京', 项目名称: 'a1' }),
        row({ 所属地区: '通辽市', 项目名称: 'a2' }),
        row({ 产业类别: '航天', 项目名称: 'a3' }),
        row({ 投资方来源: '国外', 项目名称: 'a4' }),
        row({ '签约额(万元)': 'abc', 项目名称: 'a5' }),
        row({ 签约日期: '2025-02-30', 项目名称: 'a6' }),
        row({ 项目阶段: '建设中', 项目名称: 'a7' }),
        row({ 投资方统一社会信用代码: '91150525MA0000001X', 项目名称: 'a8' }),
        row({ 投资项目代码: '2024-150525', 项目名称: 'a9' }),
        row({ 项目阶段: '开工在建', 项目名称: 'a10' }),
        row({ 重点项目: '对', 项目名称: 'a11' }),
        row({ 项目名称: null }),
        row({ 统计入库: '是', 项目名称: 'a13' }),
        row({ 计划开工月份: '六月', 项目名称: 'a14' }),
        row({ 签约日期: '2099-01-01', 项目名称: 'a15' }),
        row({ 项目名称: 'a16', 项目阶段: '已终止', 终止日期: '2025-04-01' }),
      ]);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        e(2, '所属地区', '所属地区「北京」不存在：请填写旗县市区的名称、简称或代码'),
        e(3, '所属地区', '所属地区应为旗县市区，不能是通辽市'),
        e(4, '产业类别', '产业类别「航天」不存在：请填写产业类别的名称或代码'),
        e(5, '投资方来源', '投资方来源应为以下之一：境外、区外、区内市外、市内县际、本地'),
        e(6, '签约额(万元)', '签约额(万元)应为数字（单位：万元，最多 2 位小数）'),
        e(7, '签约日期', '签约日期“2025-02-30”不是有效日期'),
        e(8, '项目阶段', '项目阶段应为以下之一：在谈、已签约、已注册落地、开工在建、竣工投产、已终止'),
        e(9, '投资方统一社会信用代码', expect.stringMatching(/^投资方统一社会信用代码校验位不正确/) as unknown as string),
        e(10, '投资项目代码', expect.stringMatching(/^投资项目代码格式应为/) as unknown as string),
        e(11, '开工日期', '项目处于“开工在建”阶段，必须填写开工日期'),
        e(12, '重点项目', '重点项目应填“是”或“否”'),
        e(13, '项目名称', '项目名称不能为空'),
        e(14, '入库月份', '统计入库的项目必须填写入库月份'),
        e(14, '计划总投资(万元)', '统计入库的项目必须填写计划总投资(万元)'),
        e(15, '计划开工月份', '计划开工月份应为 YYYY-MM 格式，例如 2025-06'),
        e(16, '签约日期', `签约日期不能晚于今天（${shanghaiToday()}）`),
        e(17, '终止原因', '终止项目必须填写终止原因'),
      ]);
      expect(await counts(t)).toEqual(before);
    });

    it('refuses look-alikes unless confirmed, then reports them as warnings', async () => {
      const existing = await createProject(t, admin, { name: '已有光伏项目', investorUscc: uscc(9100) });
      const rows = [
        row({ 项目名称: '新光伏项目', 投资方统一社会信用代码: uscc(9100) }),
        row({ 项目名称: '已有 光伏项目', 投资方统一社会信用代码: null, 项目编号: 'TL-LEGACY-002' }),
        row({ 项目名称: '第三个项目', 投资方统一社会信用代码: uscc(9200) }),
        row({ 项目名称: '第四个项目', 投资方统一社会信用代码: uscc(9200) }),
      ];
      const before = await counts(t);
      const refused = await send('projects', PROJECT_HEADER, rows);
      expect(refused.status).toBe(422);
      const hint = '；如确认不是同一项目，请勾选“确认导入疑似重复项目”后重新导入';
      expect(refused.body.errors).toEqual([
        e(2, '投资方统一社会信用代码', `疑似重复项目：与「已有光伏项目」的投资方统一社会信用代码相同（编号 ${existing.projectNo}）${hint}`),
        e(3, '项目名称', `疑似重复项目：与同一地区的「已有光伏项目」同名（编号 ${existing.projectNo}）${hint}`),
        e(5, '投资方统一社会信用代码', `疑似重复项目：与本文件第 4 行「第三个项目」的投资方统一社会信用代码相同（编号 新项目）${hint}`),
      ]);
      expect(await counts(t)).toEqual(before);
      const confirmed = await send('projects', PROJECT_HEADER, rows, admin, { confirmLookAlikes: true });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.created).toBe(4);
      expect(confirmed.body.warnings.map((w) => w.row)).toEqual([2, 3, 5]);
    });

    it('keeps district staff to their own region, and corrections to city staff', async () => {
      const response = await send('projects', PROJECT_HEADER, [row({ 项目名称: '区内项目' }), row({ 项目名称: '他区项目', 所属地区: '开鲁县' })], district);
      expect(response.body.errors).toEqual([e(3, '所属地区', '无权导入其他地区的数据')]);
      const own = await createProject(t, admin, { name: '在建项目', stage: 'UNDER_CONSTRUCTION', signedAt: '2025-01-01', constructionStartedAt: '2025-02-01' });
      const back = await send('projects', PROJECT_HEADER, [row({ 项目编号: own.projectNo, 项目名称: '在建项目', 签约日期: '2025-01-01' })], district);
      expect(back.body.errors).toEqual([e(2, '项目阶段', '从“开工在建”退回“已签约”属于更正，仅市级人员和管理员可操作')]);
    });
  });

  describe('templates and the error report', () => {
    it('gives each kind’s template with its exact headers, examples, drop-down lists and a Chinese file name', async () => {
      for (const [kind, header, name] of [['projects', PROJECT_HEADER, '项目清单'], ['monthly', ['项目编号', '月份', '自有资金到位(万元)', '银行贷款到位(万元)', '其他资金到位(万元)', '完成投资(万元)', '形象进度', '核实状态'], '月报'], ['fai', FAI_HEADER, '全社会固定资产投资']] as const) {
        const response = await fetch(`${t.baseUrl}/api/v1/imports/templates/${kind}`, { headers: { authorization: `Bearer ${district}` } });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`${name}导入模板.xlsx`)}`);
        const { rows, workbook } = await readXlsx(Buffer.from(await response.arrayBuffer()));
        expect(rows[0]).toEqual(header);
        expect(rows.length).toBe(3);
        const sheet = workbook.worksheets[0];
        expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
        expect(sheet.getColumn(1).width).toBeGreaterThan(8);
      }
      const response = await fetch(`${t.baseUrl}/api/v1/imports/templates/projects`, { headers: { authorization: `Bearer ${admin}` } });
      const { workbook } = await readXlsx(Buffer.from(await response.arrayBuffer()));
      const options = workbook.getWorksheet('选项');
      expect(options?.getColumn(1).values).toEqual([undefined, 'districts', '科尔沁区', '科尔沁左翼中旗', '科尔沁左翼后旗', '开鲁县', '库伦旗', '奈曼旗', '扎鲁特旗', '霍林郭勒市', '通辽经济技术开发区']);
      const validation = workbook.worksheets[0].getCell('C2').dataValidation;
      expect(validation).toMatchObject({ type: 'list', formulae: ["'选项'!$A$2:$A$10"] });
      // the template's own example rows import as they are
      expect((await t.request('GET', '/api/v1/imports/templates/reports', { token: admin })).status).toBe(400);
      const fai = await fetch(`${t.baseUrl}/api/v1/imports/templates/fai`, { headers: { authorization: `Bearer ${admin}` } });
      const imported = await upload<Reply>(t, admin, Buffer.from(await fai.arrayBuffer()), '模板.xlsx', { kind: 'fai' });
      expect(imported.status).toBe(200);
    });

    it('returns the uploaded sheet with 错误说明 beside each bad row', async () => {
      const file = csv([FAI_HEADER, ['奈曼旗', '2025-01', 10], ['火星', '2025-01', 'x'], [], ['开鲁', '2099-01', 1]]);
      const response = await upload(t, admin, file, '固投.csv', { kind: 'fai' }, '/api/v1/imports/error-report');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('固投-错误说明.xlsx'));
      const { rows, workbook } = await readXlsx(response.raw);
      expect(rows[0]).toEqual([...FAI_HEADER, '错误说明']);
      expect(rows[1]).toEqual(['奈曼旗', '2025-01', '10']);
      expect(rows[2]).toEqual(['火星', '2025-01', 'x', '【地区】地区「火星」不存在：请填写地区名称、简称或代码；【全社会固定资产投资(万元)】全社会固定资产投资(万元)应为数字（单位：万元，最多 2 位小数）']);
      expect(rows[4]).toEqual(['开鲁', '2099-01', '1', '【月份】2099年1月是未来月份，不能导入']);
      const fill = workbook.worksheets[0].getRow(3).getCell(1).fill as { fgColor?: { argb?: string } };
      expect(fill.fgColor?.argb).toBe('FFFFE0E0');
      expect(await t.query('SELECT * FROM fai_totals WHERE month = $1', ['2025-01'])).toEqual([]);
      const broken = await upload<Failed>(t, admin, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1]), 'x.xls', { kind: 'fai' }, '/api/v1/imports/error-report');
      expect(broken.status).toBe(422);
    });
  });
});
