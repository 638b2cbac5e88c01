import { type ImportKind, INVESTOR_ORIGIN_LABELS, PROJECT_FIELD_LABELS as L, REPORT_FIELD_LABELS as R, STAGE_LABELS } from '@zhaoshang/shared/domain';
import { excerpt } from './cells.js';
import { ImportFailed } from './import-failed.js';
import type { CellValue, SheetRow } from './sheet-reader.js';

/** Where a template's drop-down list comes from. */
export type ChoiceList = 'regions' | 'districts' | 'industries' | 'origins' | 'stages' | 'yesNo' | 'verification' | 'leaders' | 'units' | 'commitmentTypes' | 'commitmentStatuses';

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** the header text exactly as DOMAIN.md §8 gives it */
  header: string;
  required: boolean;
  width: number;
  choices?: ChoiceList;
  /** a column of dates / months / amounts: the template formats it */
  format?: 'date' | 'month' | 'money' | 'text';
  /** two example cells; `{市}`, `{旗县}` and `{旗县代码}` are filled from the regions data by the template */
  example: (string | number | null)[];
}

export const VERIFICATION_LABELS = { VERIFIED: '已核实', SUBMITTED: '待核实' } as const;

export const PROJECT_COLUMNS = [
  { key: 'projectNo', header: L.projectNo, required: false, width: 18, format: 'text', example: [null, '{旗县代码}-2024-0003'] },
  { key: 'name', header: L.name, required: true, width: 32, example: ['{旗县} 200MW 风电项目', '{旗县}肉牛屠宰加工项目'] },
  { key: 'regionCode', header: L.regionCode, required: true, width: 14, choices: 'districts', example: ['{旗县}', '{旗县}'] },
  { key: 'industryCode', header: L.industryCode, required: true, width: 22, choices: 'industries', example: ['新能源', '玉米生物及农畜产品精深加工'] },
  { key: 'investorName', header: L.investorName, required: true, width: 28, example: ['某某新能源有限公司', '某某牧业有限公司'] },
  { key: 'investorUscc', header: L.investorUscc, required: false, width: 22, format: 'text', example: [null, null] },
  { key: 'investorOrigin', header: L.investorOrigin, required: true, width: 12, choices: 'origins', example: ['区外', '区内市外'] },
  { key: 'contractAmountWan', header: L.contractAmountWan, required: true, width: 14, format: 'money', example: [120000, 35000.5] },
  { key: 'plannedInvestmentWan', header: L.plannedInvestmentWan, required: false, width: 16, format: 'money', example: [150000, null] },
  { key: 'signedAt', header: L.signedAt, required: true, width: 12, format: 'date', example: ['2025-03-01', '2024-11-18'] },
  { key: 'plannedStartMonth', header: L.plannedStartMonth, required: false, width: 12, format: 'month', example: ['2025-06', null] },
  { key: 'stage', header: L.stage, required: true, width: 12, choices: 'stages', example: ['已签约', '开工在建'] },
  { key: 'registeredAt', header: L.registeredAt, required: false, width: 12, format: 'date', example: [null, '2024-12-02'] },
  { key: 'constructionStartedAt', header: L.constructionStartedAt, required: false, width: 12, format: 'date', example: [null, '2025-04-10'] },
  { key: 'productionStartedAt', header: L.productionStartedAt, required: false, width: 12, format: 'date', example: [null, null] },
  { key: 'terminatedAt', header: L.terminatedAt, required: false, width: 12, format: 'date', example: [null, null] },
  { key: 'terminationReason', header: L.terminationReason, required: false, width: 20, example: [null, null] },
  { key: 'isKeyProject', header: L.isKeyProject, required: false, width: 10, choices: 'yesNo', example: ['是', '否'] },
  { key: 'leadOfficial', header: L.leadOfficial, required: false, width: 14, choices: 'leaders', example: [null, null] },
  { key: 'leadDepartment', header: L.leadDepartment, required: false, width: 20, choices: 'units', example: [null, null] },
  { key: 'districtContactId', header: L.districtContactId, required: false, width: 12, example: [null, null] },
  { key: 'nationalCode', header: L.nationalCode, required: false, width: 26, format: 'text', example: [null, null] },
  { key: 'statsRegistered', header: L.statsRegistered, required: false, width: 10, choices: 'yesNo', example: ['否', '否'] },
  { key: 'statsRegisteredMonth', header: L.statsRegisteredMonth, required: false, width: 10, format: 'month', example: [null, null] },
  { key: 'notes', header: L.notes, required: false, width: 30, example: [null, null] },
  // DOMAIN.md §5: a row that alters a closed month (or moves a stage back) is a correction and needs its reason
  { key: 'correctionReason', header: '更正原因', required: false, width: 24, example: [null, null] },
] as const satisfies readonly ColumnSpec[];

export const MONTHLY_COLUMNS = [
  { key: 'projectNo', header: L.projectNo, required: true, width: 18, format: 'text', example: ['{旗县代码}-2025-0001', '{旗县代码}-2025-0002'] },
  { key: 'month', header: R.month, required: true, width: 10, format: 'month', example: ['2025-05', '2025-05'] },
  { key: 'arrivedEquityWan', header: R.arrivedEquityWan, required: false, width: 18, format: 'money', example: [1200, 0] },
  { key: 'arrivedLoanWan', header: R.arrivedLoanWan, required: false, width: 18, format: 'money', example: [800.5, null] },
  { key: 'arrivedOtherWan', header: R.arrivedOtherWan, required: false, width: 18, format: 'money', example: [null, null] },
  { key: 'completedInvestmentWan', header: R.completedInvestmentWan, required: false, width: 16, format: 'money', example: [1500, 300] },
  { key: 'progress', header: R.progress, required: false, width: 36, example: ['主体厂房封顶，设备进场', '办理施工许可'] },
  { key: 'status', header: '核实状态', required: false, width: 10, choices: 'verification', example: ['待核实', '待核实'] },
] as const satisfies readonly ColumnSpec[];

export const FAI_COLUMNS = [
  { key: 'regionCode', header: '地区', required: true, width: 20, choices: 'regions', example: ['{市}', '{旗县}'] },
  { key: 'month', header: '月份', required: true, width: 10, format: 'month', example: ['2025-05', '2025-05'] },
  { key: 'amountWan', header: '全社会固定资产投资(万元)', required: true, width: 26, format: 'money', example: [356000, 41250.3] },
] as const satisfies readonly ColumnSpec[];

/** kind=commitments (issue 15): the bureaus' 优惠政策兑现台账 as they keep it; the export writes the same columns. */
export const COMMITMENT_COLUMNS = [
  { key: 'projectNo', header: L.projectNo, required: true, width: 18, format: 'text', example: ['{旗县代码}-2025-0001', '{旗县代码}-2025-0001'] },
  { key: 'type', header: '政策类型', required: true, width: 14, choices: 'commitmentTypes', example: ['土地', '财政奖补'] },
  { key: 'content', header: '承诺内容', required: true, width: 40, example: ['按工业用地基准地价供应 300 亩', '设备投资补助'] },
  { key: 'promisedAmountWan', header: '承诺金额(万元)', required: false, width: 16, format: 'money', example: [null, 500] },
  { key: 'dueAt', header: '兑现期限', required: true, width: 12, format: 'date', example: ['2025-12-31', '2025-09-30'] },
  { key: 'unit', header: '责任单位', required: true, width: 22, choices: 'units', example: ['{旗县}自然资源局', '{旗县}财政局'] },
  { key: 'status', header: '兑现状态', required: false, width: 12, choices: 'commitmentStatuses', example: ['未兑现', '部分兑现'] },
  { key: 'honouredAmountWan', header: '已兑现金额(万元)', required: false, width: 16, format: 'money', example: [null, 200] },
  { key: 'honouredAt', header: '兑现日期', required: false, width: 12, format: 'date', example: [null, '2025-08-15'] },
  { key: 'withdrawnReason', header: '不再兑现原因', required: false, width: 30, example: [null, null] },
] as const satisfies readonly ColumnSpec[];

/** kind=stats (issue 16): the statistics bureau's 固定资产投资项目库 list of a month, as DOMAIN.md §10 names its fields. */
export const STATS_COLUMNS = [
  { key: 'nationalCode', header: '投资项目代码', required: true, width: 28, format: 'text', example: ['2025-{旗县代码}-44-01-000101', '2024-{旗县代码}-13-03-000088'] },
  { key: 'name', header: '项目名称', required: true, width: 32, example: ['{旗县} 200MW 风电项目', '{旗县}肉牛屠宰加工项目'] },
  { key: 'regionCode', header: '所属地区', required: true, width: 14, choices: 'regions', example: ['{旗县}', '{旗县}'] },
  { key: 'registeredMonth', header: '入库月份', required: true, width: 10, format: 'month', example: ['2025-06', '2024-11'] },
  { key: 'completedYtdWan', header: '本年完成投资(万元)', required: true, width: 18, format: 'money', example: [3560.5, 820] },
  { key: 'month', header: '月份', required: true, width: 10, format: 'month', example: ['2026-03', '2026-03'] },
] as const satisfies readonly ColumnSpec[];

export const COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = { projects: PROJECT_COLUMNS, monthly: MONTHLY_COLUMNS, fai: FAI_COLUMNS, commitments: COMMITMENT_COLUMNS, stats: STATS_COLUMNS };

export const CHOICE_LABELS = { origins: INVESTOR_ORIGIN_LABELS, stages: STAGE_LABELS, verification: VERIFICATION_LABELS };

/** 签约额（万元） and 签约额(万元)* are the same header: full-width brackets and the required mark are forgiven. */
export function normaliseHeader(value: string): string {
  return value
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[*＊]$/, '');
}

/** A data row read through the header: each column's cell by key; undefined when the file has no such column. */
export interface RowCells<K extends string> {
  row: number;
  get(key: K): CellValue | undefined;
  has(key: K): boolean;
}

export class HeaderMap<K extends string> {
  private constructor(
    private readonly index: Map<K, number>,
    readonly headerRow: number,
  ) {}

  /**
   * The header row against the kind's columns: every required column present, no unknown or
   * repeated column (an unknown one is most often a typo of a known one, so it is refused).
   */
  static read<K extends string>(sheet: string, header: SheetRow, columns: readonly ColumnSpec<K>[]): HeaderMap<K> {
    const errors: { column: string; message: string }[] = [];
    const index = new Map<K, number>();
    const byHeader = new Map(columns.map((c) => [normaliseHeader(c.header), c]));
    header.cells.forEach((cell, i) => {
      const raw = excerpt(cell === null || cell === undefined ? '' : String(cell instanceof Date ? '' : cell).trim());
      if (raw === '') return;
      const column = byHeader.get(normaliseHeader(raw));
      if (!column) errors.push({ column: raw, message: `无法识别的列「${raw}」：请使用导入模板的列名（${columns.map((c) => c.header).join('、')}）` });
      else if (index.has(column.key)) errors.push({ column: column.header, message: `列「${column.header}」重复` });
      else index.set(column.key, i);
    });
    for (const column of columns) {
      if (column.required && !index.has(column.key)) errors.push({ column: column.header, message: `缺少必填列「${column.header}」` });
    }
    if (errors.length > 0) {
      throw new ImportFailed(
        errors.map((e) => ({ sheet, row: header.row, column: e.column, message: e.message })),
        `导入文件的表头有误：${errors.map((e) => e.message).join('；')}`,
      );
    }
    return new HeaderMap(index, header.row);
  }

  cells(row: SheetRow): RowCells<K> {
    return {
      row: row.row,
      get: (key) => {
        const i = this.index.get(key);
        return i === undefined ? undefined : (row.cells[i] ?? null);
      },
      has: (key) => this.index.has(key),
    };
  }
}

/** A row with nothing in it (trailing rows of a sheet, blank lines of a CSV) is skipped. */
export function isBlankRow(row: SheetRow): boolean {
  return row.cells.every((cell) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''));
}
