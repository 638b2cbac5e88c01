import { monthLabel, monthOf } from '@zhaoshang/shared/domain';
import { auditActorColumns } from '../audit/audit.service.js';
import { isProblem, money, month, text } from './cells.js';
import { FAI_COLUMNS, type RowCells } from './columns.js';
import type { ImportContext, ImportCounts, Importer } from './importer.js';

type Key = (typeof FAI_COLUMNS)[number]['key'];
const H = Object.fromEntries(FAI_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

interface FaiRow {
  row: number;
  regionCode: string;
  month: string;
  amountWan: string;
}

const SNAPSHOT = (t: string) => `jsonb_build_object('regionCode', ${t}.region_code, 'month', ${t}.month, 'amountWan', ${t}.amount_wan::text, 'version', ${t}.version)`;

/** Upsert of the rows whose amount differs (or that are new), with one audit row each; counts come back. */
const WRITE = `WITH v AS (
    SELECT * FROM unnest($1::varchar[], $2::char(7)[], $3::numeric[]) AS v(region_code, month, amount_wan)
  ), old AS (
    SELECT f.region_code, f.month, ${SNAPSHOT('f')} AS snap FROM fai_totals f JOIN v USING (region_code, month)
  ), up AS (
    INSERT INTO fai_totals AS f (region_code, month, amount_wan, version)
    SELECT region_code, month, amount_wan, 1 FROM v
    ON CONFLICT (region_code, month) DO UPDATE SET amount_wan = EXCLUDED.amount_wan, version = f.version + 1, updated_at = now()
      WHERE f.amount_wan <> EXCLUDED.amount_wan
    RETURNING f.*, (f.xmax = 0) AS created
  ), audit AS (
    INSERT INTO audit_log (actor_type, actor_id, actor_name, entity, entity_id, action, before, after, request_id)
    SELECT $4, $5, $6, 'faiTotal', up.region_code || ':' || up.month, CASE WHEN up.created THEN 'CREATE' ELSE 'UPDATE' END, old.snap, ${SNAPSHOT('up')}, $7
    FROM up LEFT JOIN old ON old.region_code = up.region_code AND old.month = up.month
    RETURNING action
  )
  SELECT count(*) FILTER (WHERE action = 'CREATE')::int AS created, count(*) FILTER (WHERE action = 'UPDATE')::int AS updated FROM audit`;

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
    else if (!region) errors.add(row, H.regionCode, `地区「${regionText}」不存在：请填写地区名称、简称或代码`);
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

  async write(): Promise<ImportCounts> {
    if (this.rows.length === 0) return { created: 0, updated: 0, unchanged: 0 };
    const who = auditActorColumns(this.ctx.actor);
    const [counts] = await this.ctx.em.query<{ created: number; updated: number }[]>(WRITE, [
      this.rows.map((r) => r.regionCode),
      this.rows.map((r) => r.month),
      this.rows.map((r) => r.amountWan),
      who.actorType,
      who.actorId,
      who.actorName,
      who.requestId,
    ]);
    return { ...counts, unchanged: this.rows.length - counts.created - counts.updated };
  }
}
