import type { ApiErrorBody, ImportProgress, ImportResult, ImportRowError, ProjectDetailDto } from '@zhaoshang/shared/domain';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { counts, csv, MONTHLY_HEADER, upload, xlsx, type Cell } from './fixtures/imports/files.js';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

type Failed = { statusCode: number; error: string; message: string; errors: ImportRowError[] };

/** kind=monthly: every rule of every column, all-or-nothing, idempotence, encodings, rights. */

describe('imports: monthly reports', () => {
  let t: TestApp;
  let admin: string;
  let city: { token: string; id: string };
  let district: string;
  let leader: string;
  let p1: ProjectDetailDto; // 奈曼旗, signed 2025-03-01
  let p2: ProjectDetailDto; // 奈曼旗, signed 2025-06-15
  let other: ProjectDetailDto; // 科尔沁区
  let ended: ProjectDetailDto; // terminated 2025-05-10

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = await t.userToken('CITY_STAFF');
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    leader = (await t.userToken('LEADER')).token;
    p1 = await createProject(t, admin, { signedAt: '2025-03-01' });
    p2 = await createProject(t, admin, { signedAt: '2025-06-15' });
    other = await createProject(t, admin, { regionCode: '150502', signedAt: '2025-01-10' });
    ended = await createProject(t, admin, { signedAt: '2025-01-01', stage: 'TERMINATED', terminatedAt: '2025-05-10', terminationReason: '投资方撤资' });
  });
  afterAll(() => t?.stop());

  const monthly = (rows: Cell[][], options: { token?: string; dryRun?: boolean; name?: string; importId?: string } = {}) =>
    xlsx([MONTHLY_HEADER, ...rows]).then((file) =>
      upload<ImportResult & Failed>(t, options.token ?? admin, file, options.name ?? '月报.xlsx', { kind: 'monthly', dryRun: options.dryRun, importId: options.importId }),
    );
  const report = async (projectId: string, month: string) =>
    (
      await t.query<Record<string, unknown>>(
        `SELECT arrived_equity_wan AS eq, arrived_loan_wan AS loan, arrived_other_wan AS other, completed_investment_wan AS completed, progress, status, version, verified_by AS "verifiedBy"
         FROM monthly_reports WHERE project_id = $1 AND month = $2`,
        [projectId, month],
      )
    )[0];

  it('creates reports from an .xlsx, then changes nothing on the same file, then updates only what changed', async () => {
    const rows: Cell[][] = [
      [p1.projectNo, '2025-04', 1234.5, '1,000', null, 800, '主体施工', null],
      [p1.projectNo, '2025/5', 0.1, 0.2, 0.3, 0, null, '待核实'],
      [p2.projectNo, '2025年6月', '12.3', null, null, 99999999.99, ' 设备安装 ', ''],
    ];
    const before = await counts(t);
    const first = await monthly(rows);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 3, updated: 0, unchanged: 0, dryRun: false, warnings: [] });
    expect(await report(p1.id, '2025-04')).toEqual({ eq: '1234.50', loan: '1000.00', other: '0.00', completed: '800.00', progress: '主体施工', status: 'SUBMITTED', version: 1, verifiedBy: null });
    expect(await report(p1.id, '2025-05')).toMatchObject({ eq: '0.10', loan: '0.20', other: '0.30', completed: '0.00' });
    expect(await report(p2.id, '2025-06')).toMatchObject({ eq: '12.30', completed: '99999999.99', progress: '设备安装' });
    const audit = await t.query<{ action: string; before: unknown; after: Record<string, unknown>; actor_name: string }>(
      `SELECT action, before, after, actor_name FROM audit_log WHERE entity = 'monthlyReport' ORDER BY id`,
    );
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({ action: 'CREATE', before: null, after: { projectNo: p1.projectNo, month: '2025-04', arrivedEquityWan: '1234.50', status: 'SUBMITTED', version: 1 } });
    expect((await counts(t)).audit).toBe(before.audit + 3);

    const again = await monthly(rows);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 3, dryRun: false, warnings: [] });
    expect((await counts(t)).audit).toBe(before.audit + 3);

    rows[1][5] = 55;
    const changed = await monthly(rows);
    expect(changed.body).toEqual({ created: 0, updated: 1, unchanged: 2, dryRun: false, warnings: [] });
    expect(await report(p1.id, '2025-05')).toMatchObject({ completed: '55.00', version: 2 });
    const [update] = await t.query<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      `SELECT before, after FROM audit_log WHERE entity = 'monthlyReport' AND action = 'UPDATE'`,
    );
    expect(update.before).toMatchObject({ completedInvestmentWan: '0.00', version: 1 });
    expect(update.after).toMatchObject({ completedInvestmentWan: '55.00', version: 2 });
  });

  it('a dry run reports the same counts and writes nothing', async () => {
    const before = await counts(t);
    const dry = await monthly([[p1.projectNo, '2025-07', 1, 2, 3, 4, null, null], [p1.projectNo, '2025-04', 1234.5, 1000, null, 800, '主体施工', null]], { dryRun: true });
    expect(dry.body).toEqual({ created: 1, updated: 0, unchanged: 1, dryRun: true, warnings: [] });
    expect(await counts(t)).toEqual(before);
    const badDry = await monthly([[p1.projectNo, '2025-13', null, null, null, null, null, null]], { dryRun: true });
    expect(badDry.status).toBe(422);
  });

  it('lists every bad cell of every row, with sheet, row and column, and writes nothing', async () => {
    const before = await counts(t);
    const response = await monthly([
      [null, '2025-04', 1, null, null, null, null, null],
      ['150525-2099-9999', '2025-04', null, null, null, null, null, null],
      [p1.projectNo, 'abc', null, null, null, null, null, null],
      [p2.projectNo, '2025-05', null, null, null, null, null, null],
      [p1.projectNo, '2027-01', null, null, null, null, null, null],
      [ended.projectNo, '2025-07', null, null, null, null, null, null],
      [p1.projectNo, '2025-08', '-5', null, null, null, null, null],
      [p1.projectNo, '2025-09', null, 1.234, null, null, null, null],
      [p1.projectNo, '2025-10', null, null, 'abc', null, null, null],
      [p1.projectNo, '2025-11', null, null, null, null, '进'.repeat(501), null],
      [p1.projectNo, '2025-12', null, null, null, null, null, '通过'],
      [p1.projectNo, '2026-01', 1, null, null, null, null, null],
      [p1.projectNo, '2026-01', 2, null, null, null, null, null],
      [p1.projectNo, null, null, null, null, null, null, null],
      [p1.projectNo, '2026-02', null, null, null, '1e3', null, null],
    ], { name: '五月月报.xlsx' });
    expect(response.status).toBe(422);
    const e = (row: number, column: string, message: string) => ({ sheet: 'Sheet1', row, column, message });
    expect(response.body.errors).toEqual([
      e(2, '项目编号', '项目编号不能为空'),
      e(3, '项目编号', '项目编号 150525-2099-9999 不存在'),
      e(4, '月份', '月份应为 YYYY-MM 格式，例如 2025-06'),
      e(5, '月份', '2025年5月：项目在该月尚未签约，不需填报'),
      e(6, '月份', '2027年1月：不能填报未来月份'),
      e(7, '月份', '2025年7月：项目在该月之前已终止，不需填报'),
      e(8, '自有资金到位(万元)', '自有资金到位(万元)不能为负数'),
      e(9, '银行贷款到位(万元)', '银行贷款到位(万元)最多保留 2 位小数'),
      e(10, '其他资金到位(万元)', '其他资金到位(万元)应为数字（单位：万元，最多 2 位小数）'),
      e(11, '形象进度', '形象进度最多 500 个字'),
      e(12, '核实状态', '核实状态应为以下之一：已核实、待核实'),
      e(14, '项目编号', '与第 13 行重复：同一项目同一月份只能有一行'),
      e(15, '月份', '月份不能为空'),
      e(16, '完成投资(万元)', '完成投资(万元)应为数字（单位：万元，最多 2 位小数）'),
    ]);
    expect(response.body).toMatchObject({ statusCode: 422, error: 'IMPORT_FAILED', message: '导入文件有 14 处错误，未写入任何数据' });
    expect(await counts(t)).toEqual(before);
  });

  it('names a missing or unknown header; forgives full-width brackets and the required mark', async () => {
    const missing = await upload<Failed>(t, admin, await xlsx([['项目编号', '自有资金到位(万元)'], [p1.projectNo, 1]]), 'a.xlsx', { kind: 'monthly' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ sheet: 'Sheet1', row: 1, column: '月份', message: '缺少必填列「月份」' }]);
    const unknown = await upload<Failed>(t, admin, await xlsx([['项目编号', '月份', '自有资金(万元)'], [p1.projectNo, '2025-04', 1]]), 'a.xlsx', { kind: 'monthly' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]).toMatchObject({ row: 1, column: '自有资金(万元)', message: expect.stringContaining('无法识别的列「自有资金(万元)」') });
    const twice = await upload<Failed>(t, admin, await xlsx([['项目编号', '月份', '月份'], [p1.projectNo, '2025-04', '2025-04']]), 'a.xlsx', { kind: 'monthly' });
    expect(twice.body.errors).toEqual([{ sheet: 'Sheet1', row: 1, column: '月份', message: '列「月份」重复' }]);
    const loose = await upload<ImportResult>(t, admin, await xlsx([['项目编号*', ' 月份* ', '自有资金到位（万元）'], [p1.projectNo, '2025-04', 1234.5]]), 'a.xlsx', { kind: 'monthly' });
    expect(loose.status).toBe(200);
  });

  it('refuses empty, header-only, binary, old .xls and damaged .xlsx files with a Chinese 422, never a 500', async () => {
    const cases: [Buffer | string, string, RegExp][] = [
      [Buffer.alloc(0), 'empty.csv', /空的/],
      [csv([MONTHLY_HEADER]), 'only-header.csv', /只有表头/],
      ['\r\n\r\n', 'blank.csv', /没有内容/],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'picture.png', /无法识别的文件格式/],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls', /\.xls/],
      [(await xlsx([MONTHLY_HEADER, [p1.projectNo, '2025-04']])).subarray(0, 300), 'broken.xlsx', /Excel/],
      [Buffer.from('not a spreadsheet at all'), 'fake.xlsx', /不是有效的 Excel/],
    ];
    for (const [file, name, message] of cases) {
      const response = await upload<Failed>(t, admin, file, name, { kind: 'monthly' });
      expect({ name, status: response.status }).toEqual({ name, status: 422 });
      expect(response.body.message).toMatch(message);
      expect(response.body.errors.length).toBeGreaterThan(0);
    }
  });

  it('reads CSV in UTF-8, UTF-8 with BOM and GB18030, with quotes, CRLF, spaces and trailing blank rows', async () => {
    const rows: Cell[][] = [MONTHLY_HEADER, [` ${p2.projectNo} `, '2025-07', ' 10 ', '', '', '5', '土建完成，"设备"进场\n下月调试', '待核实'], [], []];
    const plain = await upload<ImportResult>(t, admin, csv(rows), 'plain.csv', { kind: 'monthly' });
    expect(plain.body).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect(await report(p2.id, '2025-07')).toMatchObject({ eq: '10.00', completed: '5.00', progress: '土建完成，"设备"进场\n下月调试' });
    const bom = await upload<ImportResult>(t, admin, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(rows, '\n'))]), 'bom.csv', { kind: 'monthly' });
    expect(bom.body).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    // made once with python3: '项目编号,月份,…'.encode('gb18030'); its project number is replaced here
    const gb = readFileSync(join(__dirname, 'fixtures/imports/monthly-gb18030.csv')).toString('latin1').replace('PROJECT_NO', p2.projectNo);
    const gbResponse = await upload<ImportResult & Failed>(t, admin, Buffer.from(gb, 'latin1'), 'gb18030.csv', { kind: 'monthly' });
    expect(gbResponse.body).toMatchObject({ created: 1 });
    expect(await report(p2.id, '2025-08')).toMatchObject({ eq: '20.50', progress: '厂房封顶' });
    const bad = await upload<Failed>(t, admin, csv([MONTHLY_HEADER, [p2.projectNo, '2025-09', 'x']]), '九月.csv', { kind: 'monthly' });
    expect(bad.body.errors).toEqual([{ sheet: '九月.csv', row: 2, column: '自有资金到位(万元)', message: '自有资金到位(万元)应为数字（单位：万元，最多 2 位小数）' }]);
  });

  it('accepts month cells as dates and as text in several forms', async () => {
    const response = await monthly([
      [p2.projectNo, new Date(Date.UTC(2025, 9, 1)), 1, null, null, null, null, null],
      [p2.projectNo, '2025.11', 1, null, null, null, null, null],
      [p2.projectNo, 202512, 1, null, null, null, null, null],
    ]);
    expect(response.body).toMatchObject({ created: 3 });
    for (const m of ['2025-10', '2025-11', '2025-12']) expect(await report(p2.id, m)).toMatchObject({ eq: '1.00' });
  });

  it('lets only verifiers import 已核实, and keeps verified reports from others', async () => {
    const byDistrict = await monthly([[p1.projectNo, '2026-03', 1, null, null, null, null, '已核实']], { token: district });
    expect(byDistrict.body.errors).toEqual([{ sheet: 'Sheet1', row: 2, column: '核实状态', message: '只有市级核实人员可以导入“已核实”的月报，请填“待核实”或留空' }]);
    const byCity = await monthly([[p1.projectNo, '2026-03', 1, null, null, null, null, '已核实']], { token: city.token });
    expect(byCity.body).toMatchObject({ created: 1 });
    expect(await report(p1.id, '2026-03')).toMatchObject({ status: 'VERIFIED', verifiedBy: city.id });
    // the same figures without a status: nothing to change, the report stays verified
    const same = await monthly([[p1.projectNo, '2026-03', 1, null, null, null, null, null]], { token: district });
    expect(same.body).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const changed = await monthly([[p1.projectNo, '2026-03', 2, null, null, null, null, null]], { token: district });
    expect(changed.body.errors).toEqual([{ sheet: 'Sheet1', row: 2, column: '核实状态', message: '该月报已核实，不能修改' }]);
    const byVerifier = await monthly([[p1.projectNo, '2026-03', 2, null, null, null, null, null]], { token: city.token });
    expect(byVerifier.body).toMatchObject({ updated: 1 });
    expect(await report(p1.id, '2026-03')).toMatchObject({ eq: '2.00', status: 'SUBMITTED', verifiedBy: null });
  });

  it('keeps a submitted report from district staff, as the entry grid does (only drafts and returned ones change)', async () => {
    expect((await monthly([[p1.projectNo, '2026-08', 1, null, null, null, null, null]], { token: district })).body).toMatchObject({ created: 1 });
    expect(await report(p1.id, '2026-08')).toMatchObject({ eq: '1.00', status: 'SUBMITTED' });
    const changed = await monthly([[p1.projectNo, '2026-08', 5, null, null, null, null, null]], { token: district });
    expect(changed.body.errors).toEqual([{ sheet: 'Sheet1', row: 2, column: '核实状态', message: '该月报已提交、待核实，不能修改；如需修改，请市级人员先退回' }]);
    expect(await report(p1.id, '2026-08')).toMatchObject({ eq: '1.00', status: 'SUBMITTED' });
    // a returned report is the district's to change again
    await t.query(`UPDATE monthly_reports SET status = 'RETURNED', return_reason = '请补充' WHERE project_id = $1 AND month = '2026-08'`, [p1.id]);
    expect((await monthly([[p1.projectNo, '2026-08', 5, null, null, null, null, null]], { token: district })).body).toMatchObject({ updated: 1 });
    expect(await report(p1.id, '2026-08')).toMatchObject({ eq: '5.00', status: 'SUBMITTED' });
  });

  it('refuses changes in a closed month, but not unchanged rows of it', async () => {
    await monthly([[p1.projectNo, '2026-04', 7, null, null, null, null, null]]);
    await t.query(`INSERT INTO month_closes (month, closed, closed_at, closed_by, version) VALUES ('2026-04', true, now(), '管理员', 1)`);
    const unchanged = await monthly([[p1.projectNo, '2026-04', 7, null, null, null, null, null]]);
    expect(unchanged.body).toMatchObject({ unchanged: 1 });
    const refused = await monthly([[p1.projectNo, '2026-04', 8, null, null, null, null, null], [p2.projectNo, '2026-04', 1, null, null, null, null, null]]);
    expect(refused.body.errors).toEqual([
      { sheet: 'Sheet1', row: 2, column: '月份', message: '2026年4月已月结，不能导入' },
      { sheet: 'Sheet1', row: 3, column: '月份', message: '2026年4月已月结，不能导入' },
    ]);
  });

  it('keeps district staff to their own region and leaders out', async () => {
    const before = await counts(t);
    const response = await monthly([[p1.projectNo, '2026-05', 1, null, null, null, null, null], [other.projectNo, '2026-05', 1, null, null, null, null, null]], { token: district });
    expect(response.body.errors).toEqual([{ sheet: 'Sheet1', row: 3, column: '项目编号', message: `无权导入其他地区的数据（项目 ${other.projectNo} 属于科尔沁区）` }]);
    expect(await counts(t)).toEqual(before);
    const asLeader = await monthly([[p1.projectNo, '2026-05', 1, null, null, null, null, null]], { token: leader });
    expect(asLeader.status).toBe(403);
    const ok = await monthly([[p1.projectNo, '2026-05', 1, null, null, null, null, null]], { token: district });
    expect(ok.body).toMatchObject({ created: 1 });
  });

  it('answers the progress of an import by its id, only to its owner', async () => {
    const importId = randomUUID();
    await monthly([[p1.projectNo, '2026-06', 1, null, null, null, null, null], [p1.projectNo, '2026-07', 1, null, null, null, null, null]], { importId });
    const progress = await t.request<ImportProgress>('GET', `/api/v1/imports/${importId}/progress`, { token: admin });
    expect(progress.body).toEqual({ importId, phase: 'DONE', rowsRead: 3 });
    expect((await t.request('GET', `/api/v1/imports/${importId}/progress`, { token: city.token })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/imports/${randomUUID()}/progress`, { token: admin })).status).toBe(404);
    const bad = await t.request<ApiErrorBody>('GET', '/api/v1/imports/not-a-uuid/progress', { token: admin });
    expect(bad.status).toBe(400);
    const failed = randomUUID();
    await monthly([[p1.projectNo, 'x', 1, null, null, null, null, null]], { importId: failed });
    expect((await t.request<ImportProgress>('GET', `/api/v1/imports/${failed}/progress`, { token: admin })).body.phase).toBe('FAILED');
  });

  it('validates the form: kind, dryRun, the file itself, and the 50 MB limit', async () => {
    const file = await xlsx([MONTHLY_HEADER]);
    const noKind = await upload<ApiErrorBody>(t, admin, file, 'a.xlsx', { kind: 'reports' as never });
    expect(noKind.status).toBe(400);
    expect(noKind.body.details?.[0].field).toBe('kind');
    const form = new FormData();
    form.append('kind', 'monthly');
    const noFile = await fetch(`${t.baseUrl}/api/v1/imports`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as ApiErrorBody).message).toMatch(/请选择要导入的文件/);
    const huge = await upload<ApiErrorBody>(t, admin, Buffer.alloc(51 * 1024 * 1024, 0x41), 'huge.csv', { kind: 'monthly' });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', message: '上传的文件超过 50 MB，请分成几个文件导入' });
  });
});
