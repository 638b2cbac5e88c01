import type { IndicatorValues } from '@zhaoshang/shared/domain';
import ExcelJS from 'exceljs';
import { type DispatchRow, wanToYiNumber, writeDispatchTable } from './dispatch-table.xlsx.js';

const values = (overrides: Partial<IndicatorValues> = {}): IndicatorValues =>
  ({
    signedCount: 3,
    signedCount10m: 1,
    signedAmountWan: '12345.67',
    startedCount: 1,
    startRate: 0.3333,
    arrivedFundsWan: '500.00',
    foreignCapitalWan: '20000.00',
    fundsToFaiRatio: null,
    yoy: { arrivedFundsWan: 0.25, foreignCapitalWan: null },
    targetCompletion: { signedAmountWan: 0.6173 },
    ...overrides,
  }) as IndicatorValues;

describe('dispatch table workbook', () => {
  it('turns 万元 into 亿元 exactly', () => {
    expect(wanToYiNumber('12345.67')).toBe(1.234567);
    expect(wanToYiNumber('0.01')).toBe(0.000001);
    expect(wanToYiNumber('100000000.00')).toBe(10000);
    expect(wanToYiNumber('-5000')).toBe(-0.5);
  });

  it('lays out January as 1月累计, leaves out the warnings when asked, and shows — for no rate or no target', async () => {
    const row: DispatchRow = { label: '奈曼旗', isTotal: false, month: values(), yearToDate: values(), targets: { signedAmountWan: '20000.00' } };
    const buffer = await writeDispatchTable({
      cityName: '通辽市',
      month: '2026-01',
      generatedOn: '2026-02-03',
      targetIndicators: ['signedAmountWan', 'arrivedFundsWan'],
      withWarnings: false,
      withFollowThrough: false,
      rows: [row, { ...row, label: '全市', isTotal: true, targets: {} }],
      note: '说明',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('月调度表');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell(1, 1).value).toBe('通辽市招商引资项目月调度表（2026年1月）');
    expect(sheet.getCell(2, 1).value).toContain('生成日期：2026年2月3日');
    expect(sheet.getCell(3, 12).value).toBe('1月累计');
    expect(sheet.columnCount).toBe(25);
    expect(sheet.getCell(3, 25).value).toBe('到位资金');
    expect([sheet.getCell(5, 4).value, sheet.getCell(5, 6).value, sheet.getCell(5, 9).value]).toEqual([1.234567, 0.3333, '—']);
    // 到位资金同比, 实际利用外资 and its 同比 (none last year: —)
    expect([4, 8, 10, 11].map((c) => sheet.getCell(4, c).value)).toEqual(['签约额(亿元)', '到位资金同比', '实际利用外资(亿元)', '实际利用外资同比']);
    expect([8, 10, 11].map((c) => sheet.getCell(5, c).value)).toEqual([0.25, 2, '—']);
    expect([22, 23, 24, 25].map((c) => sheet.getCell(5, c).value)).toEqual([2, 0.6173, '—', '—']);
    expect([22, 23].map((c) => sheet.getCell(6, c).value)).toEqual(['—', '—']);
    expect(sheet.getCell(6, 1).font?.bold).toBe(true);
    expect(sheet.getCell(7, 1).value).toBe('注：说明。');
    expect(sheet.pageSetup.printTitlesRow).toBe('1:4');
  });
});
