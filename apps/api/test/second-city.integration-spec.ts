import type { IndicatorResponse, ProjectDetailDto, SiteDto } from '@zhaoshang/shared/domain';
import { readXlsx } from './fixtures/imports/files.js';
import { projectBody } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/**
 * The city is whatever region of the regions data has no parent (DOMAIN.md §3, issue 11): an
 * instance for another city shows that city's code and name everywhere, never Tongliao's.
 */
describe('a second city', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    // the regions of 赤峰市 instead of 通辽市 (nothing refers to the seeded ones yet)
    await t.query(`DELETE FROM regions WHERE parent_code IS NOT NULL`);
    await t.query(`DELETE FROM regions`);
    await t.query(
      `INSERT INTO regions (code, name, short_name, parent_code, sort_order) VALUES
        ('150400', '赤峰市', '赤峰', NULL, 0), ('150402', '红山区', '红山', '150400', 1), ('150404', '松山区', '松山', '150400', 2)`,
    );
  });
  afterAll(() => t?.stop());

  it('names itself after the city of the regions data, before anyone signs in', async () => {
    const site = await t.request<SiteDto>('GET', '/api/v1/site');
    expect(site.status).toBe(200);
    expect(site.body).toEqual({ city: { code: '150400', name: '赤峰市', shortName: '赤峰' }, productName: '赤峰市招商项目全流程跟踪', organization: '赤峰市投资促进局' });
  });

  it('counts the indicators for that city and its own districts', async () => {
    const created = await t.request<ProjectDetailDto>('POST', '/api/v1/projects', { token: admin, body: projectBody({ regionCode: '150402', signedAt: '2025-03-05' }) });
    expect(created.status).toBe(201);
    expect(created.body.projectNo).toBe('150402-2025-0001');
    const indicators = await t.request<IndicatorResponse>('GET', '/api/v1/indicators?from=2025-01&to=2025-12&groupBy=region', { token: admin });
    expect(indicators.status).toBe(200);
    expect(indicators.body.region).toBe('150400');
    expect(indicators.body.rows.map((r) => [r.key, r.label, r.signedCount])).toEqual([
      ['150402', '红山区', 1],
      ['150404', '松山区', 0],
    ]);
    expect(indicators.body.total.signedCount).toBe(1);
  });

  it('fills the import templates’ examples with its own city and districts', async () => {
    for (const kind of ['projects', 'monthly', 'fai']) {
      const response = await fetch(`${t.baseUrl}/api/v1/imports/templates/${kind}`, { headers: { authorization: `Bearer ${admin}` } });
      const { rows, workbook } = await readXlsx(Buffer.from(await response.arrayBuffer()));
      const text = JSON.stringify(rows);
      expect(text).not.toMatch(/通辽|奈曼|150525|150500/);
      expect(workbook.creator).toBe('赤峰市招商项目全流程跟踪');
      if (kind === 'projects') expect(rows[2]).toEqual(expect.arrayContaining(['150402-2024-0003', '红山区', '红山区肉牛屠宰加工项目']));
      if (kind === 'fai') expect(rows[1][0]).toBe('赤峰市');
    }
  });
});
