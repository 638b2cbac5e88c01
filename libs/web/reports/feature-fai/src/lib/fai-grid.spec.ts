import type { FaiTotalDto, RegionDto } from '@zhaoshang/shared/domain';
import { FaiGrid } from './fai-grid';

const regions: RegionDto[] = [
  { code: '150525', name: '奈曼旗', shortName: '奈曼', parentCode: '150500', sortOrder: 6 },
  { code: '150500', name: '通辽市', shortName: '通辽', parentCode: null, sortOrder: 0 },
  { code: '150502', name: '科尔沁区', shortName: '科尔沁', parentCode: '150500', sortOrder: 1 },
];
const dto = (regionCode: string, month: string, amountWan: string, version = 1): FaiTotalDto => ({
  regionCode,
  regionName: '',
  month,
  amountWan,
  version,
  updatedAt: '2026-03-01T00:00:00Z',
});
const totals = [dto('150502', '2026-01', '100000.50', 3), dto('150502', '2026-02', '80000', 2), dto('150525', '2026-01', '5000'), dto('150502', '2025-12', '1')];
const grid = () => new FaiGrid(2026, regions, totals, '2026-04');
const cell = (g: FaiGrid, region: string, month: string) => g.rows.find((r) => r.regionCode === region)?.cells.find((c) => c.month === month);

describe('FaiGrid', () => {
  it('lays out the city, then the districts in order, twelve months each, with totals', () => {
    const g = grid();
    expect(g.rows.map((r) => r.regionName)).toEqual(['通辽市', '科尔沁区', '奈曼旗']);
    expect(g.rows[0].isCity).toBe(true);
    expect(g.rows[1].cells.map((c) => c.value).slice(0, 3)).toEqual(['100000.50', '80000', '']);
    expect(g.rows[1].total).toBe('180000.50');
    expect(g.rows[0].total).toBeNull();
    expect(g.rows[1].cells.map((c) => c.editable)).toEqual([true, true, true, true, false, false, false, false, false, false, false, false]);
    expect(g.districtTotals.byMonth.slice(0, 3)).toEqual(['105000.50', '80000.00', null]);
    expect(g.districtTotals.total).toBe('185000.50');
    expect(g.hasChanges).toBe(false);
  });

  it('tracks changed cells with the versions the user saw, and ignores edits back to the same amount', () => {
    let g = grid().withEdit('150502', '2026-01', '100,000.5').withEdit('150502', '2026-03', '1234.56').withEdit('150500', '2026-01', '');
    expect(cell(g, '150502', '2026-01')?.changed).toBe(false);
    expect(g.changes).toEqual([{ regionCode: '150502', month: '2026-03', amountWan: '1234.56' }]);
    g = g.withEdit('150502', '2026-02', '90000');
    expect(g.changes).toEqual([
      { regionCode: '150502', month: '2026-02', amountWan: '90000', version: 2 },
      { regionCode: '150502', month: '2026-03', amountWan: '1234.56' },
    ]);
    expect(g.rows[1].total).toBe('191235.06');
    expect(g.hasChanges).toBe(true);
    expect(g.discard().hasChanges).toBe(false);
  });

  it('checks amounts: not negative, at most 2 decimals, numbers, and no emptying a saved figure', () => {
    const g = grid()
      .withEdit('150502', '2026-03', '-5')
      .withEdit('150502', '2026-04', '1.005')
      .withEdit('150525', '2026-02', '十万')
      .withEdit('150525', '2026-01', '');
    expect(g.valid).toBe(false);
    expect(g.problems).toEqual([
      { regionName: '科尔沁区', month: '2026-03', message: '金额不能为负数' },
      { regionName: '科尔沁区', month: '2026-04', message: '金额最多保留 2 位小数' },
      { regionName: '奈曼旗', month: '2026-01', message: '已有数值不能清空；如需更正请填写 0' },
      { regionName: '奈曼旗', month: '2026-02', message: '金额应为数字（单位：万元，最多 2 位小数）' },
    ]);
    // cells with problems are not sent and not summed
    expect(g.changes).toEqual([]);
    expect(g.rows[1].total).toBe('180000.50');
  });

  it('shows and takes cumulative figures in the YTD basis', () => {
    let g = grid().withBasis('YTD');
    expect(cell(g, '150502', '2026-02')?.value).toBe('180000.50');
    expect(g.rows[1].total).toBe('180000.50');
    g = g.withEdit('150502', '2026-03', '200000');
    expect(g.changes).toEqual([{ regionCode: '150502', month: '2026-03', amountWan: '200000' }]);
    expect(g.districtTotals.byMonth.slice(0, 3)).toEqual(['105000.50', '80000.00', '19999.50']);
    g = g.withEdit('150502', '2026-04', '150000');
    expect(g.problems).toEqual([{ regionName: '科尔沁区', month: '2026-04', message: '2026年4月累计数不能小于2026年3月累计数' }]);
  });

  it('reads pasted amounts', () => {
    const g = grid().withEdit('150502', '2026-03', ' 1,234,567.8 ').withEdit('150502', '2026-04', '1，234');
    expect(g.changes).toEqual([
      { regionCode: '150502', month: '2026-03', amountWan: '1234567.8' },
      { regionCode: '150502', month: '2026-04', amountWan: '1234' },
    ]);
  });
});
