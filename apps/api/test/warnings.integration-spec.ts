import {
  type ApiErrorBody,
  DEFAULT_WARNING_SETTINGS,
  evaluateWarnings,
  type IssueCategory,
  type ProjectDetailDto,
  type ProjectIssueDetailDto,
  type ProjectStage,
  type ProjectWarningsResponse,
  type ReportStatus,
  shanghaiToday,
  type WarningCommitmentFact,
  WARNING_RULES,
  type WarningCountsResponse,
  type WarningFacts,
  type WarningFlagsByProject,
  type WarningListResponse,
  type WarningSettings,
  type WarningSettingsResponse,
} from '@zhaoshang/shared/domain';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/** Issue 6: 预警 — the five rules (ISSUE: issue 14) at their threshold days, the settings, the list and its counts. */
describe('warnings', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let district: string;
  let leader: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    leader = (await t.userToken('LEADER')).token;
  });
  afterAll(() => t?.stop());

  /** a unit of the list, to be responsible for the problems raised here */
  let unitId: string | null = null;
  async function aUnit(): Promise<{ id: string }> {
    unitId ??= (await t.request<{ id: string }>('POST', '/api/v1/units', { token: admin, body: { name: '市自然资源局', level: 'CITY' } })).body.id;
    return { id: unitId };
  }

  const settings = (token = leader) => t.request<WarningSettingsResponse & ApiErrorBody>('GET', '/api/v1/settings/warnings', { token });
  const putSettings = (body: unknown, token = admin) => t.request<WarningSettingsResponse & ApiErrorBody>('PUT', '/api/v1/settings/warnings', { token, body });
  const of = (id: string, date: string, token = leader) => t.request<ProjectWarningsResponse & ApiErrorBody>('GET', `/api/v1/projects/${id}/warnings?date=${date}`, { token });
  async function at(project: ProjectDetailDto, rule: string, date: string) {
    const response = await of(project.id, date);
    if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
    return response.body.items.find((w) => w.rule === rule) ?? null;
  }

  /** saves and submits (optionally verifies) a report through the API */
  async function report(project: ProjectDetailDto, month: string, figures: Record<string, string> = {}, verify = false): Promise<void> {
    const saved = await t.request('PUT', '/api/v1/monthly-reports/drafts', {
      token: admin,
      body: { regionCode: project.regionCode, month, items: [{ projectId: project.id, version: null, ...figures }] },
    });
    if (saved.status !== 200) throw new Error(`draft ${saved.status} ${JSON.stringify(saved.body)}`);
    const submitted = await t.request<{ items: { id: string; version: number }[] }>('POST', '/api/v1/monthly-reports/submit', {
      token: admin,
      body: { regionCode: project.regionCode, month, projectIds: [project.id] },
    });
    if (submitted.status !== 200) throw new Error(`submit ${submitted.status} ${JSON.stringify(submitted.body)}`);
    if (verify) {
      const verified = await t.request('POST', '/api/v1/monthly-reports/verify', { token: admin, body: { items: submitted.body.items.map(({ id, version }) => ({ id, version })) } });
      if (verified.status !== 200) throw new Error(`verify ${verified.status}`);
    }
  }

  describe('settings', () => {
    it('reads the defaults (version 0) for every role', async () => {
      for (const token of [admin, city, district, leader]) {
        expect((await settings(token)).body).toEqual({ settings: DEFAULT_WARNING_SETTINGS, version: 0 });
      }
    });

    it('lets only an admin change them', async () => {
      for (const token of [city, district, leader]) {
        expect((await putSettings({ settings: DEFAULT_WARNING_SETTINGS, version: 0 }, token)).status).toBe(403);
      }
    });

    it('rejects bad values with Chinese messages naming the field', async () => {
      const bad = { ...DEFAULT_WARNING_SETTINGS, STATS: { ...DEFAULT_WARNING_SETTINGS.STATS, yellowMonths: 3, redMonths: 2 }, REPORT: { ...DEFAULT_WARNING_SETTINGS.REPORT, yellowDay: 0 } };
      const response = await putSettings({ settings: bad, version: 0 });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        { field: 'settings.STATS.redMonths', message: '开工未入库：开工后转红色（2）不能小于开工后转黄色（3）' },
        { field: 'settings.REPORT.yellowDay', message: '月报未报送：次月几日后转黄色应为 1 至 28 之间的整数（日）' },
      ]);
      const typed = await putSettings({ settings: { ...DEFAULT_WARNING_SETTINGS, FUNDS: { yellowMonths: '3', redMonths: 6 } }, version: 0 });
      expect(typed.body.details).toEqual([{ field: 'settings.FUNDS.yellowMonths', message: '开工后资金未到位：无资金到位转黄色应为 1 至 36 之间的整数（个月）' }]);
      expect((await putSettings({ settings: 'x', version: 0 })).body.details).toEqual([{ field: 'settings', message: '预警设置应为对象' }]);
      expect((await putSettings({ settings: DEFAULT_WARNING_SETTINGS })).body.details).toEqual([{ field: 'version', message: '版本必须是整数' }]);
      expect((await settings()).body.version).toBe(0);
    });
  });

  describe('rules at their threshold days (defaults)', () => {
    it('START without a planned month: none the day before 6 months after signing, yellow on it, red at 12 months', async () => {
      const p = await createProject(t, admin, { signedAt: '2025-03-15' });
      expect(await at(p, 'START', '2025-09-14')).toBeNull();
      expect(await at(p, 'START', '2025-09-15')).toEqual({ rule: 'START', level: 'YELLOW', since: '2025-09-15', message: '签约（2025-03-15）已满 6 个月，仍未开工' });
      expect((await at(p, 'START', '2026-03-14'))?.level).toBe('YELLOW');
      expect(await at(p, 'START', '2026-03-15')).toEqual({ rule: 'START', level: 'RED', since: '2026-03-15', message: '签约（2025-03-15）已满 12 个月，仍未开工' });
    });

    it('START with a planned month: yellow from the first day after it, red 3 months past it', async () => {
      const p = await createProject(t, admin, { signedAt: '2025-01-20', stage: 'REGISTERED', registeredAt: '2025-02-01', plannedStartMonth: '2025-06' });
      expect(await at(p, 'START', '2025-06-30')).toBeNull();
      expect(await at(p, 'START', '2025-07-01')).toMatchObject({ level: 'YELLOW', since: '2025-07-01', message: '计划开工月份（2025年6月）已过，仍未开工' });
      expect((await at(p, 'START', '2025-09-30'))?.level).toBe('YELLOW');
      expect(await at(p, 'START', '2025-10-01')).toMatchObject({ level: 'RED', since: '2025-10-01', message: '计划开工月份（2025年6月）已过 3 个月，仍未开工' });
    });

    it('STATS: started with planned investment ≥ 500 万 and not 入库: yellow a month after the start, red after two', async () => {
      const p = await createProject(t, admin, { signedAt: '2025-03-01', stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-05-31', plannedInvestmentWan: '500' });
      const small = await createProject(t, admin, { signedAt: '2025-03-01', stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-05-31', plannedInvestmentWan: '499.99' });
      expect(await at(p, 'STATS', '2025-06-29')).toBeNull();
      expect(await at(p, 'STATS', '2025-06-30')).toMatchObject({ level: 'YELLOW', since: '2025-06-30', message: '开工（2025-05-31）已满 1 个月，仍未入库' });
      expect((await at(p, 'STATS', '2025-07-30'))?.level).toBe('YELLOW');
      expect(await at(p, 'STATS', '2025-07-31')).toMatchObject({ level: 'RED', since: '2025-07-31', message: '开工（2025-05-31）已满 2 个月，仍未入库' });
      expect(await at(small, 'STATS', '2026-01-01')).toBeNull();
    });

    it('FUNDS: 3 months after the start without arrivals yellow, 6 red; a submitted arrival restarts the clock from its month', async () => {
      const p = await createProject(t, admin, { signedAt: '2025-03-01', stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-04-10' });
      expect(await at(p, 'FUNDS', '2025-07-09')).toBeNull();
      expect(await at(p, 'FUNDS', '2025-07-10')).toMatchObject({ level: 'YELLOW', since: '2025-07-10', message: '开工（2025-04-10）已满 3 个月，无资金到位' });
      expect(await at(p, 'FUNDS', '2025-10-10')).toMatchObject({ level: 'RED', since: '2025-10-10' });
      await report(p, '2025-05', { arrivedLoanWan: '0.01' });
      expect(await at(p, 'FUNDS', '2025-08-31')).toBeNull();
      expect(await at(p, 'FUNDS', '2025-09-01')).toMatchObject({ level: 'YELLOW', since: '2025-09-01', message: '最近一次资金到位在2025年5月，此后已满 3 个月无资金到位' });
      expect(await at(p, 'FUNDS', '2025-11-30')).toMatchObject({ level: 'YELLOW' });
      expect(await at(p, 'FUNDS', '2025-12-01')).toMatchObject({ level: 'RED', since: '2025-12-01', message: '最近一次资金到位在2025年5月，此后已满 6 个月无资金到位' });
    });

    it('REPORT: the oldest unsubmitted month decides; yellow after the 10th of the next month, red after its last day', async () => {
      const p = await createProject(t, admin, { signedAt: '2025-03-15' });
      for (const month of ['2025-03', '2025-04', '2025-05']) await report(p, month, {}, month === '2025-04');
      // a draft does not count as submitted
      await t.request('PUT', '/api/v1/monthly-reports/drafts', { token: admin, body: { regionCode: '150525', month: '2025-06', items: [{ projectId: p.id, version: null, arrivedEquityWan: '1' }] } });
      expect(await at(p, 'REPORT', '2025-07-10')).toBeNull();
      expect(await at(p, 'REPORT', '2025-07-11')).toEqual({ rule: 'REPORT', level: 'YELLOW', since: '2025-07-11', message: '2025年6月月报未报送' });
      expect((await at(p, 'REPORT', '2025-07-31'))?.level).toBe('YELLOW');
      expect(await at(p, 'REPORT', '2025-08-01')).toMatchObject({ level: 'RED', since: '2025-08-01', message: '2025年6月月报未报送' });
      expect(await at(p, 'REPORT', '2025-08-11')).toMatchObject({ level: 'RED', message: '2025年6月月报未报送（共 2 个月未报送）' });
    });

    it('ISSUE: yellow on the due date of the problem due first, red 15 days after; judged on a past day by what was open then', async () => {
      const p = await createProject(t, admin, { signedAt: '2025-03-01', regionCode: '150502' });
      const unit = await aUnit();
      const raise = async (category: IssueCategory, raisedAt: string, dueAt: string) => {
        const response = await t.request<ProjectIssueDetailDto>('POST', '/api/v1/project-issues', { token: admin, body: { projectId: p.id, category, description: `${category}问题`, unitId: unit.id, raisedAt, dueAt } });
        if (response.status !== 201) throw new Error(`raise ${response.status} ${JSON.stringify(response.body)}`);
        return response.body;
      };
      const land = await raise('LAND', '2025-04-01', '2025-05-01');
      await raise('FINANCING', '2025-04-20', '2025-05-20');
      expect(await at(p, 'ISSUE', '2025-04-30')).toBeNull();
      expect(await at(p, 'ISSUE', '2025-05-01')).toEqual({ rule: 'ISSUE', level: 'YELLOW', since: '2025-05-01', message: '1个问题今日到期仍未解决（用地）' });
      expect(await at(p, 'ISSUE', '2025-05-15')).toMatchObject({ level: 'YELLOW', message: '1个问题超期未解决，最长超期14天（用地）' });
      expect(await at(p, 'ISSUE', '2025-05-16')).toEqual({ rule: 'ISSUE', level: 'RED', since: '2025-05-16', message: '1个问题超期未解决，最长超期15天（用地）' });
      expect(await at(p, 'ISSUE', '2025-05-25')).toMatchObject({ level: 'RED', message: '2个问题超期未解决，最长超期24天（用地）' });
      // the land problem resolved on 06-01: before that day the past still shows it, from it the financing one decides
      const closed = await t.request('POST', `/api/v1/project-issues/${land.id}/status`, { token: admin, body: { status: 'RESOLVED', note: '指标已落实', at: '2025-06-01', version: land.version } });
      expect(closed.status).toBe(200);
      expect(await at(p, 'ISSUE', '2025-05-31')).toMatchObject({ level: 'RED', since: '2025-05-16', message: '2个问题超期未解决，最长超期30天（用地）' });
      expect(await at(p, 'ISSUE', '2025-06-01')).toEqual({ rule: 'ISSUE', level: 'YELLOW', since: '2025-05-20', message: '1个问题超期未解决，最长超期12天（融资）' });
      expect(await at(p, 'ISSUE', '2025-06-04')).toMatchObject({ level: 'RED', since: '2025-06-04' });
      const list = await t.request<WarningListResponse>('GET', '/api/v1/warnings?date=2025-06-04&rule=ISSUE&regionCode=150502', { token: district });
      expect(list.body.items.map((w) => [w.projectId, w.level, w.message])).toEqual([[p.id, 'RED', '1个问题超期未解决，最长超期15天（融资）']]);
      expect(list.body.counts.byRule.ISSUE).toEqual({ RED: 1, YELLOW: 0 });
      const flags = await t.request<WarningFlagsByProject>('GET', `/api/v1/warnings/by-projects?ids=${p.id}`, { token: leader });
      expect(flags.body[p.id]).toContainEqual({ rule: 'ISSUE', level: 'RED' });
      // a terminated project gets no warning for its open problems
      await t.query(`UPDATE projects SET stage = 'TERMINATED', terminated_at = '2025-07-01', termination_reason = '撤资' WHERE id = $1`, [p.id]);
      expect(await at(p, 'ISSUE', '2025-06-04')).toBeNull();
    });

    it('gives terminated and negotiating projects none', async () => {
      const ended = await createProject(t, admin, { signedAt: '2024-01-05', stage: 'TERMINATED', terminatedAt: '2024-03-01', terminationReason: '投资方撤资' });
      const talking = await createProject(t, admin, { stage: 'NEGOTIATING', signedAt: null });
      expect((await of(ended.id, '2026-01-01')).body.items).toEqual([]);
      expect((await of(talking.id, '2026-01-01')).body.items).toEqual([]);
    });
  });

  describe('the list', () => {
    let red: ProjectDetailDto;
    let yellow: ProjectDetailDto;
    beforeAll(async () => {
      red = await createProject(t, admin, { regionCode: '150581', signedAt: '2024-01-10' });
      yellow = await createProject(t, admin, { regionCode: '150581', signedAt: '2024-01-10', plannedStartMonth: '2024-04' });
    });
    const list = (query: string, token = leader) => t.request<WarningListResponse & ApiErrorBody>('GET', `/api/v1/warnings${query}`, { token });

    it('filters by region, rule and level, pages, and counts the whole day per region and rule', async () => {
      const response = await list('?date=2024-06-01&regionCode=150581&rule=START');
      expect(response.status).toBe(200);
      expect(response.body.date).toBe('2024-06-01');
      expect(response.body.total).toBe(1);
      expect(response.body.items).toEqual([
        { projectId: yellow.id, projectNo: yellow.projectNo, projectName: yellow.name, regionCode: '150581', regionName: '霍林郭勒市', rule: 'START', level: 'YELLOW', since: '2024-05-01', message: '计划开工月份（2024年4月）已过，仍未开工' },
      ]);
      const huo = response.body.counts.byRegion.find((r) => r.regionCode === '150581');
      expect(huo).toEqual({ regionCode: '150581', regionName: '霍林郭勒市', RED: 2, YELLOW: 1 }); // `yellow`'s START; both REPORT red (January unreported)
      expect(response.body.counts.byRegion).toHaveLength(9);
      expect(response.body.counts.byRule.START).toEqual({ RED: 0, YELLOW: 1 });

      const later = await list('?date=2025-02-01&regionCode=150581&level=RED&pageSize=1');
      expect(later.body.total).toBe(4); // both START and both REPORT are red by then
      expect(later.body.items).toHaveLength(1);
      const page2 = await list('?date=2025-02-01&regionCode=150581&level=RED&pageSize=1&page=2');
      expect(page2.body.items[0]).not.toEqual(later.body.items[0]);
      expect((await list('?date=2025-02-01&regionCode=150581&rule=START')).body.items.map((i) => [i.projectId, i.level])).toEqual([
        [yellow.id, 'RED'],
        [red.id, 'RED'],
      ]);
    });

    it('defaults to today, refuses a future or invalid date naming `date`, and serves API keys with the read scope', async () => {
      expect((await list('')).body.date).toBe(shanghaiToday());
      const future = await list('?date=2999-01-01');
      expect(future.status).toBe(400);
      expect(future.body.details).toEqual([{ field: 'date', message: `日期不能晚于今天（${shanghaiToday()}）` }]);
      expect((await list('?date=2025-02-30')).body.details).toEqual([{ field: 'date', message: '日期应为有效日期（YYYY-MM-DD）' }]);
      expect((await list('?rule=X')).status).toBe(400);
      const key = await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '统计局', scopes: ['read'] } });
      expect((await t.request('GET', '/api/v1/warnings?date=2025-02-01', { apiKey: key.body.key })).status).toBe(200);
      expect((await t.request('GET', `/api/v1/projects/${red.id}/warnings`, { apiKey: key.body.key })).status).toBe(403);
    });

    it('GET /warnings/counts gives the list’s counts of a day alone, and checks its date the same way', async () => {
      const counts = (query: string, token = leader) => t.request<WarningCountsResponse & ApiErrorBody>('GET', `/api/v1/warnings/counts${query}`, { token });
      for (const day of ['2024-06-01', '2024-06-10', '2024-06-11', '2025-02-01', '2025-02-28', shanghaiToday()]) {
        const answer = await counts(`?date=${day}`, district);
        expect({ day, status: answer.status, body: answer.body }).toEqual({ day, status: 200, body: { date: day, counts: (await list(`?date=${day}&pageSize=1`)).body.counts } });
      }
      expect((await counts('?date=2024-06-01')).body.counts.byRegion.find((r) => r.regionCode === '150581')).toEqual({ regionCode: '150581', regionName: '霍林郭勒市', RED: 2, YELLOW: 1 });
      expect((await counts('')).body.date).toBe(shanghaiToday());
      expect((await counts('?date=2999-01-01')).body.details).toEqual([{ field: 'date', message: `日期不能晚于今天（${shanghaiToday()}）` }]);
      expect((await counts('?date=2025-02-30')).status).toBe(400);
      const key = await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '统计局计数', scopes: ['read'] } });
      expect((await t.request('GET', '/api/v1/warnings/counts', { apiKey: key.body.key })).status).toBe(200);
    });

    it('gives flags of up to 200 projects for the project list', async () => {
      const flags = await t.request<WarningFlagsByProject & ApiErrorBody>('GET', `/api/v1/warnings/by-projects?ids=${red.id},${yellow.id}`, { token: district });
      expect(flags.status).toBe(200);
      expect(flags.body[red.id]).toEqual([
        { rule: 'START', level: 'RED' },
        { rule: 'REPORT', level: 'RED' },
      ]);
      const many = Array.from({ length: 201 }, () => red.id).join(',');
      expect((await t.request<ApiErrorBody>('GET', `/api/v1/warnings/by-projects?ids=${many}`, { token: leader })).body.details).toEqual([{ field: 'ids', message: '项目最多 200 个' }]);
      expect((await t.request<ApiErrorBody>('GET', '/api/v1/warnings/by-projects?ids=abc', { token: leader })).status).toBe(400);
      expect((await t.request('GET', '/api/v1/projects/00000000-0000-4000-8000-000000000000/warnings', { token: leader })).status).toBe(404);
    });
  });

  describe('changed settings', () => {
    it('are saved with an audit row, followed by the evaluation, and a stale version is 409', async () => {
      const p = await createProject(t, admin, { signedAt: '2025-03-15' });
      expect(await at(p, 'START', '2025-05-15')).toBeNull();
      const changed: WarningSettings = {
        ...DEFAULT_WARNING_SETTINGS,
        START: { ...DEFAULT_WARNING_SETTINGS.START, yellowMonthsAfterSigning: 2, redMonthsAfterSigning: 4 },
        REPORT: { yellowDay: 20, redMonths: 2, monthsAfterProduction: 3 },
      };
      const saved = await putSettings({ settings: changed, version: 0 });
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({ settings: changed, version: 1 });
      const [audit] = await t.query<{ entity: string; entity_id: string; action: string; before: unknown; after: unknown }>(
        `SELECT entity, entity_id, action, before, after FROM audit_log WHERE entity = 'setting' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit).toEqual({ entity: 'setting', entity_id: 'warnings', action: 'CREATE', before: null, after: changed });

      expect(await at(p, 'START', '2025-05-14')).toBeNull();
      expect(await at(p, 'START', '2025-05-15')).toMatchObject({ level: 'YELLOW', message: '签约（2025-03-15）已满 2 个月，仍未开工' });
      expect(await at(p, 'START', '2025-07-15')).toMatchObject({ level: 'RED', message: '签约（2025-03-15）已满 4 个月，仍未开工' });
      expect(await at(p, 'REPORT', '2025-04-20')).toBeNull();
      expect(await at(p, 'REPORT', '2025-04-21')).toMatchObject({ level: 'YELLOW', since: '2025-04-21' });
      expect(await at(p, 'REPORT', '2025-05-31')).toMatchObject({ level: 'YELLOW' });
      expect(await at(p, 'REPORT', '2025-06-01')).toMatchObject({ level: 'RED', since: '2025-06-01' });

      const stale = await putSettings({ settings: DEFAULT_WARNING_SETTINGS, version: 0 });
      expect(stale.status).toBe(409);
      expect(stale.body.message).toContain('预警设置已被他人修改');
      const back = await putSettings({ settings: DEFAULT_WARNING_SETTINGS, version: 1 });
      expect(back.body).toEqual({ settings: DEFAULT_WARNING_SETTINGS, version: 2 });
      expect(await at(p, 'START', '2025-05-15')).toBeNull();

      // settings saved before the ISSUE rule existed stay valid: its section is the defaults
      await t.query(`UPDATE settings SET value = value - 'ISSUE' WHERE key = 'warnings'`);
      expect((await settings()).body).toEqual({ settings: DEFAULT_WARNING_SETTINGS, version: 2 });
    });
  });

  describe('SQL and the pure rules agree', () => {
    it('on generated projects at several days, with default and changed settings', async () => {
      let seed = 20261123;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
      const day = (base: string, days: number) => new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      const monthAfter = (m: string, n: number) => {
        const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + n;
        return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
      };
      const today = shanghaiToday();
      const stages: ProjectStage[] = ['NEGOTIATING', 'SIGNED', 'REGISTERED', 'UNDER_CONSTRUCTION', 'UNDER_CONSTRUCTION', 'IN_PRODUCTION', 'TERMINATED'];
      const generated: { projectId: string; month: string; equity: number; loan: number; status: ReportStatus }[] = [];
      const problems: { projectId: string; category: IssueCategory; raisedAt: string; dueAt: string; closedAt: string | null }[] = [];
      const categories: IssueCategory[] = ['LAND', 'PLANNING', 'EIA', 'UTILITIES', 'FINANCING', 'OTHER'];
      const promises: { projectId: string; type: string; recordedAt: string; dueAt: string; status: string; honouredAt: string | null; withdrawnAt: string | null }[] = [];
      for (let i = 0; i < 80; i += 1) {
        const stage = pick(stages);
        const signedAt = stage === 'NEGOTIATING' ? null : day('2024-01-01', Math.floor(rnd() * 880));
        const start = signedAt && (stage === 'UNDER_CONSTRUCTION' || stage === 'IN_PRODUCTION') ? day(signedAt, Math.floor(rnd() * 300)) : null;
        const skipped = stage === 'IN_PRODUCTION' && rnd() < 0.3;
        const [row] = await t.query<{ id: string }>(
          `INSERT INTO projects (project_no, name, region_code, industry_code, investor_name, investor_origin, contract_amount_wan, planned_investment_wan, stage,
             signed_at, construction_started_at, production_started_at, terminated_at, termination_reason, planned_start_month, stats_registered, version)
           VALUES ($1, $2, $3, 'NE', '生成投资方', 'OUT_OF_REGION', 1000, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1) RETURNING id`,
          [
            `GEN-${i}`,
            `生成项目${i}`,
            pick(['150502', '150521', '150525', '150571']),
            pick([null, '300.00', '500.00', '800.50']),
            stage,
            signedAt,
            skipped ? null : start,
            stage === 'IN_PRODUCTION' && start ? day(start, 30) : null,
            stage === 'TERMINATED' ? day(signedAt as string, 40) : null,
            stage === 'TERMINATED' ? '生成' : null,
            signedAt && rnd() < 0.4 ? monthAfter(signedAt.slice(0, 7), Math.floor(rnd() * 10) - 2) : null,
            rnd() < 0.3,
          ],
        );
        if (!signedAt) continue;
        // 0–3 problems, some due the same day (the tie), some closed before, on or after the days compared
        for (let k = Math.floor(rnd() * 4); k > 0; k -= 1) {
          const raisedAt = day(signedAt, Math.floor(rnd() * 400));
          const dueAt = rnd() < 0.2 && problems.length > 0 && problems[problems.length - 1].projectId === row.id ? problems[problems.length - 1].dueAt : day(raisedAt, Math.floor(rnd() * 60));
          const closedAt = rnd() < 0.5 ? day(raisedAt > dueAt ? raisedAt : dueAt, Math.floor(rnd() * 90) - 30) : null;
          problems.push({ projectId: row.id, category: pick(categories), raisedAt: raisedAt > today ? today : raisedAt, dueAt: dueAt < raisedAt ? raisedAt : dueAt, closedAt: closedAt && closedAt < raisedAt ? raisedAt : closedAt });
        }
        // 0–2 commitments (issue 15): open, partly honoured (its date does not close it), honoured or withdrawn
        for (let k = Math.floor(rnd() * 3); k > 0; k -= 1) {
          const recorded = day(signedAt, Math.floor(rnd() * 400));
          const recordedAt = recorded > today ? today : recorded;
          const dueAt = day(recordedAt, Math.floor(rnd() * 120) - 40);
          const status = pick(['PENDING', 'PARTIAL', 'HONOURED', 'WITHDRAWN']);
          const closed = day(dueAt, Math.floor(rnd() * 80) - 20);
          const at = closed > today ? today : closed;
          promises.push({ projectId: row.id, type: pick(['LAND', 'TAX', 'SUBSIDY', 'OTHER']), recordedAt, dueAt, status, honouredAt: status === 'PARTIAL' || status === 'HONOURED' ? at : null, withdrawnAt: status === 'WITHDRAWN' ? at : null });
        }
        for (let m = signedAt.slice(0, 7); m < today.slice(0, 7); m = monthAfter(m, 1)) {
          if (rnd() < 0.2) continue;
          generated.push({ projectId: row.id, month: m, equity: rnd() < 0.7 ? 0 : 12.5, loan: rnd() < 0.9 ? 0 : 3, status: pick<ReportStatus>(['VERIFIED', 'VERIFIED', 'SUBMITTED', 'DRAFT', 'RETURNED']) });
        }
      }
      await t.query(
        `INSERT INTO monthly_reports (project_id, month, arrived_equity_wan, arrived_loan_wan, status, return_reason, version)
         SELECT r.project_id, r.month, r.equity, r.loan, r.status::report_status, CASE WHEN r.status = 'RETURNED' THEN '有误' END, 1
         FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::numeric[], $5::text[]) AS r(project_id, month, equity, loan, status)`,
        [generated.map((g) => g.projectId), generated.map((g) => g.month), generated.map((g) => g.equity), generated.map((g) => g.loan), generated.map((g) => g.status)],
      );

      const unit = await aUnit();
      await t.query(
        `INSERT INTO project_issues (project_id, category, description, raised_at, raised_by_name, unit_id, due_at, status, resolution, closed_at, version)
         SELECT i.project_id, i.category::issue_category, '生成问题', i.raised_at, '生成', $6, i.due_at,
           (CASE WHEN i.closed_at IS NULL THEN 'IN_PROGRESS' ELSE 'RESOLVED' END)::issue_status, CASE WHEN i.closed_at IS NOT NULL THEN '已办结' END, i.closed_at, 1
         FROM unnest($1::uuid[], $2::text[], $3::date[], $4::date[], $5::date[]) AS i(project_id, category, raised_at, due_at, closed_at)`,
        [problems.map((i) => i.projectId), problems.map((i) => i.category), problems.map((i) => i.raisedAt), problems.map((i) => i.dueAt), problems.map((i) => i.closedAt), unit.id],
      );
      await t.query(
        `INSERT INTO policy_commitments (project_id, type, content, due_at, unit_id, status, honoured_amount_wan, honoured_at, withdrawn_at, withdrawn_reason, recorded_at, version)
         SELECT c.project_id, c.type::commitment_type, '生成承诺', c.due_at, $8, c.status::commitment_status, CASE WHEN c.honoured_at IS NULL THEN 0 ELSE 10 END,
           c.honoured_at, c.withdrawn_at, CASE WHEN c.status = 'WITHDRAWN' THEN '生成' END, c.recorded_at, 1
         FROM unnest($1::uuid[], $2::text[], $3::date[], $4::date[], $5::text[], $6::date[], $7::date[]) AS c(project_id, type, recorded_at, due_at, status, honoured_at, withdrawn_at)`,
        [
          promises.map((c) => c.projectId), promises.map((c) => c.type), promises.map((c) => c.recordedAt), promises.map((c) => c.dueAt),
          promises.map((c) => c.status), promises.map((c) => c.honouredAt), promises.map((c) => c.withdrawnAt), unit.id,
        ],
      );
      const projects = await t.query<WarningFacts & { id: string }>(
        `SELECT id, stage, to_char(signed_at, 'YYYY-MM-DD') AS "signedAt", planned_start_month AS "plannedStartMonth",
           to_char(construction_started_at, 'YYYY-MM-DD') AS "constructionStartedAt", to_char(production_started_at, 'YYYY-MM-DD') AS "productionStartedAt",
           planned_investment_wan::text AS "plannedInvestmentWan", stats_registered AS "statsRegistered" FROM projects`,
      );
      const reports = await t.query<{ projectId: string; month: string; status: ReportStatus; arrivedTotalWan: string }>(
        `SELECT project_id AS "projectId", month, status, (arrived_equity_wan + arrived_loan_wan + arrived_other_wan)::text AS "arrivedTotalWan" FROM monthly_reports`,
      );
      const issues = await t.query<{ projectId: string; category: IssueCategory; raisedAt: string; dueAt: string; closedAt: string | null }>(
        `SELECT project_id AS "projectId", category, to_char(raised_at, 'YYYY-MM-DD') AS "raisedAt", to_char(due_at, 'YYYY-MM-DD') AS "dueAt", to_char(closed_at, 'YYYY-MM-DD') AS "closedAt" FROM project_issues`,
      );
      const commitments = await t.query<WarningCommitmentFact & { projectId: string }>(
        `SELECT project_id AS "projectId", type, to_char(recorded_at, 'YYYY-MM-DD') AS "recordedAt", to_char(due_at, 'YYYY-MM-DD') AS "dueAt",
           to_char(CASE status WHEN 'HONOURED' THEN honoured_at WHEN 'WITHDRAWN' THEN withdrawn_at END, 'YYYY-MM-DD') AS "closedAt" FROM policy_commitments`,
      );
      const facts = projects.map((p) => ({
        ...p,
        reports: reports.filter((r) => r.projectId === p.id),
        issues: issues.filter((i) => i.projectId === p.id),
        commitments: commitments.filter((c) => c.projectId === p.id),
      }));
      // the comparison must see the rule at work, in both colours and on a day some problems were closed after
      const dates = ['2024-03-31', '2024-11-11', '2025-03-10', '2025-07-11', '2025-12-31', '2026-06-01', today];
      const seen = facts.flatMap((f) => dates.flatMap((date) => evaluateWarnings(f, DEFAULT_WARNING_SETTINGS, date).filter((w) => w.rule === 'ISSUE').map((w) => w.level)));
      expect(new Set(seen)).toEqual(new Set(['RED', 'YELLOW']));
      const seenPolicy = facts.flatMap((f) => dates.flatMap((date) => evaluateWarnings(f, DEFAULT_WARNING_SETTINGS, date).filter((w) => w.rule === 'POLICY').map((w) => w.level)));
      expect(new Set(seenPolicy)).toEqual(new Set(['RED', 'YELLOW']));
      expect(facts.some((f) => f.issues.some((i) => i.closedAt !== null && dates.some((date) => i.raisedAt <= date && i.closedAt !== null && i.closedAt > date)))).toBe(true);

      async function compare(s: WarningSettings) {
        for (const date of dates) {
          // by the project too (the detail's card and the list's dots read it)
          const one = facts.find((f) => f.issues.length > 1 && f.stage !== 'TERMINATED');
          if (one) {
            const own = await t.request<ProjectWarningsResponse>('GET', `/api/v1/projects/${one.id}/warnings?date=${date}`, { token: leader });
            expect(own.body.items).toEqual(evaluateWarnings(one, s, date));
          }
          const expected = facts
            .flatMap((f) => evaluateWarnings(f, s, date).map((w) => `${f.id} ${w.rule} ${w.level} ${w.since} ${w.message}`))
            .sort();
          const actual: string[] = [];
          for (let page = 1; ; page += 1) {
            const response = await t.request<WarningListResponse>('GET', `/api/v1/warnings?date=${date}&pageSize=200&page=${page}`, { token: leader });
            actual.push(...response.body.items.map((w) => `${w.projectId} ${w.rule} ${w.level} ${w.since} ${w.message}`));
            if (response.body.items.length < 200) break;
          }
          expect({ date, warnings: actual.sort() }).toEqual({ date, warnings: expected });
        }
        // GET /warnings/counts (issue 17: each rule's last base date reaching the day, no threshold per
        // project) against the pure rules, on these days and on month ends and yellow days besides
        for (const date of [...dates, '2024-02-29', '2024-04-30', '2025-02-28', '2025-05-10', '2025-05-11', '2025-08-31', '2025-11-30']) {
          const expected = Object.fromEntries(WARNING_RULES.map((rule) => [rule, { RED: 0, YELLOW: 0 }]));
          for (const f of facts) for (const w of evaluateWarnings(f, s, date)) expected[w.rule][w.level] += 1;
          const counts = await t.request<WarningCountsResponse>('GET', `/api/v1/warnings/counts?date=${date}`, { token: leader });
          expect({ date, byRule: counts.body.counts.byRule }).toEqual({ date, byRule: expected });
        }
      }
      await compare(DEFAULT_WARNING_SETTINGS);
      const changed: WarningSettings = {
        START: { yellowMonthsAfterPlan: 1, redMonthsAfterPlan: 2, yellowMonthsAfterSigning: 3, redMonthsAfterSigning: 9 },
        STATS: { minPlannedInvestmentWan: 800, yellowMonths: 2, redMonths: 5 },
        FUNDS: { yellowMonths: 1, redMonths: 4 },
        REPORT: { yellowDay: 28, redMonths: 3, monthsAfterProduction: 0 },
        ISSUE: { yellowDaysAfterDue: 7, redDaysAfterDue: 30 },
        POLICY: { yellowDaysAfterDue: 3, redDaysAfterDue: 20 },
      };
      const { version } = (await settings()).body;
      expect((await putSettings({ settings: changed, version })).status).toBe(200);
      await compare(changed);
    });
  });
});
