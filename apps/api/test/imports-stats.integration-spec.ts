import type { ImportResult, ImportRowError } from '@zhaoshang/shared/domain';
import { type Cell, readXlsx, upload, xlsx } from './fixtures/imports/files.js';
import { TestApp } from './support/test-app.js';

type Reply = ImportResult & { statusCode: number; error: string; errors: ImportRowError[] };
const HEADER = ['投资项目代码', '项目名称', '所属地区', '入库月份', '本年完成投资(万元)', '月份'];
const e = (row: number, column: string, message: string) => ({ sheet: 'Sheet1', row, column, message });

/** kind=stats (DOMAIN.md §10): the statistics bureau's list from Excel, as the other imports do it. */
describe('imports: the statistics bureau list (kind=stats)', () => {
  let t: TestApp;
  let city: string;
  let district: string;

  beforeAll(async () => {
    t = await TestApp.start();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
  });
  afterAll(() => t?.stop());

  const send = async (rows: Cell[][], token = city, dryRun = false) => upload<Reply>(t, token, await xlsx([HEADER, ...rows]), 'stats.xlsx', { kind: 'stats', dryRun });
  const stored = () => t.query<{ national_code: string; region_code: string; completed_ytd_wan: string }>(`SELECT national_code, region_code, completed_ytd_wan::text FROM stats_projects ORDER BY national_code`);

  const rows: Cell[][] = [
    ['2025-150525-44-01-300001', '奈曼旗风电项目', '奈曼旗', '2025-06', 1200.5, '2026-02'],
    ['2025-150526-44-01-300002', '扎鲁特旗光伏项目', '扎鲁特', '2025/7', '800', '2026年2月'],
  ];

  it('dry run checks and writes nothing; the import writes; the same file again changes nothing', async () => {
    const dry = await send(rows, city, true);
    expect(dry.body).toMatchObject({ created: 2, dryRun: true });
    expect(await stored()).toEqual([]);
    expect((await send(rows)).body).toMatchObject({ created: 2, updated: 0, unchanged: 0, dryRun: false });
    expect(await stored()).toEqual([
      { national_code: '2025-150525-44-01-300001', region_code: '150525', completed_ytd_wan: '1200.50' },
      { national_code: '2025-150526-44-01-300002', region_code: '150526', completed_ytd_wan: '800.00' },
    ]);
    expect((await send(rows)).body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('replaces the month’s rows of the regions in the file only', async () => {
    const response = await send([['2025-150525-44-01-300003', '奈曼旗新项目', '150525', '2025-08', 10, '2026-02']]);
    expect(response.body).toMatchObject({ created: 1 });
    expect((await stored()).map((r) => r.national_code)).toEqual(['2025-150525-44-01-300003', '2025-150526-44-01-300002']);
  });

  it('lists every error with sheet, row and column, and writes nothing', async () => {
    const before = await stored();
    const response = await send([
      ['2025-15', '甲', '奈曼旗', '2025-06', 1, '2026-02'],
      ['2025-150525-44-01-300009', null, '北京市', '2026-05', '1.234', '2026-02'],
      ['2025-150525-44-01-300009', '乙', '奈曼旗', '2025-06', 1, '2026-02'],
    ]);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        e(2, '投资项目代码', expect.stringContaining('投资项目代码格式') as unknown as string),
        e(3, '项目名称', '项目名称不能为空'),
        e(3, '所属地区', expect.stringContaining('北京市') as unknown as string),
        e(3, '入库月份', '入库月份不能晚于月份'),
        e(3, '本年完成投资(万元)', expect.stringContaining('2 位小数') as unknown as string),
        e(4, '投资项目代码', '与第 3 行重复：同一月份同一投资项目代码只能有一行'),
      ]),
    );
    expect(response.body.errors).toHaveLength(6);
    expect(await stored()).toEqual(before);
  });

  it('is for city staff and admins: district staff get 403', async () => {
    expect((await send(rows, district)).status).toBe(403);
  });

  it('gives its template', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/imports/templates/stats`, { headers: { authorization: `Bearer ${city}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('统计局入库项目清单导入模板.xlsx'));
    const { rows: cells } = await readXlsx(Buffer.from(await response.arrayBuffer()));
    expect(cells[0]).toEqual(HEADER);
  });
});
