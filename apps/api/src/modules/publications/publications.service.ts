import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type IndicatorResponse,
  type IndicatorValues,
  monthLabel,
  type PublicationCorrection,
  type PublicationDifferences,
  publicationDifferences,
  type PublicationRevision,
  type PublicationStatus,
  type PublishedFigures,
} from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, ValidationFailed } from '../../common/errors/app.exception.js';
import { oneAtATime, runSql, sql, type SqlRunner } from '../../common/sql/sql.js';
import { IndicatorsService } from '../indicators/indicators.service.js';

interface StoredRevision {
  revision: number;
  publishedAt: Date;
  publishedBy: string;
  reason: string | null;
}

/** The stored figures and the row itself carry `key`/`label`/`note`; a revision keeps only IndicatorValues. */
function valuesOf(row: IndicatorValues & { key?: string; label?: string; note?: string | null }): IndicatorValues {
  const { key: _key, label: _label, note: _note, ...values } = row;
  return values;
}

/**
 * Published figures and revisions (DOMAIN.md §6): what a close of a month stored, what has changed
 * since (修订说明), and what a screen showing that month should say about it.
 */
@Injectable()
export class PublicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
  ) {}

  /**
   * The figures of `month` as GET /indicators gives them now: the city (the total by region) and
   * each district (its rows), for the month alone and for January..month.
   */
  async currentFigures(month: string, runner: SqlRunner = this.dataSource): Promise<PublishedFigures[]> {
    // on a transaction's one connection the engine's side-by-side statements go one at a time
    if (runner !== this.dataSource) runner = oneAtATime(runner);
    const [single, yearToDate] = await Promise.all([
      this.indicators.compute({ from: month, to: month, groupBy: 'region' }, runner),
      this.indicators.compute({ from: `${month.slice(0, 4)}-01`, to: month, groupBy: 'region' }, runner),
    ]);
    // the city first, then the districts in their order; each with the month before the year
    const byRegion = (result: IndicatorResponse) => [{ regionCode: result.region, values: valuesOf(result.total) }, ...result.rows.map((row) => ({ regionCode: row.key, values: valuesOf(row) }))];
    const years = new Map(byRegion(yearToDate).map((r) => [r.regionCode, r.values]));
    return byRegion(single).flatMap(({ regionCode, values }) => {
      const year = years.get(regionCode);
      const own: PublishedFigures = { regionCode, period: 'MONTH', figures: values };
      return year ? [own, { regionCode, period: 'YTD' as const, figures: year }] : [own];
    });
  }

  /**
   * Stores the next revision of `month` in the close's transaction. The caller holds the month's
   * close row (FOR UPDATE) already updated to closed: every report writer that got in before has
   * committed (they hold the row FOR SHARE), every later one will see the close and be refused, so
   * the figures computed now (in this transaction: each statement sees all that is committed) are
   * final. On the close's own connection: a close never waits for a pool connection that writers
   * queued behind its lock are holding.
   */
  async publish(em: EntityManager, month: string, publishedBy: string, reason: string | null): Promise<number> {
    const figures = await this.currentFigures(month, em);
    const [{ revision }] = await runSql<{ revision: number }>(
      em,
      // published_at: the moment the figures were taken (under the lock), not the transaction's start
      sql`INSERT INTO publications (month, revision, published_at, published_by, reason)
          SELECT ${month}, coalesce(max(revision), 0) + 1, clock_timestamp(), ${publishedBy}, ${reason} FROM publications WHERE month = ${month}
          RETURNING revision`,
    );
    await runSql(
      em,
      sql`INSERT INTO published_indicators (month, revision, region_code, period, figures)
          SELECT ${month}, ${revision}, f.region_code, f.period, f.figures
          FROM jsonb_to_recordset(${JSON.stringify(figures.map((f) => ({ region_code: f.regionCode, period: f.period, figures: f.figures })))}::jsonb)
            AS f(region_code text, period text, figures jsonb)`,
    );
    return revision;
  }

  /**
   * Closed months without any publication get revision 1 as their figures are now: months closed
   * before publications existed (a database from before issue 11) and the demo data's, which are
   * written as closed. Run at start; each month under its close row's lock, like a close.
   * Returns how many months were published.
   */
  async publishMissing(): Promise<number> {
    const months = await runSql<{ month: string }>(
      this.dataSource,
      sql`SELECT mc.month FROM month_closes mc WHERE mc.closed AND NOT EXISTS (SELECT 1 FROM publications p WHERE p.month = mc.month) ORDER BY mc.month`,
    );
    let published = 0;
    for (const { month } of months) {
      await this.dataSource.transaction(async (em) => {
        const [row] = await runSql<{ closed: boolean; closedBy: string | null; published: boolean }>(
          em,
          sql`SELECT closed, closed_by AS "closedBy", EXISTS (SELECT 1 FROM publications p WHERE p.month = mc.month) AS published
              FROM month_closes mc WHERE month = ${month} FOR UPDATE`,
        );
        // reopened or published by a close meanwhile: nothing to make up for
        if (!row.closed || row.published) return;
        await this.publish(em, month, row.closedBy ?? '系统', null);
        published += 1;
      });
    }
    return published;
  }

  async revisions(month: string): Promise<PublicationRevision[]> {
    return (await this.storedRevisions(this.dataSource, month)).map((r) => ({ month, revision: r.revision, publishedAt: r.publishedAt.toISOString(), publishedBy: r.publishedBy, reason: r.reason }));
  }

  /** What a screen showing a period that ends in `month` says about it (the badge). */
  async status(month: string): Promise<PublicationStatus> {
    const [row] = await runSql<{ closed: boolean; revision: number | null; publishedAt: Date | null; corrected: boolean }>(
      this.dataSource,
      sql`SELECT coalesce(mc.closed, false) AS closed, p.revision, p.published_at AS "publishedAt",
            coalesce(EXISTS (SELECT 1 FROM corrections c WHERE c.months @> ARRAY[${month}]::char(7)[] AND c.at > p.published_at), false) AS corrected
          FROM (SELECT ${month}::text AS month) m
          LEFT JOIN month_closes mc ON mc.month = m.month
          LEFT JOIN LATERAL (SELECT revision, published_at FROM publications WHERE month = m.month ORDER BY revision DESC LIMIT 1) p ON true`,
    );
    const revision = row.revision;
    return {
      month,
      closed: row.closed,
      revision,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      revised: revision !== null && (revision > 1 || row.corrected),
    };
  }

  /**
   * 修订说明: the figures of revision `from` (default: the latest) beside those of revision `to`
   * (default: the figures now), only those that differ, and the corrections touching the month made
   * after `from` was published (and, between two revisions, no later than `to`).
   */
  async differences(month: string, from?: number, to?: number): Promise<PublicationDifferences> {
    const revisions = await this.storedRevisions(this.dataSource, month);
    if (revisions.length === 0) throw new AppException(404, 'NOT_FOUND', `${monthLabel(month)}尚未月结，没有发布的数据`);
    const find = (n: number, field: string) => {
      const found = revisions.find((r) => r.revision === n);
      if (!found) throw ValidationFailed.field(field, `${monthLabel(month)}没有第${n}版（共 ${revisions.length} 版）`);
      return found;
    };
    const older = from === undefined ? revisions[revisions.length - 1] : find(from, 'from');
    const newer = to === undefined ? null : find(to, 'to');
    if (newer && newer.revision <= older.revision) throw ValidationFailed.field('to', '对比的版本应晚于起始版本');

    const regions = await runSql<{ code: string; name: string }>(this.dataSource, sql`SELECT code, name FROM regions`);
    const names = new Map(regions.map((r) => [r.code, r.name]));
    const [before, after, corrections] = await Promise.all([
      this.storedFigures(month, older.revision),
      newer ? this.storedFigures(month, newer.revision) : this.currentFigures(month),
      runSql<Omit<PublicationCorrection, 'at'> & { at: Date }>(
        this.dataSource,
        sql`SELECT c.at, c.actor_name AS "actorName", c.project_no AS "projectNo", p.name AS "projectName", c.fields, c.reason
            FROM corrections c LEFT JOIN projects p ON p.id = c.project_id
            WHERE c.months @> ARRAY[${month}]::char(7)[] AND c.at > ${older.publishedAt}
              AND (${newer?.publishedAt ?? null}::timestamptz IS NULL OR c.at <= ${newer?.publishedAt ?? null}::timestamptz)
            ORDER BY c.at, c.id`,
      ),
    ]);
    return {
      month,
      from: { revision: older.revision, publishedAt: older.publishedAt.toISOString() },
      to: newer ? { revision: newer.revision, publishedAt: newer.publishedAt.toISOString() } : null,
      rows: publicationDifferences(before, after, (code) => names.get(code) ?? code),
      corrections: corrections.map((c) => ({ ...c, at: c.at.toISOString() })),
    };
  }

  private storedRevisions(runner: SqlRunner, month: string): Promise<StoredRevision[]> {
    return runSql<StoredRevision>(
      runner,
      sql`SELECT revision, published_at AS "publishedAt", published_by AS "publishedBy", reason FROM publications WHERE month = ${month} ORDER BY revision`,
    );
  }

  /** A revision's figures, the city first, then the districts in their order, the month before the year. */
  private storedFigures(month: string, revision: number): Promise<PublishedFigures[]> {
    return runSql<PublishedFigures>(
      this.dataSource,
      sql`SELECT pi.region_code AS "regionCode", pi.period, pi.figures
          FROM published_indicators pi JOIN regions r ON r.code = pi.region_code
          WHERE pi.month = ${month} AND pi.revision = ${revision}
          ORDER BY r.parent_code IS NOT NULL, r.sort_order, r.code, pi.period = 'YTD'`,
    );
  }
}
