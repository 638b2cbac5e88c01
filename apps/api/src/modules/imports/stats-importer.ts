import { monthLabel, monthOf, nationalCodeProblem } from '@zhaoshang/shared/domain';
import { replaceStatsProjects, type StatsListScope } from '../stats-projects/stats-projects.service.js';
import { excerpt, isProblem, limitedText, money, month, text } from './cells.js';
import { type RowCells, STATS_COLUMNS } from './columns.js';
import type { ImportContext, ImportCounts, Importer } from './importer.js';

type Key = (typeof STATS_COLUMNS)[number]['key'];
const H = Object.fromEntries(STATS_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

interface StatsRow {
  nationalCode: string;
  name: string;
  regionCode: string;
  registeredMonth: string;
  completedYtdWan: string;
  month: string;
}

/**
 * kind=stats (DOMAIN.md §10): the statistics bureau's list of registered projects. For each month
 * in the file, the rows of the regions the file names replace that month's rows of those regions
 * (a district's file leaves the other districts' rows alone). The caller has checked fai:edit.
 */
export class StatsImporter implements Importer<Key> {
  readonly columns = STATS_COLUMNS;
  private readonly rows: StatsRow[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly ctx: ImportContext) {}

  async prepare(): Promise<void> {
    // nothing to stage in the database: the list stays in memory (a city has hundreds of such projects, not millions)
  }

  async add(cells: RowCells<Key>): Promise<void> {
    const { errors, dictionaries, today } = this.ctx;
    const row = cells.row;
    const code = text(cells.get('nationalCode'));
    if (code === null) errors.add(row, H.nationalCode, `${H.nationalCode}不能为空`);
    else if (nationalCodeProblem(code)) errors.add(row, H.nationalCode, nationalCodeProblem(code) as string);
    const name = limitedText(cells.get('name'), H.name, 200);
    if (name === null) errors.add(row, H.name, `${H.name}不能为空`);
    else if (isProblem(name)) errors.add(row, H.name, name.message);
    const regionText = text(cells.get('regionCode'));
    const region = regionText === null ? undefined : dictionaries.region(regionText);
    if (regionText === null) errors.add(row, H.regionCode, `${H.regionCode}不能为空`);
    else if (!region) errors.add(row, H.regionCode, `地区「${excerpt(regionText)}」不存在：请填写地区名称、简称或代码`);
    const m = month(cells.get('month'), H.month);
    if (m === null) errors.add(row, H.month, `${H.month}不能为空`);
    else if (isProblem(m)) errors.add(row, H.month, m.message);
    else if (m > monthOf(today)) errors.add(row, H.month, `${monthLabel(m)}是未来月份，不能导入`);
    const registered = month(cells.get('registeredMonth'), H.registeredMonth);
    if (registered === null) errors.add(row, H.registeredMonth, `${H.registeredMonth}不能为空`);
    else if (isProblem(registered)) errors.add(row, H.registeredMonth, registered.message);
    else if (typeof m === 'string' && registered > m) errors.add(row, H.registeredMonth, `${H.registeredMonth}不能晚于${H.month}`);
    const amount = money(cells.get('completedYtdWan'), H.completedYtdWan);
    if (amount === null) errors.add(row, H.completedYtdWan, `${H.completedYtdWan}不能为空`);
    else if (isProblem(amount)) errors.add(row, H.completedYtdWan, amount.message);
    if (code === null || typeof m !== 'string') return;
    const key = `${m}\u0000${code}`;
    const first = this.seen.get(key);
    if (first !== undefined) errors.add(row, H.nationalCode, `与第 ${first} 行重复：同一月份同一投资项目代码只能有一行`);
    else this.seen.set(key, row);
    if (errors.hasRow(row) || !region || typeof name !== 'string' || typeof registered !== 'string' || typeof amount !== 'string') return;
    this.rows.push({ nationalCode: code, name, regionCode: region.code, registeredMonth: registered, completedYtdWan: amount, month: m });
  }

  async check(): Promise<void> {
    // every check is on the row itself or on the rows seen before it
  }

  async write(): Promise<ImportCounts> {
    const byMonth = new Map<string, Set<string>>();
    for (const r of this.rows) byMonth.set(r.month, (byMonth.get(r.month) ?? new Set()).add(r.regionCode));
    const scopes: StatsListScope[] = [...byMonth].map(([m, regions]) => ({ month: m, regionCodes: [...regions] }));
    const { created, updated, unchanged } = await replaceStatsProjects(this.ctx.em, scopes, this.rows);
    return { created, updated, unchanged };
  }
}
