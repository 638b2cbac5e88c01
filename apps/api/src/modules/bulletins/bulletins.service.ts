import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BULLETIN_RANK_INDICATOR,
  BULLETIN_RANK_RULE,
  type BulletinContent,
  type BulletinDistrictRow,
  type BulletinDto,
  type BulletinFigure,
  type BulletinFigureKind,
  bulletinIssueLabel,
  type BulletinMonth,
  type BulletinSummary,
  bulletinTitle,
  chineseDate,
  type IndicatorValues,
  lastDayOf,
  monthLabel,
  monthOf,
  noticeTotals,
  quarterLabel,
  quarterMonths,
  rankByCompletion,
  rateOfAmounts,
  shanghaiToday,
  shineOf,
  withDefaultNoticeSettings,
} from '@zhaoshang/shared/domain';
import { DataSource } from 'typeorm';
import type { UserActor } from '../../common/access/actor.js';
import { NotFound, ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import { CommitmentsService } from '../commitments/commitments.service.js';
import { FollowThroughService } from '../follow-through/follow-through.service.js';
import { WarningsService } from '../warnings/warnings.service.js';
import { bulletinDocx } from './bulletin-docx.js';
import type { CreateBulletinDto } from './dto/bulletins.dto.js';

/** The figures of 一、总体情况, in the order the bulletin writes them. */
const CITY_FIGURES: { key: keyof IndicatorValues & string; label: string; kind: BulletinFigureKind }[] = [
  { key: 'signedCount', label: '签约项目(个)', kind: 'count' },
  { key: 'signedAmountWan', label: '签约额(万元)', kind: 'amount' },
  { key: 'signedCount10m', label: '千万元以上签约项目(个)', kind: 'count' },
  { key: 'startedCount', label: '开工项目(个)', kind: 'count' },
  { key: 'arrivedFundsWan', label: '到位资金(万元)', kind: 'amount' },
  { key: 'foreignCapitalWan', label: '实际利用外资(万元)', kind: 'amount' },
  { key: 'faiTotalWan', label: '全社会固定资产投资(万元)', kind: 'amount' },
  { key: 'fundsToFaiRatio', label: '到位资金占固投比重', kind: 'rate' },
  { key: 'registeredFaiShare', label: '入统项目完成投资占比', kind: 'rate' },
];

interface PublishedRow {
  regionCode: string;
  regionName: string;
  isCity: boolean;
  figures: IndicatorValues;
}

interface StoredBulletin {
  id: string;
  quarter: string;
  version: number;
  revisions: { month: string; revision: number }[];
  content: BulletinContent;
  closingParagraph: string;
  generatedBy: string;
  generatedAt: Date;
}

function summaryOf(row: Omit<StoredBulletin, 'closingParagraph'>): BulletinSummary {
  return {
    id: row.id,
    quarter: row.quarter,
    version: row.version,
    issueLabel: row.content.issueLabel,
    title: row.content.title,
    revisions: row.revisions,
    openMonths: row.content.openMonths,
    generatedBy: row.generatedBy,
    generatedAt: row.generatedAt.toISOString(),
  };
}

/**
 * 季通报 (issue 15 item 2, DOMAIN.md §9): the bulletin's content from the PUBLISHED figures of the
 * quarter's closed months (what was announced at the close, not today's corrected figures), the
 * districts against their targets, 亮晒比评, warnings and notices; generated bulletins are kept with
 * their .docx so a later download is the same file.
 */
@Injectable()
export class BulletinsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followThrough: FollowThroughService,
    private readonly warnings: WarningsService,
    private readonly audit: AuditService,
    private readonly commitments: CommitmentsService,
  ) {}

  async preview(quarter: string, today: string = shanghaiToday()): Promise<BulletinContent> {
    const months = quarterMonths(quarter);
    if (months[0] > monthOf(today)) throw ValidationFailed.field('quarter', `${quarterLabel(quarter)}尚未开始`);
    const states = await runSql<BulletinMonth>(
      this.dataSource,
      sql`SELECT m.month, coalesce(mc.closed, false) AND p.revision IS NOT NULL AS closed, CASE WHEN mc.closed THEN p.revision END AS revision
          FROM unnest(${months}::text[]) AS m(month)
          LEFT JOIN month_closes mc ON mc.month = m.month
          LEFT JOIN LATERAL (SELECT max(revision) AS revision FROM publications WHERE month = m.month) p ON true
          ORDER BY m.month`,
    );
    const closed = states.filter((m) => m.closed);
    // the quarter's latest closed month: its 1–M月累计 as published is what the bulletin reports
    const last = closed.at(-1) ?? null;
    const quarterEnd = lastDayOf(months[2]);
    const asOf = quarterEnd < today ? quarterEnd : today;

    const [published, targets, warnings, followThrough, commitments] = await Promise.all([
      last === null
        ? Promise.resolve([] as PublishedRow[])
        : runSql<PublishedRow>(
            this.dataSource,
            sql`SELECT pi.region_code AS "regionCode", r.name AS "regionName", r.parent_code IS NULL AS "isCity", pi.figures
                FROM published_indicators pi JOIN regions r ON r.code = pi.region_code
                WHERE pi.month = ${last.month} AND pi.revision = ${last.revision} AND pi.period = 'YTD'
                ORDER BY r.parent_code IS NOT NULL, r.sort_order, r.code`,
          ),
      runSql<{ regionCode: string; value: string }>(
        this.dataSource,
        sql`SELECT region_code AS "regionCode", value::text AS value FROM targets WHERE year = ${Number(quarter.slice(0, 4))} AND indicator = ${BULLETIN_RANK_INDICATOR}`,
      ),
      this.warnings.list({ date: asOf, page: 1, pageSize: 1 }),
      this.followThrough.summary({ from: months[0], to: months[2] }, today),
      // the ledger as it stands, its overdue judged on the quarter's last day
      this.commitments.stats({ groupBy: 'region' }, asOf),
    ]);

    const city = published.find((r) => r.isCity);
    const cityFigures: BulletinFigure[] = city
      ? CITY_FIGURES.map(({ key, label, kind }) => {
          const value = city.figures[key];
          const yoy = kind === 'rate' ? null : (city.figures.yoy[key as keyof IndicatorValues['yoy']] as number | null | undefined);
          return { key, label, kind, value: value === null || value === undefined ? null : String(value), yoy: yoy ?? null };
        })
      : [];

    const districts: BulletinDistrictRow[] = published
      .filter((r) => !r.isCity)
      .map((r) => {
        const target = targets.find((t) => t.regionCode === r.regionCode)?.value ?? null;
        return {
          regionCode: r.regionCode,
          regionName: r.regionName,
          signedAmountWan: r.figures.signedAmountWan,
          arrivedFundsWan: r.figures.arrivedFundsWan,
          startedCount: r.figures.startedCount,
          arrivedTargetWan: target,
          completion: rateOfAmounts(r.figures.arrivedFundsWan, target),
          rank: null,
        };
      });
    const ranks = rankByCompletion(districts);
    const ranked = districts
      .map((d, i) => ({ ...d, rank: ranks[i], order: i }))
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.order - b.order)
      .map(({ order: _order, ...d }) => d);

    const warningRows = warnings.counts.byRegion.map((r) => ({ regionCode: r.regionCode, regionName: r.regionName, red: r.RED, yellow: r.YELLOW }));
    const noticeRows = followThrough.rows.map((r) => ({ regionCode: r.regionCode, regionName: r.regionName, ...noticeTotals(r.notices) }));
    const noticeTotal = noticeTotals(followThrough.total.notices);

    return {
      quarter,
      issueLabel: bulletinIssueLabel(quarter),
      title: bulletinTitle(quarter),
      months: states,
      openMonths: states.filter((m) => !m.closed).map((m) => m.month),
      figuresTo: last?.month ?? null,
      city: cityFigures,
      districts: ranked,
      shine: { rule: BULLETIN_RANK_RULE, ...shineOf(ranked) },
      warnings: {
        asOf,
        rows: warningRows,
        red: warningRows.reduce((sum, r) => sum + r.red, 0),
        yellow: warningRows.reduce((sum, r) => sum + r.yellow, 0),
      },
      notices: { asOf: followThrough.asOf, rows: noticeRows, issued: noticeTotal.issued, overdue: noticeTotal.overdue },
      commitments:
        `截至${chineseDate(asOf)}，全市${commitments.summary}` +
        (commitments.rows.some((r) => r.reviewed > 0)
          ? `。其中：${commitments.rows
              .filter((r) => r.reviewed > 0)
              .map((r) => `${r.label}${r.reviewed}条、已整改${r.rectified}条`)
              .join('；')}。`
          : '。'),
    };
  }

  /** Generates the bulletin of a quarter and keeps it (content, revisions used, .docx); audited. */
  async create(actor: UserActor, dto: CreateBulletinDto): Promise<BulletinDto> {
    const today = shanghaiToday();
    const content = await this.preview(dto.quarter, today);
    if (content.figuresTo === null) throw ValidationFailed.field('quarter', `${quarterLabel(dto.quarter)}尚无已月结的月份，不能生成通报（${content.openMonths.map(monthLabel).join('、')}未月结）`);
    const revisions = content.months.filter((m) => m.closed).map((m) => ({ month: m.month, revision: m.revision as number }));
    const [settings] = await runSql<{ value: Record<string, unknown> }>(this.dataSource, sql`SELECT value FROM settings WHERE key = 'notices'`);
    const issuer = withDefaultNoticeSettings(settings?.value).issuer;
    const file = await bulletinDocx(content, dto.closingParagraph, issuer, today);

    const saved = await this.dataSource.transaction(async (em) => {
      // one generation of a quarter at a time: the version read and the next one written under one lock
      await runSql(em, sql`SELECT pg_advisory_xact_lock(hashtext(${`bulletin:${dto.quarter}`}))`);
      const [{ latest }] = await runSql<{ latest: number }>(em, sql`SELECT coalesce(max(version), 0)::int AS latest FROM bulletins WHERE quarter = ${dto.quarter}`);
      if (dto.version !== undefined && dto.version !== latest) throw new VersionConflict(`季度的通报`, latest, dto.version);
      const [row] = await runSql<StoredBulletin>(
        em,
        sql`INSERT INTO bulletins (quarter, version, revisions, content, closing_paragraph, docx, generated_by)
            VALUES (${dto.quarter}, ${latest + 1}, ${JSON.stringify(revisions)}::jsonb, ${JSON.stringify(content)}::jsonb, ${dto.closingParagraph}, ${file}, ${actor.displayName})
            RETURNING id, quarter, version, revisions, content, closing_paragraph AS "closingParagraph", generated_by AS "generatedBy", generated_at AS "generatedAt"`,
      );
      await this.audit.record(em, actor, {
        entity: 'bulletin',
        entityId: row.id,
        action: 'CREATE',
        before: null,
        after: { quarter: row.quarter, version: row.version, revisions, closingParagraph: row.closingParagraph },
      });
      return row;
    });
    return { ...summaryOf(saved), content: saved.content, closingParagraph: saved.closingParagraph };
  }

  async list(): Promise<BulletinSummary[]> {
    const rows = await runSql<Omit<StoredBulletin, 'closingParagraph'>>(
      this.dataSource,
      sql`SELECT id, quarter, version, revisions, content, generated_by AS "generatedBy", generated_at AS "generatedAt"
          FROM bulletins ORDER BY quarter DESC, version DESC`,
    );
    return rows.map(summaryOf);
  }

  /** The .docx exactly as generated. */
  async docx(id: string): Promise<{ bulletin: BulletinSummary; file: Buffer }> {
    const [row] = await runSql<Omit<StoredBulletin, 'closingParagraph'> & { docx: Buffer }>(
      this.dataSource,
      sql`SELECT id, quarter, version, revisions, content, docx, generated_by AS "generatedBy", generated_at AS "generatedAt" FROM bulletins WHERE id = ${id}`,
    );
    if (!row) throw new NotFound('通报', id);
    return { bulletin: summaryOf(row), file: row.docx };
  }
}
