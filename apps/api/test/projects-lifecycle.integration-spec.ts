import { type ApiErrorBody, type AuditEntryDto, type Page, type ProjectDetailDto, shanghaiToday } from '@zhaoshang/shared/domain';
import { createProject, projectBody, uscc } from './support/projects.js';
import { TestApp } from './support/test-app.js';

type Reply = ProjectDetailDto & ApiErrorBody;

const TODAY = shanghaiToday();
const TOMORROW = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** DOMAIN.md §2 and §5: what a project may hold, and how it moves through its stages. */
describe('projects: validation and lifecycle', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let district: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    // 包联领导 come from the list an admin keeps (DOMAIN.md §9)
    await t.request('POST', '/api/v1/leaders', { token: admin, body: { name: '张三', level: 'DISTRICT', regionCode: '150525' } });
  });
  afterAll(() => t?.stop());

  const post = (body: unknown, token = admin) => t.request<Reply>('POST', '/api/v1/projects', { token, body });
  const move = (p: { id: string; version: number }, body: Record<string, unknown>, token = admin) =>
    t.request<Reply>('POST', `/api/v1/projects/${p.id}/stage`, { token, body: { version: p.version, ...body } });
  const fieldsOf = (body: ApiErrorBody) => (body.details ?? []).map((d) => d.field);

  describe('create: every rule answers 400 naming the field in Chinese, and writes nothing', () => {
    const wrongCheck = uscc(1).slice(0, 17) + (uscc(1)[17] === '0' ? '1' : '0');
    it.each([
      ['a missing name and investor', { name: '  ', investorName: undefined }, [['name', '项目名称不能为空'], ['investorName', '投资方名称不能为空']]],
      ['a uscc with a wrong check character', { investorUscc: wrongCheck }, [['investorUscc', expect.stringMatching(/^投资方统一社会信用代码校验位不正确（第 18 位应为 .）$/)]]],
      ['a uscc of the wrong length', { investorUscc: '91150525MA0N0Q' }, [['investorUscc', '投资方统一社会信用代码应为 18 位，当前为 14 位']]],
      ['a uscc with a forbidden letter', { investorUscc: '91150525MA0N0QXXOI' }, [['investorUscc', expect.stringContaining('不允许的字符“O”')]]],
      ['a national code of the wrong shape', { nationalCode: '2024-150525-44-01-12345' }, [['nationalCode', expect.stringMatching(/^投资项目代码格式应为 YYYY-RRRRRR-DD-TT-NNNNNN/)]]],
      ['an amount with 3 decimals', { contractAmountWan: '1.234' }, [['contractAmountWan', '签约额(万元)最多保留 2 位小数']]],
      ['a negative amount', { plannedInvestmentWan: '-5' }, [['plannedInvestmentWan', '计划总投资(万元)不能为负数']]],
      ['an amount that is not a number', { contractAmountWan: '12万' }, [['contractAmountWan', '签约额(万元)应为数字（单位：万元，最多 2 位小数）']]],
      ['an amount sent as a JSON number', { contractAmountWan: 1200 }, [['contractAmountWan', '签约额(万元)应以文本形式的数字提交，例如 "1200.50"']]],
      ['the city instead of a district', { regionCode: '150500' }, [['regionCode', '所属地区 150500 不是本市的旗县市区']]],
      ['an unknown industry', { industryCode: 'XX' }, [['industryCode', '产业类别 XX 不存在']]],
      ['an unknown origin', { investorOrigin: 'MARS' }, [['investorOrigin', expect.stringMatching(/^投资方来源必须是以下之一：FOREIGN、/)]]],
      ['a month that is not YYYY-MM', { plannedStartMonth: '2025-13' }, [['plannedStartMonth', '计划开工月份应为 YYYY-MM 格式，例如 2025-06']]],
      ['入库 without its month', { statsRegistered: true, plannedInvestmentWan: '800' }, [['statsRegisteredMonth', '统计入库的项目必须填写入库月份']]],
      ['入库 under 500 万元', { statsRegistered: true, statsRegisteredMonth: '2025-06', plannedInvestmentWan: '499.99' }, [['statsRegistered', '计划总投资(万元)不足 500 万元的项目不能统计入库']]],
      ['a stage without its date', { stage: 'UNDER_CONSTRUCTION' }, [['constructionStartedAt', '项目处于“开工在建”阶段，必须填写开工日期']]],
      ['dates that decrease along the chain', { stage: 'REGISTERED', registeredAt: '2025-02-01' }, [['registeredAt', '注册日期（2025-02-01）不能早于签约日期（2025-03-01）']]],
      ['a date in the future', { signedAt: TOMORROW }, [['signedAt', `签约日期不能晚于今天（${TODAY}）`]]],
      ['a date that is no date', { signedAt: '2025-02-30' }, [['signedAt', '签约日期不是有效日期（应为 YYYY-MM-DD）']]],
      ['a date of a stage not reached', { stage: 'NEGOTIATING' }, [['signedAt', '项目尚未到“已签约”阶段，不应填写签约日期']]],
      ['termination without a reason', { stage: 'TERMINATED', terminatedAt: '2025-04-01' }, [['terminationReason', '终止项目必须填写终止原因']]],
      ['a field the API does not know', { budget: '1' }, [['budget', '不允许的字段：budget']]],
    ])('refuses %s', async (_case, overrides, expected) => {
      const before = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM projects');
      const response = await post({ ...projectBody(), ...overrides });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('VALIDATION_FAILED');
      expect(response.body.details?.map((d) => [d.field, d.message])).toEqual(expected);
      expect(response.body.message).toMatch(/^请求参数有误：/);
      expect(await t.query('SELECT count(*)::int AS n FROM projects')).toEqual(before);
    });

    it('refuses an industry an admin has retired', async () => {
      await t.request('POST', '/api/v1/industries', { token: admin, body: { code: 'ZZ', name: '待停用产业' } });
      await t.request('PATCH', '/api/v1/industries/ZZ', { token: admin, body: { active: false, version: 1 } });
      const response = await post(projectBody({ industryCode: 'ZZ' }));
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ field: 'industryCode', message: '产业类别“待停用产业”已停用，请选择其他产业类别' }]);
    });

    it('accepts a complete project, tidying what people type', async () => {
      const response = await post(
        projectBody({
          name: '  通辽 储能电站  ',
          investorUscc: uscc(7).toLowerCase(),
          nationalCode: '2024-150525-44-01-123456',
          contractAmountWan: '1200.5',
          plannedInvestmentWan: '2000',
          statsRegistered: true,
          statsRegisteredMonth: '2025-06',
          statsCode: 'TJ-001',
          plannedStartMonth: '2025-09',
          isKeyProject: true,
          leadOfficial: '',
          notes: '备注',
        }),
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        name: '通辽 储能电站',
        investorUscc: uscc(7),
        contractAmountWan: '1200.50',
        plannedInvestmentWan: '2000.00',
        signedAt: '2025-03-01',
        leadOfficial: null,
        statsRegistered: true,
        isKeyProject: true,
        approvalsComplete: false,
        capitalIncreases: [],
        version: 1,
      });
      expect(response.body.approvals).toEqual(
        ['FILING', 'LAND', 'PLANNING', 'ENVIRONMENT', 'ENERGY', 'CONSTRUCTION'].map((kind) => ({ kind, status: 'NOT_STARTED', doneAt: null })),
      );
    });
  });

  describe('stage moves (DOMAIN.md §5)', () => {
    it('moves forward one stage with its date', async () => {
      const p = await createProject(t, district);
      const moved = await move(p, { to: 'REGISTERED', dates: { registeredAt: '2025-04-01' } }, district);
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ stage: 'REGISTERED', signedAt: '2025-03-01', registeredAt: '2025-04-01', version: 2 });
    });

    it('skips stages, leaving the skipped dates empty', async () => {
      const p = await createProject(t, district);
      const moved = await move(p, { to: 'UNDER_CONSTRUCTION', dates: { constructionStartedAt: '2025-05-01' } }, district);
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ stage: 'UNDER_CONSTRUCTION', registeredAt: null, constructionStartedAt: '2025-05-01' });
      const negotiating = await createProject(t, district, { stage: 'NEGOTIATING', signedAt: null });
      const produced = await move(negotiating, { to: 'IN_PRODUCTION', dates: { signedAt: '2025-01-10', productionStartedAt: '2025-08-01' } }, district);
      expect(produced.status).toBe(200);
      expect(produced.body).toMatchObject({ stage: 'IN_PRODUCTION', signedAt: '2025-01-10', registeredAt: null, constructionStartedAt: null, productionStartedAt: '2025-08-01' });
    });

    it.each([
      ['without the new stage’s date', { to: 'REGISTERED', dates: {} }, [['dates.registeredAt', '项目处于“已注册落地”阶段，必须填写注册日期']]],
      ['with a date before the previous one', { to: 'UNDER_CONSTRUCTION', dates: { constructionStartedAt: '2025-02-01' } }, [['dates.constructionStartedAt', '开工日期（2025-02-01）不能早于签约日期（2025-03-01）']]],
      ['with a date in the future', { to: 'REGISTERED', dates: { registeredAt: TOMORROW } }, [['dates.registeredAt', `注册日期不能晚于今天（${TODAY}）`]]],
      ['with a date of a later stage', { to: 'REGISTERED', dates: { registeredAt: '2025-04-01', productionStartedAt: '2025-05-01' } }, [['dates.productionStartedAt', '移至“已注册落地”时不应填写投产日期']]],
      ['to the stage it is in', { to: 'SIGNED', dates: {} }, [['to', '项目已处于“已签约”阶段']]],
      ['to a stage that does not exist', { to: 'DONE', dates: {} }, [['to', expect.stringMatching(/^目标阶段必须是以下之一/)]]],
      ['to 已终止 without a reason', { to: 'TERMINATED', dates: { terminatedAt: '2025-06-01' } }, [['terminationReason', '终止项目必须填写终止原因']]],
      ['to 已终止 before the signing', { to: 'TERMINATED', dates: { terminatedAt: '2025-01-01' }, terminationReason: '投资方撤资' }, [['dates.terminatedAt', '终止日期（2025-01-01）不能早于签约日期（2025-03-01）']]],
      ['forward with a termination reason', { to: 'REGISTERED', dates: { registeredAt: '2025-04-01' }, terminationReason: '无' }, [['terminationReason', '只有终止项目时才填写终止原因']]],
    ])('refuses a move %s with 400, changing nothing', async (_case, body, expected) => {
      const p = await createProject(t, district);
      const response = await move(p, body, district);
      expect(response.status).toBe(400);
      expect(response.body.details?.map((d) => [d.field, d.message])).toEqual(expected);
      const [row] = await t.query<{ stage: string; version: number }>('SELECT stage, version FROM projects WHERE id = $1', [p.id]);
      expect(row).toEqual({ stage: 'SIGNED', version: 1 });
    });

    it('terminates from any stage with a reason and a date not before the signing', async () => {
      for (const stage of ['NEGOTIATING', 'SIGNED', 'UNDER_CONSTRUCTION'] as const) {
        const p = await createProject(t, district, stage === 'NEGOTIATING' ? { stage, signedAt: null } : stage === 'UNDER_CONSTRUCTION' ? { stage, constructionStartedAt: '2025-05-01' } : { stage });
        const response = await move(p, { to: 'TERMINATED', dates: { terminatedAt: '2025-06-01' }, terminationReason: '  投资方资金链断裂 ' }, district);
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ stage: 'TERMINATED', terminatedAt: '2025-06-01', terminationReason: '投资方资金链断裂' });
        if (stage === 'UNDER_CONSTRUCTION') expect(response.body.constructionStartedAt).toBe('2025-05-01');
      }
    });

    describe('moving back is a correction: city staff or admin only, with a reason, in the audit log', () => {
      let p: ProjectDetailDto;
      beforeEach(async () => {
        p = await createProject(t, district, { stage: 'UNDER_CONSTRUCTION', registeredAt: '2025-04-01', constructionStartedAt: '2025-05-01' });
      });

      it('refuses district staff with 403 and a clear message, even in their own region', async () => {
        const response = await move(p, { to: 'SIGNED', dates: {}, reason: '录入错误' }, district);
        expect(response.status).toBe(403);
        expect(response.body).toMatchObject({ error: 'FORBIDDEN', message: '从“开工在建”退回“已签约”属于更正，只有市级人员或管理员可以操作' });
      });

      it('refuses leaders, who change nothing', async () => {
        const leader = (await t.userToken('LEADER')).token;
        expect((await move(p, { to: 'SIGNED', dates: {}, reason: '录入错误' }, leader)).status).toBe(403);
      });

      it('asks city staff for a reason', async () => {
        const response = await move(p, { to: 'SIGNED', dates: {} }, city);
        expect(response.status).toBe(400);
        expect(response.body.details).toEqual([{ field: 'reason', message: '退回阶段（更正）必须填写原因' }]);
      });

      it.each([['CITY_STAFF'], ['ADMIN']])('lets %s correct, clearing the later dates and recording the reason', async (role) => {
        const token = role === 'ADMIN' ? admin : city;
        const response = await move(p, { to: 'SIGNED', dates: {}, reason: '开工日期录入错误' }, token);
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ stage: 'SIGNED', signedAt: '2025-03-01', registeredAt: null, constructionStartedAt: null, version: 2 });
        const history = await t.request<Page<AuditEntryDto>>('GET', `/api/v1/projects/${p.id}/history`, { token: district });
        expect(history.body.items[0]).toMatchObject({
          action: 'UPDATE',
          before: { stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-05-01' },
          after: { stage: 'SIGNED', constructionStartedAt: null, correctionReason: '开工日期录入错误' },
        });
      });

      it('takes a terminated project back (a correction too)', async () => {
        const terminated = await move(p, { to: 'TERMINATED', dates: { terminatedAt: '2025-06-01' }, terminationReason: '误操作' }, district);
        expect((await move(terminated.body, { to: 'UNDER_CONSTRUCTION', dates: {}, reason: '终止有误' }, district)).status).toBe(403);
        const restored = await move(terminated.body, { to: 'UNDER_CONSTRUCTION', dates: {}, reason: '终止有误' }, city);
        expect(restored.status).toBe(200);
        expect(restored.body).toMatchObject({ stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-05-01', terminatedAt: null, terminationReason: null });
      });
    });

    it('answers a move based on a stale version with 409', async () => {
      const p = await createProject(t, district);
      expect((await move(p, { to: 'REGISTERED', dates: { registeredAt: '2025-04-01' } }, district)).status).toBe(200);
      const stale = await move(p, { to: 'UNDER_CONSTRUCTION', dates: { constructionStartedAt: '2025-05-01' } }, district);
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ error: 'VERSION_CONFLICT', message: '该项目已被他人修改（当前版本 2，您提交的是版本 1），请刷新后重试' });
    });
  });

  describe('editing (PATCH)', () => {
    const patch = (id: string, body: unknown, token = district) => t.request<Reply>('PATCH', `/api/v1/projects/${id}`, { token, body });

    it('changes fields, re-checks milestone dates against the current stage, and refuses stale versions', async () => {
      const p = await createProject(t, district, { stage: 'REGISTERED', registeredAt: '2025-04-01' });
      const edited = await patch(p.id, { contractAmountWan: '1350', registeredAt: '2025-03-15', leadOfficial: '张三', version: 1 });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ contractAmountWan: '1350.00', registeredAt: '2025-03-15', leadOfficial: '张三', stage: 'REGISTERED', version: 2 });

      const early = await patch(p.id, { registeredAt: '2025-02-01', version: 2 });
      expect(early.body.details).toEqual([{ field: 'registeredAt', message: '注册日期（2025-02-01）不能早于签约日期（2025-03-01）' }]);
      const ahead = await patch(p.id, { constructionStartedAt: '2025-05-01', version: 2 });
      expect(ahead.body.details).toEqual([{ field: 'constructionStartedAt', message: '项目尚未到“开工在建”阶段，不应填写开工日期' }]);
      const cleared = await patch(p.id, { registeredAt: null, version: 2 });
      expect(cleared.body.details).toEqual([{ field: 'registeredAt', message: '项目处于“已注册落地”阶段，必须填写注册日期' }]);

      const stale = await patch(p.id, { notes: '晚到的修改', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toBe('VERSION_CONFLICT');
      const [row] = await t.query<{ notes: string | null; version: number }>('SELECT notes, version FROM projects WHERE id = $1', [p.id]);
      expect(row).toEqual({ notes: null, version: 2 });
    });

    it.each([
      [{ stage: 'IN_PRODUCTION' }, 'stage', '不允许的字段：stage'],
      [{ regionCode: '150502' }, 'regionCode', '不允许的字段：regionCode'],
      [{ parentProjectNo: '150525-2025-0001' }, 'parentProjectNo', '不允许的字段：parentProjectNo'],
      [{ name: null }, 'name', '项目名称不能为空'],
      [{ contractAmountWan: null }, 'contractAmountWan', '签约额(万元)不能为空'],
      [{ version: undefined }, 'version', '版本必须是整数'],
    ])('refuses %o', async (body, field, message) => {
      const p = await createProject(t, district);
      const response = await patch(p.id, { version: 1, ...body });
      expect(response.status).toBe(400);
      expect(response.body.details).toContainEqual({ field, message });
    });

    it('keeps the version and writes no audit row when nothing changes', async () => {
      const p = await createProject(t, district, { contractAmountWan: '800.00' });
      const same = await patch(p.id, { contractAmountWan: '800', name: p.name, version: 1 });
      expect(same.status).toBe(200);
      expect(same.body.version).toBe(1);
      expect(await t.query("SELECT action FROM audit_log WHERE entity = 'project' AND entity_id = $1", [p.id])).toEqual([{ action: 'CREATE' }]);
    });
  });

  describe('approvals checklist (手续)', () => {
    const put = (p: { id: string }, items: unknown[], version: number, token = district) =>
      t.request<Reply>('PUT', `/api/v1/projects/${p.id}/approvals`, { token, body: { items, version } });
    const all = (status: string, doneAt: string | null = null) =>
      ['FILING', 'LAND', 'PLANNING', 'ENVIRONMENT', 'ENERGY', 'CONSTRUCTION'].map((kind) => ({ kind, status, doneAt }));

    it('records statuses with dates, derives 手续办结, versions and audits the change', async () => {
      const p = await createProject(t, district);
      const partly = all('IN_PROGRESS');
      partly[0] = { kind: 'FILING', status: 'DONE', doneAt: '2025-03-10' };
      const first = await put(p, partly, 1);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ version: 2, approvalsComplete: false });
      expect(first.body.approvals[0]).toEqual({ kind: 'FILING', status: 'DONE', doneAt: '2025-03-10' });

      const done = all('DONE', '2025-04-01');
      done[4] = { kind: 'ENERGY', status: 'NOT_REQUIRED', doneAt: null };
      const second = await put(p, done, 2);
      expect(second.body).toMatchObject({ version: 3, approvalsComplete: true });
      const [history] = (await t.request<Page<AuditEntryDto>>('GET', `/api/v1/projects/${p.id}/history?limit=1`, { token: district })).body.items;
      expect((history.before as { approvals: unknown[] }).approvals[1]).toEqual({ kind: 'LAND', status: 'IN_PROGRESS', doneAt: null });
      expect((history.after as { approvals: unknown[] }).approvals[1]).toEqual({ kind: 'LAND', status: 'DONE', doneAt: '2025-04-01' });

      expect((await put(p, done, 2)).status).toBe(409);
    });

    it.each([
      ['DONE without a date', (items: Record<string, unknown>[]) => (items[0] = { kind: 'FILING', status: 'DONE', doneAt: null }), [['items[0].doneAt', '手续“立项备案/核准”已办结，必须填写办结日期']]],
      ['a date while not done', (items: Record<string, unknown>[]) => (items[1] = { kind: 'LAND', status: 'IN_PROGRESS', doneAt: '2025-03-01' }), [['items[1].doneAt', '手续“用地”未办结，不应填写办结日期']]],
      ['a date in the future', (items: Record<string, unknown>[]) => (items[2] = { kind: 'PLANNING', status: 'DONE', doneAt: TOMORROW }), [['items[2].doneAt', `手续“规划许可”的办结日期不能晚于今天（${TODAY}）`]]],
      ['a kind twice and one missing', (items: Record<string, unknown>[]) => (items[5] = { kind: 'FILING', status: 'NOT_STARTED', doneAt: null }), [['items[5].kind', '手续“立项备案/核准”重复'], ['items', '缺少手续：施工许可']]],
      ['an unknown status', (items: Record<string, unknown>[]) => (items[3] = { kind: 'ENVIRONMENT', status: 'MAYBE', doneAt: null }), [['items[3].status', expect.stringMatching(/^办理状态必须是以下之一/)]]],
    ])('refuses %s with 400', async (_case, change, expected) => {
      const p = await createProject(t, district);
      const items: Record<string, unknown>[] = all('NOT_STARTED');
      change(items);
      const response = await put(p, items, 1);
      expect(response.status).toBe(400);
      expect(response.body.details?.map((d) => [d.field, d.message])).toEqual(expected);
    });
  });

  it('reads a project with its approvals; a missing one is 404, a malformed id 400', async () => {
    const p = await createProject(t, district);
    const read = await t.request<ProjectDetailDto>('GET', `/api/v1/projects/${p.id}`, { token: district });
    expect(read.body).toEqual(p);
    const missing = await t.request<ApiErrorBody>('GET', '/api/v1/projects/00000000-0000-4000-8000-000000000000', { token: district });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('项目不存在：00000000-0000-4000-8000-000000000000');
    const malformed = await t.request<ApiErrorBody>('GET', '/api/v1/projects/abc', { token: district });
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed.body)).toEqual(['id']);
  });
});
