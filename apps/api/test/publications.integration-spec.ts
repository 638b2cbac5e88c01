import {
  addMonths,
  type ApiErrorBody,
  type IndicatorResponse,
  type IndicatorValues,
  monthOf,
  type MonthState,
  type ProjectDetailDto,
  type PublicationDifferences,
  type PublicationRevision,
  type PublicationStatus,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import { PublicationsService } from '../src/modules/publications/publications.service.js';
import { createProject } from './support/projects.js';
import { fileReport } from './support/reports.js';
import { TestApp } from './support/test-app.js';

/**
 * Issue 11 items 3–4 (DOMAIN.md §6–§7): closing a month publishes its figures as a revision;
 * reopening and closing again publishes the next one; the differences and the status say so; the
 * close rules (city staff close, admins reopen, waiting reports need a confirmed reason).
 */
describe('published figures and revisions', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let district: string;
  let leader: string;
  let readKey: string;
  const thisMonth = monthOf(shanghaiToday());
  // three past months of this year's run (the year-to-date period starts in the month's January)
  const month = addMonths(thisMonth, -3);
  const laterMonth = addMonths(thisMonth, -2);
  const waitingMonth = addMonths(thisMonth, -1);
  const p = {} as Record<'naiman' | 'kailu', ProjectDetailDto>;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    leader = (await t.userToken('LEADER')).token;
    readKey = (await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '统计局', scopes: ['read'] } })).body.key;
    const signedAt = `${addMonths(month, -1)}-10`;
    p.naiman = await createProject(t, admin, { name: '奈曼风电', regionCode: '150525', signedAt });
    p.kailu = await createProject(t, admin, { name: '开鲁光伏', regionCode: '150523', signedAt, investorOrigin: 'FOREIGN' });
    await fileReport(t, admin, p.naiman, month, { arrivedEquityWan: '100' });
  });
  afterAll(() => t?.stop());

  const monthState = async (m: string) => (await t.request<{ month: string; version: number }[]>('GET', `/api/v1/months?year=${m.slice(0, 4)}`, { token: admin })).body.find((s) => s.month === m);
  const close = async (token: string, m: string, reason?: string) =>
    t.request<MonthState & ApiErrorBody>('POST', `/api/v1/months/${m}/close`, { token, body: { version: (await monthState(m))?.version ?? 0, reason } });
  const reopen = async (token: string, m: string, reason: string) =>
    t.request<MonthState & ApiErrorBody>('POST', `/api/v1/months/${m}/reopen`, { token, body: { version: (await monthState(m))?.version ?? 0, reason } });
  const status = (m: string, auth: { token?: string; apiKey?: string } = { token: leader }) => t.request<PublicationStatus & ApiErrorBody>('GET', `/api/v1/publications/${m}/status`, auth);
  const differences = (m: string, query = '', token = leader) => t.request<PublicationDifferences & ApiErrorBody>('GET', `/api/v1/publications/${m}/differences${query}`, { token });
  const published = (m: string, revision: number) =>
    t.query<{ region_code: string; period: string; figures: IndicatorValues }>('SELECT region_code, period, figures FROM published_indicators WHERE month = $1 AND revision = $2', [m, revision]);
  const withoutRowFields = ({ key: _k, label: _l, note: _n, ...values }: IndicatorValues & { key?: string; label?: string; note?: string | null }) => values;

  it('says nothing of a month never closed', async () => {
    expect((await status(month)).body).toEqual({ month, closed: false, revision: null, publishedAt: null, revised: false });
    expect((await differences(month)).status).toBe(404);
  });

  it('stores revision 1 on close: the city and each district, month and year to date, as GET /indicators gives them', async () => {
    const closed = await close(city, month);
    expect(closed.status).toBe(200);
    const stored = await published(month, 1);
    for (const [period, from] of [['MONTH', month], ['YTD', `${month.slice(0, 4)}-01`]] as const) {
      const live = await t.request<IndicatorResponse>('GET', `/api/v1/indicators?from=${from}&to=${month}&groupBy=region`, { token: leader });
      const find = (code: string) => stored.find((s) => s.region_code === code && s.period === period)?.figures;
      expect(find(live.body.region)).toEqual(withoutRowFields(live.body.total));
      for (const code of ['150525', '150523']) expect(find(code)).toEqual(withoutRowFields(live.body.rows.find((r) => r.key === code) ?? live.body.total));
      expect(find('150525')?.arrivedFundsWan).toBe('100.00');
      expect(stored.filter((s) => s.period === period)).toHaveLength(live.body.rows.length + 1);
    }
    const revisions = await t.request<PublicationRevision[]>('GET', `/api/v1/publications/${month}/revisions`, { apiKey: readKey });
    expect(revisions.status).toBe(200);
    expect(revisions.body).toEqual([expect.objectContaining({ month, revision: 1, reason: null, publishedBy: expect.stringContaining('CITY_STAFF') })]);
    expect((await status(month, { apiKey: readKey })).body).toMatchObject({ month, closed: true, revision: 1, revised: false });
    const unchanged = await differences(month);
    expect(unchanged.body).toMatchObject({ from: { revision: 1 }, to: null, rows: [], corrections: [] });
  });

  it('lets only the admin reopen; closing again stores revision 2 with the reopen reason, and the differences list the changed figure', async () => {
    expect((await reopen(city, month, '开鲁县补报')).status).toBe(403);
    expect((await reopen(admin, month, '开鲁县补报')).status).toBe(200);
    await fileReport(t, admin, p.kailu, month, { arrivedEquityWan: '50' });
    // while reopened: the status still names revision 1, and the figures now differ from it
    expect((await status(month)).body).toMatchObject({ closed: false, revision: 1, revised: false });
    expect((await differences(month)).body.rows.length).toBeGreaterThan(0);

    expect((await close(city, month)).status).toBe(200);
    const revisions = await t.request<PublicationRevision[]>('GET', `/api/v1/publications/${month}/revisions`, { token: district });
    expect(revisions.body.map((r) => [r.revision, r.reason])).toEqual([[1, null], [2, '开鲁县补报']]);
    expect((await status(month)).body).toMatchObject({ closed: true, revision: 2, revised: true });

    const diff = await differences(month, '?from=1&to=2');
    expect(diff.status).toBe(200);
    expect(diff.body.to?.revision).toBe(2);
    const cityCode = (await t.request<IndicatorResponse>('GET', `/api/v1/indicators?from=${month}&to=${month}`, { token: leader })).body.region;
    const row = (code: string, period: string, indicator: string) => diff.body.rows.find((r) => r.regionCode === code && r.period === period && r.indicator === indicator);
    expect(row(cityCode, 'MONTH', 'arrivedFundsWan')).toMatchObject({ kind: 'amount', before: '100.00', after: '150.00', difference: '50.00' });
    expect(row('150523', 'YTD', 'arrivedFundsWan')).toMatchObject({ regionName: '开鲁县', before: '0.00', after: '50.00', difference: '50.00' });
    expect(row(cityCode, 'MONTH', 'foreignCapitalWan')).toMatchObject({ before: '0.00', after: '50.00' });
    // only what differs: 奈曼旗 did not change
    expect(diff.body.rows.filter((r) => r.regionCode === '150525')).toEqual([]);
    expect(diff.body.rows.every((r) => r.before !== r.after)).toBe(true);
    expect((await differences(month)).body.rows).toEqual([]);

    expect((await differences(month, '?from=2&to=1')).status).toBe(400);
    expect((await differences(month, '?from=3')).body.details?.[0].field).toBe('from');
    expect((await differences(month, '?from=abc')).status).toBe(400);
  });

  it('marks a closed month revised once a correction touching it is made after its publication, and lists it', async () => {
    expect((await close(admin, laterMonth)).status).toBe(200);
    const [{ published_at: publishedAt }] = await t.query<{ published_at: Date }>('SELECT published_at FROM publications WHERE month = $1', [laterMonth]);
    const correct = (at: Date, months: string[], reason: string) =>
      t.query(
        `INSERT INTO corrections (at, actor_name, project_id, project_no, source, months, fields, before, after, reason)
         VALUES ($1, '测试市级', $2, $3, 'EDIT', $4, ARRAY['signedAt'], '{"signedAt":"x"}', '{"signedAt":"y"}', $5)`,
        [at, p.naiman.id, p.naiman.projectNo, months, reason],
      );
    // before the publication, or about another month: not a revision of what was published
    await correct(new Date(publishedAt.getTime() - 60_000), [laterMonth], '发布前的更正');
    await correct(new Date(), [waitingMonth], '另一个月的更正');
    expect((await status(laterMonth)).body).toMatchObject({ closed: true, revision: 1, revised: false });

    await correct(new Date(), [month, laterMonth], '签约日期录错');
    expect((await status(laterMonth)).body).toMatchObject({ closed: true, revision: 1, revised: true });
    const diff = await differences(laterMonth);
    expect(diff.body.corrections).toEqual([expect.objectContaining({ projectNo: p.naiman.projectNo, projectName: '奈曼风电', fields: ['signedAt'], reason: '签约日期录错', actorName: '测试市级' })]);
  });

  it('refuses to close while reports wait for verification unless confirmed with a reason, audited', async () => {
    await fileReport(t, admin, p.naiman, waitingMonth, { arrivedEquityWan: '10' }, false);
    const refused = await close(city, waitingMonth);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('REPORTS_WAITING');
    expect(refused.body.message).toContain('1 份月报待核实');
    expect(refused.body.details?.[0].field).toBe('reason');
    expect((await status(waitingMonth)).body.closed).toBe(false);
    expect((await t.query('SELECT 1 FROM publications WHERE month = $1', [waitingMonth]))).toHaveLength(0);

    const blank = await close(city, waitingMonth, '  ');
    expect(blank.status).toBe(400);
    const confirmed = await close(city, waitingMonth, '统计局催报，待核实月报下月处理');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.closed).toBe(true);
    const [audit] = await t.query<{ action: string; after: Record<string, unknown> }>(`SELECT action, after FROM audit_log WHERE entity = 'month' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [waitingMonth]);
    expect(audit).toMatchObject({ action: 'CLOSE', after: { closed: true, waitingReports: 1, closeReason: '统计局催报，待核实月报下月处理', revision: 1 } });
  });

  it('publishes revision 1 at start for a month closed without publication (demo data, closed before issue 11)', async () => {
    const old = addMonths(thisMonth, -6);
    await t.query(`INSERT INTO month_closes (month, closed, closed_at, closed_by, version) VALUES ($1, true, now(), '演示管理员', 1)`, [old]);
    expect((await status(old)).body).toMatchObject({ closed: true, revision: null });
    const publications = t.app.get(PublicationsService);
    expect(await publications.publishMissing()).toBe(1);
    expect(await publications.publishMissing()).toBe(0);
    expect((await status(old)).body).toMatchObject({ closed: true, revision: 1, revised: false });
    const revisions = await t.request<PublicationRevision[]>('GET', `/api/v1/publications/${old}/revisions`, { token: leader });
    expect(revisions.body).toEqual([expect.objectContaining({ revision: 1, publishedBy: '演示管理员', reason: null })]);
  });

  it('publishes what is final: verifications racing the close are either in the figures or refused', async () => {
    // months never closed (no 月结 row yet: the case a verification once slipped past), the verifications
    // spread over the close's few milliseconds so that some land before it, some during, some after
    for (let k = 0; k < 6; k++) {
      const raced = addMonths(thisMonth, -24 - k);
      const projects = await Promise.all(
        Array.from({ length: 4 }, (_, i) => createProject(t, admin, { name: `并发项目${k}-${i}`, regionCode: i % 2 ? '150525' : '150523', signedAt: `${addMonths(raced, -1)}-05`, correctionReason: '补录早先签约的项目' })),
      );
      for (const project of projects) await fileReport(t, admin, project, raced, { arrivedEquityWan: '10' }, false);
      const waiting = await t.request<{ items: { id: string; version: number }[] }>('GET', `/api/v1/monthly-reports/queue?month=${raced}&status=SUBMITTED`, { token: city });
      const verifications = waiting.body.items.map(async (r, j) => {
        await new Promise((later) => setTimeout(later, (k * 7 + j * 13) % 60));
        return t.request<ApiErrorBody>('POST', '/api/v1/monthly-reports/verify', { token: city, body: { items: [{ id: r.id, version: r.version }] } });
      });
      const [closed, ...verified] = await Promise.all([close(city, raced, '并发测试'), ...verifications]);
      expect(closed.status).toBe(200);
      expect(verified.map((v) => (v.status === 200 ? 'ok' : v.body.error)).every((outcome) => outcome === 'ok' || outcome === 'MONTH_CLOSED')).toBe(true);
      const live = await t.request<IndicatorResponse>('GET', `/api/v1/indicators?from=${raced}&to=${raced}&groupBy=region`, { token: leader });
      const stored = await published(raced, 1);
      expect({ raced, figures: stored.find((s) => s.region_code === live.body.region && s.period === 'MONTH')?.figures }).toEqual({ raced, figures: withoutRowFields(live.body.total) });
      expect(live.body.total.arrivedFundsWan).toBe(`${verified.filter((v) => v.status === 200).length * 10}.00`);
    }
  });

  it('lets neither district staff nor leaders close a month', async () => {
    const open = addMonths(thisMonth, -4);
    expect((await close(district, open)).status).toBe(403);
    expect((await close(leader, open)).status).toBe(403);
    expect((await status(open)).body.closed).toBe(false);
  });
});
