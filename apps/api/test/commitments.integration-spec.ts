import {
  addDays,
  type ApiErrorBody,
  type AuditEntryDto,
  type CommitmentListResponse,
  type CommitmentStatsResponse,
  type PolicyCommitmentDetailDto,
  shanghaiToday,
  type UnitDto,
} from '@zhaoshang/shared/domain';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/**
 * Issue 15 item 1 (DOMAIN.md §9, §7): 优惠政策兑现台账 — commitments recorded by staff (district staff for
 * their region's projects), honoured partly or wholly with cumulative amounts and dates, or withdrawn with
 * a reason; totals summed in SQL and the ledger's sentence; 409s; audit rows.
 */
describe('优惠政策兑现台账', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let naiman: string;
  let kailu: string;
  let leader: string;
  let unit: UnitDto;
  const today = shanghaiToday();
  const p = {} as Record<'naiman' | 'kailu' | 'ledger', { id: string }>;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    naiman = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    kailu = (await t.userToken('DISTRICT_STAFF', '150523')).token;
    leader = (await t.userToken('LEADER')).token;
    unit = (await t.request<UnitDto>('POST', '/api/v1/units', { token: admin, body: { name: '市财政局', level: 'CITY' } })).body;
    p.naiman = await createProject(t, admin, { regionCode: '150525' });
    p.kailu = await createProject(t, admin, { regionCode: '150523' });
    p.ledger = await createProject(t, admin, { regionCode: '150526' });
  });
  afterAll(() => t?.stop());

  const record = (token: string, body: Record<string, unknown>) => t.request<PolicyCommitmentDetailDto & ApiErrorBody>('POST', '/api/v1/commitments', { token, body });
  const move = (token: string, c: { id: string; version: number }, body: Record<string, unknown>) =>
    t.request<PolicyCommitmentDetailDto & ApiErrorBody>('POST', `/api/v1/commitments/${c.id}/status`, { token, body: { version: c.version, ...body } });
  const base = (projectId: string) => ({ projectId, type: 'SUBSIDY', content: '固定资产投资补助', promisedAmountWan: '500', dueAt: addDays(today, 30), unitId: unit.id });

  it('lets district staff record a commitment for their own region’s project only, audited', async () => {
    const made = await record(naiman, { ...base(p.naiman.id), content: '  设备购置补助 ' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ type: 'SUBSIDY', content: '设备购置补助', promisedAmountWan: '500.00', status: 'PENDING', honouredAmountWan: '0.00', honouredAt: null, unitName: '市财政局', regionCode: '150525', overdue: false, version: 1 });
    expect(made.body.events).toEqual([]);
    expect((await record(naiman, base(p.kailu.id))).status).toBe(403);
    expect((await record(leader, base(p.naiman.id))).status).toBe(403);
    const audit = await t.request<{ items: AuditEntryDto[] }>('GET', `/api/v1/audit?entity=commitment&entityId=${made.body.id}`, { token: leader });
    expect(audit.body.items.map((e) => e.action)).toEqual(['CREATE']);
    expect(audit.body.items[0]?.subject).toContain('设备购置补助');
  });

  it('names the field of bad input and writes nothing', async () => {
    const bad = await record(city, { projectId: p.naiman.id, type: 'GIFT', content: '', dueAt: '2026-02-30', unitId: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.map((d) => d.field).sort()).toEqual(['content', 'dueAt', 'type', 'unitId']);
    const money = await record(city, { ...base(p.naiman.id), content: '三位小数', promisedAmountWan: '12.345' });
    expect(money.status).toBe(400);
    expect(money.body.details).toEqual([{ field: 'promisedAmountWan', message: '承诺金额最多保留 2 位小数' }]);
    const noProject = await record(city, { ...base('00000000-0000-4000-8000-000000000000'), content: '无此项目' });
    expect(noProject.status).toBe(400);
    expect(await t.query(`SELECT 1 FROM policy_commitments WHERE content IN ('三位小数', '无此项目')`)).toEqual([]);
  });

  it('honours partly then wholly with cumulative amounts, refuses more than promised, a future date and wrong moves; 409 on a stale version', async () => {
    const c = (await record(naiman, base(p.naiman.id))).body;
    const missing = await move(naiman, c, { status: 'PARTIAL' });
    expect(missing.status).toBe(400);
    expect(missing.body.details?.map((d) => d.field)).toEqual(['honouredAmountWan', 'honouredAt']);
    const tooMuch = await move(naiman, c, { status: 'HONOURED', honouredAmountWan: '500.01', honouredAt: addDays(today, 1) });
    expect(tooMuch.body.details).toEqual([
      { field: 'honouredAmountWan', message: '累计兑现金额（500.01 万元）不能超过承诺金额（500.00 万元）' },
      { field: 'honouredAt', message: `兑现日期（${addDays(today, 1)}）不能晚于今天` },
    ]);
    const partial = await move(naiman, c, { status: 'PARTIAL', honouredAmountWan: '200', honouredAt: addDays(today, -3) });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ status: 'PARTIAL', honouredAmountWan: '200.00', honouredAt: addDays(today, -3), version: 2 });
    expect(partial.body.events.map((e) => [e.status, e.at, e.honouredAmountWan, e.note])).toEqual([['PARTIAL', addDays(today, -3), '200.00', '未兑现 → 部分兑现']]);
    const stale = await move(naiman, c, { status: 'HONOURED', honouredAmountWan: '500', honouredAt: today });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('VERSION_CONFLICT');
    expect((await move(kailu, partial.body, { status: 'HONOURED', honouredAmountWan: '500', honouredAt: today })).status).toBe(403);
    expect((await move(leader, partial.body, { status: 'HONOURED', honouredAmountWan: '500', honouredAt: today })).status).toBe(403);
    const honoured = await move(naiman, partial.body, { status: 'HONOURED', honouredAmountWan: '500', honouredAt: today });
    expect(honoured.body).toMatchObject({ status: 'HONOURED', honouredAmountWan: '500.00', honouredAt: today });
    expect(honoured.body.events).toHaveLength(2);
    const wrong = await move(naiman, honoured.body, { status: 'WITHDRAWN', reason: '企业迁出' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error).toBe('WRONG_STATUS');
    const noReason = await move(city, honoured.body, { status: 'PARTIAL', honouredAmountWan: '300', honouredAt: today });
    expect(noReason.body.details?.map((d) => d.field)).toEqual(['reason']);
    const reopened = await move(city, honoured.body, { status: 'PARTIAL', honouredAmountWan: '300', honouredAt: today, reason: '200 万元补助被审计追回' });
    expect(reopened.body).toMatchObject({ status: 'PARTIAL', honouredAmountWan: '300.00' });
  });

  it('withdraws only with a reason, and keeps what was honoured before', async () => {
    const c = (await record(city, { ...base(p.kailu.id), promisedAmountWan: null })).body;
    expect(c.promisedAmountWan).toBeNull();
    const part = (await move(kailu, c, { status: 'PARTIAL', honouredAmountWan: '80', honouredAt: today })).body;
    const noReason = await move(kailu, part, { status: 'WITHDRAWN', reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details?.map((d) => d.field)).toEqual(['reason']);
    const withdrawn = await move(kailu, part, { status: 'WITHDRAWN', reason: '企业未达到约定投资强度' });
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', withdrawnAt: today, withdrawnReason: '企业未达到约定投资强度', honouredAmountWan: '80.00', overdue: false });
  });

  it('edits a commitment with its version, not below what was honoured, audited before and after', async () => {
    const c = (await record(naiman, base(p.naiman.id))).body;
    const part = (await move(naiman, c, { status: 'PARTIAL', honouredAmountWan: '300', honouredAt: today })).body;
    const below = await t.request<ApiErrorBody>('PATCH', `/api/v1/commitments/${c.id}`, { token: naiman, body: { promisedAmountWan: '299.99', version: part.version } });
    expect(below.status).toBe(400);
    expect(below.body.details?.[0]?.field).toBe('promisedAmountWan');
    const edited = await t.request<PolicyCommitmentDetailDto>('PATCH', `/api/v1/commitments/${c.id}`, { token: naiman, body: { content: '设备补助（第一批）', dueAt: addDays(today, 60), version: part.version } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ content: '设备补助（第一批）', dueAt: addDays(today, 60), promisedAmountWan: '500.00', version: part.version + 1 });
    const stale = await t.request<ApiErrorBody>('PATCH', `/api/v1/commitments/${c.id}`, { token: city, body: { content: '旧版本', version: part.version } });
    expect(stale.status).toBe(409);
    expect((await t.request('PATCH', `/api/v1/commitments/${c.id}`, { token: kailu, body: { content: '别区', version: edited.body.version } })).status).toBe(403);
    const audit = await t.request<{ items: AuditEntryDto[] }>('GET', `/api/v1/audit?entity=commitment&entityId=${c.id}`, { token: city });
    expect(audit.body.items.map((e) => e.action)).toEqual(['UPDATE', 'UPDATE', 'CREATE']);
    expect(audit.body.items[0]?.before).toMatchObject({ content: '固定资产投资补助' });
    expect(audit.body.items[0]?.after).toMatchObject({ content: '设备补助（第一批）' });
  });

  it('totals a ledger in SQL and says the §9 sentence, as computed by hand', async () => {
    const make = async (body: Record<string, unknown>) => (await record(city, { ...base(p.ledger.id), ...body })).body;
    // honoured by its due date: not 梳理
    const onTime = await make({ promisedAmountWan: '100', dueAt: addDays(today, -10) });
    await move(city, onTime, { status: 'HONOURED', honouredAmountWan: '100', honouredAt: addDays(today, -20) });
    // honoured late: 梳理 and 整改
    const late = await make({ type: 'LAND', promisedAmountWan: '8000', dueAt: addDays(today, -30) });
    await move(city, late, { status: 'HONOURED', honouredAmountWan: '8000', honouredAt: addDays(today, -5) });
    // withdrawn: 梳理 and 整改
    const dropped = await make({ type: 'TALENT', promisedAmountWan: null, dueAt: addDays(today, 10) });
    await move(city, dropped, { status: 'WITHDRAWN', reason: '人才未引进' });
    // partly honoured and overdue: 梳理, still owed
    const owed = await make({ promisedAmountWan: '5000', dueAt: addDays(today, -3) });
    await move(city, owed, { status: 'PARTIAL', honouredAmountWan: '2500.5', honouredAt: addDays(today, -1) });
    // pending, not yet due: 梳理, still owed
    await make({ type: 'TAX', promisedAmountWan: '300', dueAt: addDays(today, 30) });

    const ledger = await t.request<CommitmentListResponse>('GET', `/api/v1/commitments?projectId=${p.ledger.id}`, { token: leader });
    expect(ledger.status).toBe(200);
    expect(ledger.body.totals).toEqual({
      count: 5, pending: 1, partial: 1, honoured: 2, withdrawn: 1, overdue: 1,
      promisedWan: '13400.00', honouredWan: '10600.50', reviewed: 4, rectified: 2, reviewedHonouredWan: '10500.50',
    });
    expect(ledger.body.summary).toBe('梳理未兑现优惠政策 4 条，已完成整改 2 条，兑现资金 1.05 亿元');
    // overdue first
    expect(ledger.body.items[0]?.id).toBe(owed.id);
    expect(ledger.body.items[0]?.overdue).toBe(true);

    const period = await t.request<CommitmentListResponse>('GET', `/api/v1/commitments?projectId=${p.ledger.id}&from=${addDays(today, -10)}&to=${today}`, { token: leader });
    expect(period.body.items.map((c) => c.id).sort()).toEqual([onTime.id, owed.id].sort());
    expect(period.body.summary).toBe('梳理未兑现优惠政策 1 条，已完成整改 0 条，兑现资金 2500.5 万元');
    const overdue = await t.request<CommitmentListResponse>('GET', `/api/v1/commitments?regionCode=150526&overdue=true`, { token: naiman });
    expect(overdue.body.items.map((c) => c.id)).toEqual([owed.id]);

    const byRegion = await t.request<CommitmentStatsResponse>('GET', '/api/v1/commitments/stats?groupBy=region', { token: leader });
    expect(byRegion.body.rows).toHaveLength(9);
    expect(byRegion.body.rows.find((r) => r.key === '150526')).toMatchObject({ label: '扎鲁特旗', count: 5, reviewed: 4, rectified: 2, reviewedHonouredWan: '10500.50' });
    expect(byRegion.body.rows.reduce((n, r) => n + r.count, 0)).toBe(byRegion.body.total.count);
    const byType = await t.request<CommitmentStatsResponse>('GET', `/api/v1/commitments/stats?groupBy=type&regionCode=150526`, { token: city });
    expect(byType.body.rows.map((r) => [r.label, r.count])).toEqual([['土地', 1], ['税费', 1], ['财政奖补', 2], ['基础设施配套', 0], ['融资', 0], ['人才', 1], ['其他', 0]]);
    expect(byType.body.summary).toBe(ledger.body.summary);
    expect((await t.request<ApiErrorBody>('GET', '/api/v1/commitments/stats?groupBy=month', { token: city })).body.details?.[0]?.field).toBe('groupBy');
  });

  it('answers 404 for an unknown commitment and 400 for a malformed id', async () => {
    expect((await t.request('GET', '/api/v1/commitments/00000000-0000-4000-8000-000000000000', { token: leader })).status).toBe(404);
    expect((await t.request('GET', '/api/v1/commitments/abc', { token: leader })).status).toBe(400);
  });
});
