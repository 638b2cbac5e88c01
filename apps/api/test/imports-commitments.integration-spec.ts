import type { CommitmentListResponse, ImportResult, ImportRowError, ProjectDetailDto } from '@zhaoshang/shared/domain';
import { readXlsx, upload, xlsx, type Cell } from './fixtures/imports/files.js';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

type Reply = ImportResult & { errors: ImportRowError[] };

export const COMMITMENT_HEADER = ['项目编号', '政策类型', '承诺内容', '承诺金额(万元)', '兑现期限', '责任单位', '兑现状态', '已兑现金额(万元)', '兑现日期', '不再兑现原因'];

/** kind=commitments (issue 15): the bureaus' 优惠政策兑现台账 into policy_commitments. */
describe('imports: commitments (优惠政策兑现台账)', () => {
  let t: TestApp;
  let admin: string;
  let district: string; // 奈曼旗
  let leader: string;
  let own: ProjectDetailDto; // 奈曼旗
  let second: ProjectDetailDto; // 奈曼旗
  let other: ProjectDetailDto; // 科尔沁区
  const UNIT = '奈曼旗财政局';
  const LAND_UNIT = '奈曼旗自然资源局';

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    leader = (await t.userToken('LEADER')).token;
    for (const name of [UNIT, LAND_UNIT]) {
      const unit = await t.request('POST', '/api/v1/units', { token: admin, body: { name, level: 'DISTRICT', regionCode: '150525' } });
      expect(unit.status).toBe(201);
    }
    own = await createProject(t, admin, { signedAt: '2025-03-01' });
    second = await createProject(t, admin, { name: '奈曼旗第二个项目', signedAt: '2025-04-01' });
    other = await createProject(t, admin, { regionCode: '150502', signedAt: '2025-01-10' });
  });
  afterAll(() => t?.stop());

  const send = (rows: Cell[][], options: { token?: string; dryRun?: boolean } = {}) =>
    xlsx([COMMITMENT_HEADER, ...rows]).then((file) => upload<Reply>(t, options.token ?? admin, file, '兑现台账.xlsx', { kind: 'commitments', dryRun: options.dryRun }));
  const stored = (projectId: string) =>
    t.query<Record<string, unknown>>(
      `SELECT c.type, c.content, c.promised_amount_wan AS promised, c.due_at::text AS due, u.name AS unit, c.status, c.honoured_amount_wan AS honoured,
              c.honoured_at::text AS "honouredAt", c.withdrawn_reason AS reason, c.version
       FROM policy_commitments c JOIN units u ON u.id = c.unit_id WHERE c.project_id = $1 ORDER BY c.content`,
      [projectId],
    );
  const counts = async () =>
    (
      await t.query<{ commitments: number; events: number; audit: number; versions: number }>(
        `SELECT (SELECT count(*)::int FROM policy_commitments) AS commitments, (SELECT count(*)::int FROM commitment_events) AS events,
                (SELECT count(*)::int FROM audit_log) AS audit, (SELECT coalesce(sum(version), 0)::int FROM policy_commitments) AS versions`,
      )
    )[0];

  it('creates the ledger’s commitments, changes nothing on the same file, then updates only what changed — audited, with their history', async () => {
    const rows: Cell[][] = [
      [own.projectNo, '土地', '按工业用地基准地价供应 300 亩', null, '2025-12-31', LAND_UNIT, null, null, null, null],
      [own.projectNo, '财政奖补', '设备投资补助', 500, '2025/9/30', UNIT, '部分兑现', '200', '2025-08-15', null],
      [second.projectNo, '税费', '前三年地方留成部分全额奖励', '1,000.5', '2026年6月30日', UNIT, '已兑现', 1000.5, '2026-03-01', null],
      [second.projectNo, '人才', '高管子女入学', null, '2026-01-31', UNIT, '不再兑现', null, null, '企业已不需要'],
    ];
    const before = await counts();
    const first = await send(rows);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 4, updated: 0, unchanged: 0, dryRun: false, warnings: [] });
    expect(await stored(own.id)).toEqual([
      { type: 'LAND', content: '按工业用地基准地价供应 300 亩', promised: null, due: '2025-12-31', unit: LAND_UNIT, status: 'PENDING', honoured: '0.00', honouredAt: null, reason: null, version: 1 },
      { type: 'SUBSIDY', content: '设备投资补助', promised: '500.00', due: '2025-09-30', unit: UNIT, status: 'PARTIAL', honoured: '200.00', honouredAt: '2025-08-15', reason: null, version: 1 },
    ]);
    expect(await stored(second.id)).toEqual([
      { type: 'TAX', content: '前三年地方留成部分全额奖励', promised: '1000.50', due: '2026-06-30', unit: UNIT, status: 'HONOURED', honoured: '1000.50', honouredAt: '2026-03-01', reason: null, version: 1 },
      { type: 'TALENT', content: '高管子女入学', promised: null, due: '2026-01-31', unit: UNIT, status: 'WITHDRAWN', honoured: '0.00', honouredAt: null, reason: '企业已不需要', version: 1 },
    ]);
    // three rows record a 兑现 (or its end): each gets its line in the commitment's history
    expect(await counts()).toEqual({ commitments: before.commitments + 4, events: before.events + 3, audit: before.audit + 4, versions: before.versions + 4 });
    const audit = await t.query<{ action: string; after: Record<string, unknown> }>(`SELECT action, after FROM audit_log WHERE entity = 'commitment' ORDER BY id`);
    expect(audit).toHaveLength(4);
    expect(audit[1]).toMatchObject({ action: 'CREATE', after: { projectNo: own.projectNo, type: 'SUBSIDY', status: 'PARTIAL', honouredAmountWan: '200.00', version: 1 } });

    const again = await send(rows);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 4, dryRun: false, warnings: [] });
    expect(await counts()).toEqual({ commitments: before.commitments + 4, events: before.events + 3, audit: before.audit + 4, versions: before.versions + 4 });

    rows[1] = [own.projectNo, '财政奖补', '设备投资补助', 500, '2025-09-30', UNIT, '已兑现', 500, '2025-11-20', null];
    const changed = await send(rows);
    expect(changed.body).toEqual({ created: 0, updated: 1, unchanged: 3, dryRun: false, warnings: [] });
    expect((await stored(own.id))[1]).toMatchObject({ status: 'HONOURED', honoured: '500.00', honouredAt: '2025-11-20', version: 2 });
    const [update] = await t.query<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      `SELECT before, after FROM audit_log WHERE entity = 'commitment' AND action = 'UPDATE'`,
    );
    expect(update.before).toMatchObject({ status: 'PARTIAL', honouredAmountWan: '200.00', version: 1 });
    expect(update.after).toMatchObject({ status: 'HONOURED', honouredAmountWan: '500.00', version: 2 });
    const events = await t.query<{ status: string; at: string; amount: string }>(
      `SELECT e.status, e.at::text AS at, e.honoured_amount_wan AS amount FROM commitment_events e JOIN policy_commitments c ON c.id = e.commitment_id
       WHERE c.project_id = $1 AND c.type = 'SUBSIDY' ORDER BY e.at`,
      [own.id],
    );
    expect(events).toEqual([
      { status: 'PARTIAL', at: '2025-08-15', amount: '200.00' },
      { status: 'HONOURED', at: '2025-11-20', amount: '500.00' },
    ]);
  });

  it('a dry run reports the same counts and writes nothing', async () => {
    const before = await counts();
    const dry = await send([[second.projectNo, '融资', '协调贷款 5000 万元', 5000, '2026-10-31', UNIT, null, null, null, null]], { dryRun: true });
    expect(dry.body).toEqual({ created: 1, updated: 0, unchanged: 0, dryRun: true, warnings: [] });
    expect(await counts()).toEqual(before);
  });

  it('lists every bad cell of every row, with sheet, row and column, and writes nothing', async () => {
    const before = await counts();
    const response = await send([
      [null, '土地', '甲', null, '2025-12-31', UNIT, null, null, null, null],
      ['150525-2099-9999', '土地', '乙', null, '2025-12-31', UNIT, null, null, null, null],
      [own.projectNo, '补贴', '丙', null, '2025-12-31', UNIT, null, null, null, null],
      [own.projectNo, '土地', null, null, '2025-13-01', '不存在的局', null, null, null, null],
      [own.projectNo, '其他', '丁', -5, '2025-12-31', UNIT, '已兑现', null, null, null],
      [own.projectNo, '其他', '戊', 100, '2025-12-31', UNIT, '部分兑现', 150, '2099-01-01', null],
      [own.projectNo, '其他', '己', null, '2025-12-31', UNIT, '不再兑现', null, null, null],
      [own.projectNo, '其他', '庚', null, '2025-12-31', UNIT, '未兑现', 10, '2025-01-01', '不要了'],
      [own.projectNo, '其他', '辛', null, '2025-12-31', UNIT, '办结', null, null, null],
      [own.projectNo, '其他', '壬', null, '2025-12-31', UNIT, null, null, null, null],
      [own.projectNo, '其他', '壬', null, '2026-01-31', UNIT, null, null, null, null],
      // 已兑现 → 未兑现: the ledger is older than what was recorded since
      [second.projectNo, '税费', '前三年地方留成部分全额奖励', '1000.5', '2026-06-30', UNIT, '未兑现', null, null, null],
    ]);
    expect(response.status).toBe(422);
    const e = (row: number, column: string, message: string) => ({ sheet: 'Sheet1', row, column, message });
    expect(response.body.errors).toEqual([
      e(2, '项目编号', '项目编号不能为空'),
      e(3, '项目编号', '项目编号 150525-2099-9999 不存在'),
      e(4, '政策类型', '政策类型应为以下之一：土地、税费、财政奖补、基础设施配套、融资、人才、其他'),
      e(5, '承诺内容', '承诺内容不能为空'),
      e(5, '兑现期限', '兑现期限“2025-13-01”不是有效日期'),
      e(5, '责任单位', '责任单位“不存在的局”不在责任单位名单中（名单由管理员维护）'),
      e(6, '承诺金额(万元)', expect.stringContaining('承诺金额(万元)') as unknown as string),
      e(6, '已兑现金额(万元)', '请填写累计兑现金额（万元）'),
      e(6, '兑现日期', '请填写兑现日期'),
      e(7, '已兑现金额(万元)', '累计兑现金额（150.00 万元）不能超过承诺金额（100.00 万元）'),
      e(7, '兑现日期', '兑现日期（2099-01-01）不能晚于今天'),
      e(8, '不再兑现原因', '不再兑现须说明原因'),
      e(9, '已兑现金额(万元)', '兑现状态为“未兑现”时不能填写已兑现金额(万元)；已兑现一部分请填“部分兑现”'),
      e(9, '兑现日期', '兑现状态为“未兑现”时不能填写兑现日期'),
      e(9, '不再兑现原因', '只有“不再兑现”的承诺填写不再兑现原因'),
      e(10, '兑现状态', '兑现状态应为以下之一：未兑现、部分兑现、已兑现、不再兑现'),
      e(12, '承诺内容', '与第 11 行重复：同一项目同一政策类型的承诺内容只能有一行'),
      e(13, '兑现状态', '该承诺当前为“已兑现”，不能改为“未兑现”'),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('is idempotent when the same file is imported twice at once', async () => {
    const rows: Cell[][] = [
      [second.projectNo, '基础设施配套', '修通厂区道路 2 公里', 800, '2026-08-31', UNIT, null, null, null, null],
      [second.projectNo, '基础设施配套', '接通 110kV 供电线路', null, '2026-09-30', UNIT, '部分兑现', 0, '2026-05-01', null],
    ];
    const before = await counts();
    const [a, b] = await Promise.all([send(rows), send(rows)]);
    expect([a.body, b.body].map((r) => [r.created, r.unchanged]).sort()).toEqual([
      [0, 2],
      [2, 0],
    ]);
    expect((await counts()).commitments).toBe(before.commitments + 2);
  });

  it('keeps district staff to their own region’s projects and leaders out', async () => {
    const before = await counts();
    const response = await send(
      [
        [own.projectNo, '融资', '协调授信', null, '2026-12-31', UNIT, null, null, null, null],
        [other.projectNo, '融资', '协调授信', null, '2026-12-31', UNIT, null, null, null, null],
      ],
      { token: district },
    );
    expect(response.body.errors).toEqual([{ sheet: 'Sheet1', row: 3, column: '项目编号', message: `无权导入其他地区的数据（项目 ${other.projectNo} 属于科尔沁区）` }]);
    expect(await counts()).toEqual(before);
    expect((await send([[own.projectNo, '融资', '协调授信', null, '2026-12-31', UNIT, null, null, null, null]], { token: leader })).status).toBe(403);
    const ok = await send([[own.projectNo, '融资', '协调授信', null, '2026-12-31', UNIT, null, null, null, null]], { token: district });
    expect(ok.body).toMatchObject({ created: 1 });
  });

  it('gives the template with the exact headers and drop-down lists of types, statuses and units', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/imports/templates/commitments`, { headers: { authorization: `Bearer ${district}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('优惠政策兑现台账导入模板.xlsx')}`);
    const { rows, workbook } = await readXlsx(Buffer.from(await response.arrayBuffer()));
    expect(rows[0]).toEqual(COMMITMENT_HEADER);
    const options = workbook.getWorksheet('选项');
    const lists = [1, 2, 3].map((i) => options?.getColumn(i).values.slice(1));
    expect(lists).toContainEqual(['commitmentTypes', '土地', '税费', '财政奖补', '基础设施配套', '融资', '人才', '其他']);
    expect(lists).toContainEqual(['commitmentStatuses', '未兑现', '部分兑现', '已兑现', '不再兑现']);
    expect(lists.find((l) => l?.[0] === 'units')).toEqual(expect.arrayContaining([UNIT, LAND_UNIT]));
  });

  it('exports the ledger over the list’s filters: title, the summary sentence, the columns, 逾期 and the totals (everyone may read)', async () => {
    const list = await t.request<CommitmentListResponse>('GET', '/api/v1/commitments?regionCode=150525&pageSize=100', { token: leader });
    expect(list.status).toBe(200);
    const response = await fetch(`${t.baseUrl}/api/v1/commitments/export.xlsx?regionCode=150525&page=3`, { headers: { authorization: `Bearer ${leader}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('优惠政策兑现台账-奈曼旗-'));
    const { rows } = await readXlsx(Buffer.from(await response.arrayBuffer()));
    expect(rows[0][0]).toBe('优惠政策兑现台账');
    expect(String(rows[1][0])).toContain(`奈曼旗：${list.body.summary}`);
    expect(rows[2]).toEqual(['地区', '项目编号', '项目名称', '政策类型', '承诺内容', '承诺金额(万元)', '兑现期限', '责任单位', '兑现状态', '已兑现金额(万元)', '兑现日期', '不再兑现原因', '逾期']);
    // every commitment of the filter, paging aside, in the list's order, then 合计
    const body = rows.slice(3, -1);
    expect(body).toHaveLength(list.body.totals.count);
    expect(body.map((r) => r[4])).toEqual(list.body.items.map((i) => i.content));
    const subsidy = body.find((r) => r[4] === '设备投资补助');
    expect(subsidy).toEqual(['奈曼旗', own.projectNo, own.name, '财政奖补', '设备投资补助', 500, '2025-09-30', UNIT, '已兑现', 500, '2025-11-20', undefined, '否']);
    const land = body.find((r) => r[4] === '按工业用地基准地价供应 300 亩');
    expect(land?.slice(8)).toEqual(['未兑现', 0, undefined, undefined, '是']);
    expect(rows.at(-1)?.[0]).toBe('合计');
    expect(rows.at(-1)?.[5]).toBe(Number(list.body.totals.promisedWan));
    expect(rows.at(-1)?.[9]).toBe(Number(list.body.totals.honouredWan));
    // the other region's commitment is not in 奈曼旗's export
    const all = await fetch(`${t.baseUrl}/api/v1/commitments/export.xlsx?status=PENDING`, { headers: { authorization: `Bearer ${district}` } });
    const pending = (await readXlsx(Buffer.from(await all.arrayBuffer()))).rows.slice(3, -1);
    expect(pending.every((r) => r[8] === '未兑现')).toBe(true);
    expect((await t.request('GET', '/api/v1/commitments/export.xlsx?status=DONE', { token: leader })).status).toBe(400);
  });
});
