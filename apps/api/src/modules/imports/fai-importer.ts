import { monthLabel, monthOf } from '@zhaoshang/shared/domain';
import { type FaiFigure, upsertFaiTotals } from '../fai/fai.service.js';
import { excerpt, isProblem, money, month, text } from './cells.js';
import { FAI_COLUMNS, type RowCells } from './columns.js';
import type { ImportContext, ImportCounts, Importer } from './importer.js';

type Key = (typeof FAI_COLUMNS)[number]['key'];
const H = Object.fromEntries(FAI_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

interface FaiRow extends FaiFigure {
  row: number;
}

/**
 * kind=fai: 全社会固定资产投资 of the city (150500) or a district for a month. Few rows (regions ×
 * months), kept in memory and written with one set-based statement; the caller has checked fai:edit.
 */
export class FaiImporter implements Importer<Key> {
  readonly columns = FAI_COLUMNS;
  private readonly rows: FaiRow[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly ctx: ImportContext) {}

  async prepare(): Promise<void> {
    // nothing to stage in the database: the rows stay in memory
  }

  async add(cells: RowCells<Key>): Promise<void> {
    const { errors, dictionaries, today } = this.ctx;
    const row = cells.row;
    const regionText = text(cells.get('regionCode'));
    const region = regionText === null ? undefined : dictionaries.region(regionText);
    if (regionText === null) errors.add(row, H.regionCode, `${H.regionCode}不能为空`);
    else if (!region) errors.add(row, H.regionCode, `地区「${excerpt(regionText)}」不存在：请填写地区名称、简称或代码`);
    const m = month(cells.get('month'), H.month);
    if (m === null) errors.add(row, H.month, `${H.month}不能为空`);
    else if (isProblem(m)) errors.add(row, H.month, m.message);
    else if (m > monthOf(today)) errors.add(row, H.month, `${monthLabel(m)}是未来月份，不能导入`);
    const amount = money(cells.get('amountWan'), H.amountWan);
    if (amount === null) errors.add(row, H.amountWan, `${H.amountWan}不能为空`);
    else if (isProblem(amount)) errors.add(row, H.amountWan, amount.message);
    if (!region || typeof m !== 'string') return;
    const key = `${region.code}\u0000${m}`;
    const first = this.seen.get(key);
    if (first !== undefined) errors.add(row, H.regionCode, `与第 ${first} 行重复：同一地区同一月份只能有一行`);
    else this.seen.set(key, row);
    if (!errors.hasRow(row) && typeof amount === 'string') this.rows.push({ row, regionCode: region.code, month: m, amountWan: amount });
  }

  async check(): Promise<void> {
    // every check is on the row itself or on the rows seen before it
  }

  write(): Promise<ImportCounts> {
    return upsertFaiTotals(this.ctx.em, this.ctx.actor, this.rows);
  }
}
