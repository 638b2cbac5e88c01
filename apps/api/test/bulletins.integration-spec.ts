import { type ApiErrorBody, type AuditEntryDto, type BulletinContent, type BulletinDto, type BulletinSummary, type MonthState, type Page, type ProjectDetailDto } from '@zhaoshang/shared/domain';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { documentText, docxToPdf, tableRows, tool } from './support/docx.js';
import { createProject } from './support/projects.js';
import { fileReport } from './support/reports.js';
import { TestApp } from './support/test-app.js';

/** Where the pages of the generated bulletin land for a person to look at. */
const PREVIEW_DIR = resolve(__dirname, '../../../dist/docs-preview');

/**
 * 季通报 (issue 15 item 2): the preview counts only closed months and says which are open; the
 * figures are the published ones with 同比; the districts are ranked against their targets; the
 * generated bulletin is kept, downloads unchanged after a correction, and prints as a bulletin.
 */
describe('季度通报', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let district: string;
  let leader: string;
  const quarter = '2026-Q3';
  const p = {} as Record<'naiman' | 'kailu' | 'naimanLastYear', ProjectDetailDto>;
  let first: BulletinDto;
  let firstFile: Buffer;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    leader = (await t.userToken('LEADER')).token;
    // last year's third quarter, for 同比: 2,000 万 arrived in 奈曼旗
    p.naimanLastYear = await createProject(t, admin, { name: '奈曼旗去年签约项目', regionCode: '150525', signedAt: '2025-08-01', contractAmountWan: '4000.00' });
    await fileReport(t, admin, p.naimanLastYear, '2025-08', { arrivedEquityWan: '2000' });
    p.naiman = await createProject(t, admin, { name: '奈曼旗年产10万吨玉米深加工项目', regionCode: '150525', signedAt: '2026-07-10', contractAmountWan: '15000.00' });
    p.kailu = await createProject(t, admin, { name: '开鲁县光伏制氢项目', regionCode: '150523', signedAt: '2026-08-05', contractAmountWan: '8000.00', investorOrigin: 'FOREIGN' });
    await fileReport(t, admin, p.naiman, '2026-08', { arrivedEquityWan: '3000' });
    await fileReport(t, admin, p.kailu, '2026-09', { arrivedEquityWan: '1000' });
    // one incentive promised to 奈曼旗's investor, due in August and not honoured: it is owed (梳理未兑现)
    const unit = await t.request<{ id: string }>('POST', '/api/v1/units', { token: admin, body: { name: '市财政局', level: 'CITY' } });
    const commitment = await t.request('POST', '/api/v1/commitments', {
      token: admin,
      body: { projectId: p.naiman.id, type: 'SUBSIDY', content: '固定资产投资补助', promisedAmountWan: '500', dueAt: '2026-08-31', unitId: unit.body.id },
    });
    expect(commitment.status).toBe(201);
    // targets of arrived funds: 奈曼 6,000 (50%), 开鲁 1,000 (100%); the other districts have none
    const targets = await t.request('PUT', '/api/v1/targets', {
      token: admin,
      body: { year: 2026, items: [{ regionCode: '150525', indicator: 'arrivedFundsWan', value: '6000' }, { regionCode: '150523', indicator: 'arrivedFundsWan', value: '1000' }] },
    });
    expect(targets.status).toBe(200);
  });
  afterAll(() => t?.stop());

  const monthState = async (m: string) => (await t.request<{ month: string; version: number }[]>('GET', `/api/v1/months?year=${m.slice(0, 4)}`, { token: admin })).body.find((s) => s.month === m);
  const close = async (m: string) => {
    const r = await t.request<MonthState & ApiErrorBody>('POST', `/api/v1/months/${m}/close`, { token: city, body: { version: (await monthState(m))?.version ?? 0 } });
    expect(r.status).toBe(200);
  };
  const preview = (q = quarter, token = leader) => t.request<BulletinContent & ApiErrorBody>('GET', `/api/v1/bulletins/preview?quarter=${q}`, { token });
  const generate = (body: Record<string, unknown>, token = city) => t.request<BulletinDto & ApiErrorBody>('POST', '/api/v1/bulletins', { token, body: { quarter, ...body } });
  const download = async (id: string, token = leader) => {
    const response = await fetch(`${t.baseUrl}/api/v1/bulletins/${id}/docx`, { headers: { authorization: `Bearer ${token}` } });
    return { response, file: Buffer.from(await response.arrayBuffer()) };
  };
  const closing = '一是抓好签约项目落地转化。\n二是加快资金到位，对排名靠后的旗县市区开展专项督导。';

  it('says every month is open and refuses to generate while none is closed', async () => {
    const r = await preview();
    expect(r.status).toBe(200);
    expect(r.body.openMonths).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(r.body.figuresTo).toBeNull();
    expect(r.body.city).toEqual([]);
    const refused = await generate({ closingParagraph: closing });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('尚无已月结的月份');
    expect(refused.body.details?.[0]?.field).toBe('quarter');
  });

  it('rejects a malformed or future quarter and an empty closing paragraph, naming the field', async () => {
    const bad = await preview('2026-3');
    expect(bad.status).toBe(400);
    expect(bad.body.details?.[0]?.field).toBe('quarter');
    expect((await preview('2099-Q1')).body.message).toContain('尚未开始');
    const empty = await generate({ closingParagraph: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.details?.[0]?.field).toBe('closingParagraph');
  });

  it('counts only the closed months: July and August closed, September open', async () => {
    await close('2026-07');
    await close('2026-08');
    const r = await preview();
    expect(r.body.openMonths).toEqual(['2026-09']);
    expect(r.body.figuresTo).toBe('2026-08');
    expect(r.body.months).toEqual([
      { month: '2026-07', closed: true, revision: 1 },
      { month: '2026-08', closed: true, revision: 1 },
      { month: '2026-09', closed: false, revision: null },
    ]);
    expect(r.body.city.find((f) => f.key === 'arrivedFundsWan')?.value).toBe('3000.00');
  });

  it('gives the published figures with 同比, the districts ranked against their targets, and 亮晒比评', async () => {
    await close('2026-09');
    const { body } = await preview();
    expect(body.openMonths).toEqual([]);
    expect(body.figuresTo).toBe('2026-09');
    expect(body.issueLabel).toBe('2026年第3期');
    // 3,000 + 1,000 (FOREIGN counts at the city) against 2,000 last year
    expect(body.city.find((f) => f.key === 'arrivedFundsWan')).toEqual({ key: 'arrivedFundsWan', label: '到位资金(万元)', kind: 'amount', value: '4000.00', yoy: 1 });
    expect(body.city.find((f) => f.key === 'signedCount')).toMatchObject({ value: '2', yoy: 1 });
    expect(body.districts.slice(0, 2).map((d) => [d.regionName, d.completion, d.rank])).toEqual([
      ['开鲁县', 1, 1],
      ['奈曼旗', 0.5, 2],
    ]);
    expect(body.districts.slice(2).every((d) => d.rank === null && d.arrivedTargetWan === null)).toBe(true);
    expect(body.shine.best.map((d) => d.regionCode)).toEqual(['150523', '150525']);
    // two ranked districts: none is both among the best and the worst three
    expect(body.shine.worst).toEqual([]);
    expect(body.warnings.asOf).toBe('2026-09-30');
    expect(body.warnings.rows).toHaveLength(body.districts.length);
    expect(body.commitments).toBe('截至2026年9月30日，全市梳理未兑现优惠政策 1 条，已完成整改 0 条，兑现资金 0 万元。其中：奈曼旗1条、已整改0条。');
  });

  it('lets only city staff and admins generate; keeps the bulletin with the revisions it used; audited', async () => {
    expect((await generate({ closingParagraph: closing }, district)).status).toBe(403);
    expect((await generate({ closingParagraph: closing }, leader)).status).toBe(403);
    const r = await generate({ closingParagraph: closing, version: 0 });
    expect(r.status).toBe(201);
    first = r.body;
    expect(first).toMatchObject({ quarter, version: 1, issueLabel: '2026年第3期', closingParagraph: closing, openMonths: [] });
    expect(first.revisions).toEqual([
      { month: '2026-07', revision: 1 },
      { month: '2026-08', revision: 1 },
      { month: '2026-09', revision: 1 },
    ]);
    const list = await t.request<BulletinSummary[]>('GET', '/api/v1/bulletins', { token: district });
    expect(list.body.map((b) => [b.id, b.version])).toEqual([[first.id, 1]]);
    const audit = await t.request<Page<AuditEntryDto>>('GET', `/api/v1/audit?entity=bulletin&entityId=${first.id}`, { token: leader });
    expect(audit.body.items.map((a) => a.action)).toEqual(['CREATE']);
    expect(audit.body.items[0]?.subject).toBe('2026年第3期季度通报');
  });

  it('answers 409 when someone generated the quarter in between, and numbers a regenerated one 2', async () => {
    const stale = await generate({ closingParagraph: closing, version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.details?.[0]?.field).toBe('version');
    const second = await generate({ closingParagraph: closing, version: 1 });
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(2);
  });

  it('prints the bulletin: 版头, 期号, title, the six parts, the districts table, 下步要求, 落款', async () => {
    const { response, file } = await download(first.id);
    firstFile = file;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('通辽市招商引资工作季度通报-2026年第3期.docx'));
    const lines = await documentText(file);
    expect(lines[0]).toBe('通辽市招商引资工作季度通报');
    expect(lines).toContain('2026年第3期');
    expect(lines).toContain('关于2026年第三季度全市招商引资工作情况的通报');
    const headings = lines.filter((l) => /^[一二三四五六]、/.test(l));
    expect(headings).toEqual(['一、总体情况', '二、各旗县市区完成情况', '三、亮晒比评', '四、预警与督办', '五、优惠政策兑现', '六、下步要求']);
    expect(lines).toContain('截至2026年9月30日，全市梳理未兑现优惠政策 1 条，已完成整改 0 条，兑现资金 0 万元。其中：奈曼旗1条、已整改0条。');
    expect(lines.some((l) => l.includes('到位资金4,000万元（0.40亿元），同比增长100.0%'))).toBe(true);
    expect(lines.some((l) => l.startsWith('排名前三位：开鲁县（100.0%）、奈曼旗（50.0%）'))).toBe(true);
    expect(lines).toContain('一是抓好签约项目落地转化。');
    expect(lines).toContain('二是加快资金到位，对排名靠后的旗县市区开展专项督导。');
    expect(lines).toContain('通辽市投资促进局');
    const rows = await tableRows(file);
    expect(rows[0]).toBe('排名 | 地区 | 签约额(万元) | 到位资金(万元) | 到位资金目标(万元) | 目标完成率 | 开工项目(个)');
    expect(rows[1]).toBe('1 | 开鲁县 | 8,000 | 1,000 | 1,000 | 100.0% | 0');
    expect(rows[2]).toBe('2 | 奈曼旗 | 15,000 | 3,000 | 6,000 | 50.0% | 0');
  });

  it('downloads the same file after the figures were corrected and September published again', async () => {
    const reopened = await t.request('POST', '/api/v1/months/2026-09/reopen', { token: admin, body: { version: (await monthState('2026-09'))?.version ?? 0, reason: '补报开鲁县到位资金' } });
    expect(reopened.status).toBe(200);
    const late = await createProject(t, admin, { name: '奈曼旗补报项目', regionCode: '150525', signedAt: '2026-09-01' });
    await fileReport(t, admin, late, '2026-09', { arrivedEquityWan: '500' });
    await close('2026-09');
    const now = await preview();
    expect(now.body.months[2]).toEqual({ month: '2026-09', closed: true, revision: 2 });
    expect(now.body.city.find((f) => f.key === 'arrivedFundsWan')?.value).toBe('4500.00');
    const again = await download(first.id);
    expect(again.file.equals(firstFile)).toBe(true);
    expect((await download('00000000-0000-4000-8000-000000000000')).response.status).toBe(404);
  });

  it('converts to A4 pages (LibreOffice, poppler) and leaves pictures of them in dist/docs-preview', async () => {
    const { work, pdf } = docxToPdf(firstFile, 'bulletin');
    const info = execFileSync(tool('pdfinfo'), [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
    execFileSync(tool('pdftoppm'), ['-r', '70', '-png', pdf, join(work, 'bulletin')]);
    mkdirSync(PREVIEW_DIR, { recursive: true });
    copyFileSync(pdf, join(PREVIEW_DIR, 'bulletin.pdf'));
    for (const png of readdirSync(work).filter((f) => f.endsWith('.png'))) copyFileSync(join(work, png), join(PREVIEW_DIR, png));
    expect(readdirSync(PREVIEW_DIR).filter((f) => f.startsWith('bulletin') && f.endsWith('.png')).length).toBeGreaterThanOrEqual(1);
  }, 300_000);
});
