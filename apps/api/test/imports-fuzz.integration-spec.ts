import type { ImportResult, ImportRowError, ProjectDetailDto } from '@zhaoshang/shared/domain';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSheet } from '../src/modules/imports/sheet-reader.js';
import { type Cell, counts, csv, MONTHLY_HEADER, upload, xlsx } from './fixtures/imports/files.js';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

type Reply = ImportResult & { errors: ImportRowError[]; message: string };

/**
 * Whatever is uploaded, the import answers 200 or a 4xx (never a 5xx), and writes either every row
 * of the file or nothing at all.
 */
describe('imports: fuzzing', () => {
  let t: TestApp;
  let admin: string;
  let projects: ProjectDetailDto[];

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    projects = [];
    for (let i = 0; i < 3; i++) projects.push(await createProject(t, admin, { signedAt: '2025-01-01' }));
  });
  afterAll(() => t?.stop());

  /** Uploads, then checks the status and that the database changed exactly as the answer says. */
  async function importChecked(file: Buffer | string, name: string, dataRows?: number): Promise<Reply> {
    const before = await counts(t);
    const response = await upload<Reply>(t, admin, file, name, { kind: 'monthly' });
    const after = await counts(t);
    expect(response.status).toBeLessThan(500);
    if (response.status === 200) {
      const { created, updated, unchanged } = response.body;
      expect(after.reports - before.reports).toBe(created);
      expect(after.audit - before.audit).toBe(created + updated);
      if (dataRows !== undefined) expect(created + updated + unchanged).toBe(dataRows);
    } else {
      expect([400, 413, 422]).toContain(response.status);
      expect(after).toEqual(before);
    }
    return response.body;
  }

  const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
  const moneyCell = fc.oneof(
    fc.constant(null),
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.integer({ min: 0, max: 100_000_000 }).map((cents) => cents / 100),
    fc.double({ noNaN: false }),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('-1', '1.234', '1,000.5', ' 12 ', '1e5', '０', ''),
  );
  const validRow = () =>
    fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom(...months), fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 })).map(
      ([p, month, whole, cents]): Cell[] => [projects[p].projectNo, month, whole + cents / 100, null, 0, `${whole}.${String(cents).padStart(2, '0')}`, '进展顺利', '待核实'],
    );

  it('never fails with a 5xx on random bytes under any name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('a.csv', 'a.xlsx', 'a.xls', 'a', 'a.txt'), async (bytes, name) => {
        await importChecked(Buffer.from(bytes), name);
      }),
      { numRuns: 30 },
    );
  });

  it('never fails with a 5xx on truncated or corrupted .xlsx files', async () => {
    const whole = await xlsx([MONTHLY_HEADER, [projects[0].projectNo, '2025-07', 1, 2, 3, 4, '试', null]]);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: whole.length }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 5 }), async (cut, flips) => {
        const damaged = Buffer.from(whole.subarray(0, cut));
        for (const [at, value] of flips) if (damaged.length > 0) damaged[at % damaged.length] = value;
        await importChecked(damaged, 'damaged.xlsx');
      }),
      { numRuns: 30 },
    );
  });

  it('writes all rows or none for random cells under the template’s header', async () => {
    const cell = fc.oneof(moneyCell, fc.constantFrom<Cell>(...projects.map((p) => p.projectNo), '150525-2099-0001', '', '已核实', '待核实', '2025-03', '2027-01', 'x'));
    const row = fc.oneof(validRow(), fc.array(cell, { minLength: 0, maxLength: 9 }));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), fc.boolean(), async (rows, asCsv) => {
        const file = asCsv ? csv([MONTHLY_HEADER, ...rows]) : await xlsx([MONTHLY_HEADER, ...rows]);
        await importChecked(file, asCsv ? 'random.csv' : 'random.xlsx');
      }),
      { numRuns: 30 },
    );
  });

  it('reads the columns in any order, with optional ones left out', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([...MONTHLY_HEADER.keys()], { minLength: MONTHLY_HEADER.length - 4, maxLength: MONTHLY_HEADER.length }),
        fc.uniqueArray(validRow(), { minLength: 1, maxLength: 6, selector: (r) => `${String(r[0])}|${String(r[1])}` }),
        async (order, rows) => {
          // the two required columns are always there, anywhere among the others
          const columns = [...order, ...[0, 1].filter((i) => !order.includes(i))];
          const pick = (r: Cell[]) => columns.map((i) => r[i]);
          const body = await importChecked(await xlsx([pick(MONTHLY_HEADER), ...rows.map(pick)]), 'shuffled.xlsx', rows.length);
          expect(body.errors).toBeUndefined();
        },
      ),
      { numRuns: 30 },
    );
  });

  it('reads a formula’s number cell as Excel shows it (fuzz seed 1282243705: 2.7199999999999998 is 2.72)', async () => {
    const row: Cell[] = [projects[1].projectNo, '2025-06', 2 + 72 / 100, null, 0, '2.72', '进展顺利', '待核实'];
    const body = await importChecked(await xlsx([MONTHLY_HEADER, row]), 'formula.xlsx', 1);
    expect(body.errors).toBeUndefined();
    const rows = await t.query(
      `SELECT r.arrived_equity_wan::text AS equity, r.completed_investment_wan::text AS completed FROM monthly_reports r JOIN projects p ON p.id = r.project_id WHERE p.project_no = $1 AND r.month = '2025-06'`,
      [projects[1].projectNo],
    );
    expect(rows).toEqual([{ equity: '2.72', completed: '2.72' }]);
  });

  it('never fails with a 5xx on random CSV text, quotes and line breaks included', async () => {
    const text = fc.array(fc.oneof(fc.string({ maxLength: 10, unit: 'grapheme' }), fc.constantFrom('"', '""', ',', '\r\n', '\n', '\r', MONTHLY_HEADER.join(','))), { maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(text, async (parts) => {
        await importChecked(Buffer.from(parts.join(''), 'utf8'), 'random.csv');
      }),
      { numRuns: 30 },
    );
  });

  it('keeps Chinese text whole across the stream chunks of a big .xlsx, with and without shared strings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zs-import-'));
    try {
      for (const useSharedStrings of [false, true]) {
        const path = join(dir, `big-${useSharedStrings}.xlsx`);
        const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings });
        const sheet = writer.addWorksheet('月报');
        for (let i = 0; i < 30_000; i++) sheet.addRow([`项目${i}`, '主体施工，设备进场，土建完成百分之八十']).commit();
        sheet.commit();
        await writer.commit();
        const opened = await openSheet(path, 'big.xlsx');
        let rows = 0;
        for await (const row of opened.rows()) {
          rows++;
          if (row.cells[0] !== `项目${row.row - 1}` || row.cells[1] !== '主体施工，设备进场，土建完成百分之八十') throw new Error(`row ${row.row}: ${JSON.stringify(row.cells)}`);
        }
        expect({ useSharedStrings, rows, sheet: opened.sheet }).toEqual({ useSharedStrings, rows: 30_000, sheet: '月报' });
      }
      // a CSV whose multi-byte characters straddle the reader's 256 kB chunks
      const path = join(dir, 'big.csv');
      writeFileSync(path, Array.from({ length: 30_000 }, (_, i) => `项目${i},设备进场`).join('\r\n'));
      let rows = 0;
      for await (const row of (await openSheet(path, 'big.csv')).rows()) {
        rows++;
        if (row.cells[1] !== '设备进场') throw new Error(`row ${row.row}: ${JSON.stringify(row.cells)}`);
      }
      expect(rows).toBe(30_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
