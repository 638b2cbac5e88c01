import { type FaiTotalDto, type FaiTotalItem, type MonthAmount, type RegionDto, compareWan, moneyProblem, sumWan, ytdToMonthly } from '@zhaoshang/shared/domain';
import { stripGrouping } from '@zhaoshang/web/shared/util';

/** MONTH: each month's own figure; YTD: 1–N月累计, turned into monthly figures by the server. */
export type FaiBasis = 'MONTH' | 'YTD';

export interface FaiCellView {
  month: string;
  /** what the input shows: the typed text, or the saved figure in the current basis */
  value: string;
  changed: boolean;
  error: string | null;
  editable: boolean;
}

export interface FaiRowView {
  regionCode: string;
  regionName: string;
  /** 科尔沁左翼中旗 → 科左中旗, for narrow screens */
  regionShortName: string;
  isCity: boolean;
  cells: FaiCellView[];
  /** 合计: Σ of the months (MONTH), the last cumulative figure (YTD); null when the row is empty */
  total: string | null;
}

export interface FaiProblem {
  regionName: string;
  month: string;
  message: string;
}

const key = (regionCode: string, month: string) => `${regionCode}|${month}`;

/**
 * The FAI table of one year: rows are the city (its own figure, optional) and the districts,
 * columns the twelve months. Immutable: an edit returns a new grid, so a signal can hold it.
 */
export class FaiGrid {
  readonly months: string[];
  readonly rows: FaiRowView[];
  readonly problems: FaiProblem[];
  readonly changes: FaiTotalItem[];
  /** Σ of the districts by month (MONTH basis figures, saved or typed) and over the year */
  readonly districtTotals: { byMonth: (string | null)[]; total: string | null };

  private readonly saved: Map<string, FaiTotalDto>;

  constructor(
    readonly year: number,
    private readonly regions: readonly RegionDto[],
    totals: readonly FaiTotalDto[],
    /** the last month that may hold a figure (this month); later ones are not editable */
    readonly lastMonth: string,
    readonly basis: FaiBasis = 'MONTH',
    private readonly edits: ReadonlyMap<string, string> = new Map(),
  ) {
    this.months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    this.saved = new Map(totals.filter((t) => t.month.startsWith(`${year}-`)).map((t) => [key(t.regionCode, t.month), t]));
    this.rows = this.orderedRegions().map((region) => this.row(region));
    this.problems = this.rows.flatMap((row) => row.cells.filter((c) => c.error).map((c) => ({ regionName: row.regionName, month: c.month, message: c.error as string })));
    this.changes = this.rows.flatMap((row) => row.cells.filter((c) => c.changed && !c.error).map((c) => this.saveItem(row.regionCode, c)));
    this.districtTotals = this.sumDistricts();
  }

  get hasChanges(): boolean {
    return this.rows.some((row) => row.cells.some((c) => c.changed));
  }

  get valid(): boolean {
    return this.problems.length === 0;
  }

  withEdit(regionCode: string, month: string, text: string): FaiGrid {
    const edits = new Map(this.edits);
    edits.set(key(regionCode, month), text);
    return new FaiGrid(this.year, this.regions, [...this.saved.values()], this.lastMonth, this.basis, edits);
  }

  /** Another basis shows the saved figures afresh; typed ones are dropped (the page asks first). */
  withBasis(basis: FaiBasis): FaiGrid {
    return new FaiGrid(this.year, this.regions, [...this.saved.values()], this.lastMonth, basis);
  }

  discard(): FaiGrid {
    return new FaiGrid(this.year, this.regions, [...this.saved.values()], this.lastMonth, this.basis);
  }

  private orderedRegions(): RegionDto[] {
    const city = this.regions.filter((r) => r.parentCode === null);
    const districts = this.regions.filter((r) => r.parentCode !== null).sort((a, b) => a.sortOrder - b.sortOrder);
    return [...city, ...districts];
  }

  /** The saved figure in the current basis: the month's own, or Σ from January (when the month has one). */
  private shown(regionCode: string, month: string): string {
    const own = this.saved.get(key(regionCode, month));
    if (!own) return '';
    if (this.basis === 'MONTH') return own.amountWan;
    return sumWan(this.months.filter((m) => m <= month).map((m) => this.saved.get(key(regionCode, m))?.amountWan));
  }

  private row(region: RegionDto): FaiRowView {
    const cells: FaiCellView[] = [];
    let previous: MonthAmount | null = null;
    for (const month of this.months) {
      const shown = this.shown(region.code, month);
      const typed = this.edits.get(key(region.code, month));
      const value = typed ?? shown;
      const normalized = stripGrouping(value);
      const changed = typed !== undefined && !sameAmount(normalized, shown);
      let error = changed ? cellProblem(normalized, shown) : null;
      if (!error && this.basis === 'YTD' && normalized !== '' && previous) error = ytdToMonthly({ month, amountWan: normalized }, previous).problem;
      if (!error && normalized !== '' && moneyProblem('金额', normalized) === null) previous = { month, amountWan: normalized };
      cells.push({ month, value, changed, error, editable: month <= this.lastMonth });
    }
    return { regionCode: region.code, regionName: region.name, regionShortName: region.shortName, isCity: region.parentCode === null, cells, total: this.rowTotal(cells) };
  }

  private rowTotal(cells: FaiCellView[]): string | null {
    const values = cells.filter((c) => !c.error).map((c) => stripGrouping(c.value)).filter((v) => v !== '');
    if (values.length === 0) return null;
    return this.basis === 'MONTH' ? sumWan(values) : sumWan([values[values.length - 1]]);
  }

  private saveItem(regionCode: string, cell: FaiCellView): FaiTotalItem {
    const version = this.saved.get(key(regionCode, cell.month))?.version;
    const item: FaiTotalItem = { regionCode, month: cell.month, amountWan: stripGrouping(cell.value) };
    return version === undefined ? item : { ...item, version };
  }

  /** Monthly figures of the districts, whatever the basis shown (YTD cells are turned back into months). */
  private sumDistricts(): { byMonth: (string | null)[]; total: string | null } {
    const districts = this.rows.filter((r) => !r.isCity);
    const monthly = districts.map((row) => this.monthlyOf(row));
    const byMonth = this.months.map((_, i) => {
      const values = monthly.map((m) => m[i]).filter((v): v is string => v !== null);
      return values.length > 0 ? sumWan(values) : null;
    });
    const all = byMonth.filter((v): v is string => v !== null);
    return { byMonth, total: all.length > 0 ? sumWan(all) : null };
  }

  private monthlyOf(row: FaiRowView): (string | null)[] {
    let before: MonthAmount | null = null;
    return row.cells.map((cell) => {
      const value = cell.error ? '' : stripGrouping(cell.value);
      if (value === '') return null;
      if (this.basis === 'MONTH') return value;
      const ytd = { month: cell.month, amountWan: value };
      const monthly = ytdToMonthly(ytd, before);
      before = ytd;
      return monthly.amountWan;
    });
  }
}

function sameAmount(a: string, b: string): boolean {
  if (a === '' || b === '') return a === b;
  return moneyProblem('金额', a) === null && compareWan(a, b) === 0;
}

/** ≥ 0, ≤ 2 decimals; a saved figure cannot be emptied (there is no delete: 0 corrects it). */
function cellProblem(value: string, shown: string): string | null {
  if (value === '') return shown === '' ? null : '已有数值不能清空；如需更正请填写 0';
  return moneyProblem('金额', value);
}
