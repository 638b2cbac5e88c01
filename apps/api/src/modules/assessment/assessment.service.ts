import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AssessmentComponent,
  type AssessmentDistrictFacts,
  type AssessmentInput,
  type AssessmentResponse,
  lastDayOf,
  parseAssessmentPeriod,
  rateOfAmounts,
  rateOfCounts,
  scoreAssessment,
  shanghaiToday,
  TARGET_INDICATORS,
  type TargetIndicator,
} from '@zhaoshang/shared/domain';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '../../common/errors/app.exception.js';
import { runSql, sql } from '../../common/sql/sql.js';
import { readAssessmentSettings } from './assessment-settings.service.js';

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= to; m === 12 ? ((m = 1), (y += 1)) : (m += 1))
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  return months;
}

interface TargetRow {
  regionCode: string;
  indicator: TargetIndicator;
  actual: string;
  /** the annual target × counted months ÷ 12, in the target's form; null when none is set */
  target: string | null;
}

interface DueRow {
  regionCode: string;
  due: number;
  onTime: number;
}

/**
 * 考核排名 (DOMAIN.md §9): each district's inputs computed in SQL, scored by the pure
 * scoreAssessment of the shared domain.
 *
 * - Target completion uses the PUBLISHED figures (published_indicators, the latest revision) of the
 *   period's closed months only, against the annual target pro rata for those months (a quarter with
 *   two closed months is measured against 2/12 of the year's target): an open month's figures can
 *   still change, and a ranking that moved after it was announced would not be believed.
 * - Follow-through is judged on the period's last day (today while the period runs): problems due
 *   in the period up to that day, resolved on time when closed (已解决 or 无法解决, with a note) on or
 *   before their due date; notices issued and due in the period, closed on time the same way.
 * - Commitments (policy_commitments) due in the period up to that day: honoured on time when
 *   已兑现 on or before the due date (部分兑现 is not honoured); one withdrawn (不再兑现, with a
 *   reason) by its due date is left out, one withdrawn later counts as not honoured.
 */
@Injectable()
export class AssessmentService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ranking(periodKey: string, today: string = shanghaiToday()): Promise<AssessmentResponse> {
    const period = parseAssessmentPeriod(periodKey);
    if (!period) throw ValidationFailed.field('period', '考核周期应为 2026-Q3（季度）、2026-H1（半年）或 2026（全年）');
    const months = monthsBetween(period.from, period.to);
    const periodStart = `${period.from}-01`;
    const periodEnd = lastDayOf(period.to);
    const judgedOn = periodEnd < today ? periodEnd : today;
    const d = sql`${sql.param(judgedOn)}::date`;
    const start = sql`${sql.param(periodStart)}::date`;

    const settings = await readAssessmentSettings(this.dataSource);
    const closed = (
      await runSql<{ month: string }>(this.dataSource, sql`SELECT month FROM month_closes WHERE closed AND month = ANY(${months}::text[]) ORDER BY month`)
    ).map((r) => r.month);
    const share = sql`${sql.param(closed.length)}::numeric / 12`;

    const [districts, targets, issues, notices, commitments] = await Promise.all([
      runSql<{ code: string; name: string }>(
        this.dataSource,
        sql`SELECT code, name FROM regions WHERE parent_code IS NOT NULL ORDER BY sort_order, code`,
      ),
      // Σ of the closed months' published MONTH figures (the latest revision of each), beside the pro-rata target
      runSql<TargetRow>(
        this.dataSource,
        sql`WITH latest AS (
              SELECT month, max(revision) AS revision FROM publications WHERE month = ANY(${closed}::text[]) GROUP BY month
            ), actual AS (
              SELECT pi.region_code, i.indicator, sum((pi.figures ->> i.indicator)::numeric) AS value
              FROM published_indicators pi
              JOIN latest l ON l.month = pi.month AND l.revision = pi.revision
              CROSS JOIN unnest(${[...TARGET_INDICATORS]}::text[]) AS i(indicator)
              WHERE pi.period = 'MONTH'
              GROUP BY pi.region_code, i.indicator
            )
            SELECT t.region_code AS "regionCode", t.indicator,
              CASE WHEN t.indicator = ANY(${['signedCount10m', 'startedCount']}::text[]) THEN trunc(coalesce(a.value, 0))::text ELSE round(coalesce(a.value, 0), 2)::text END AS actual,
              CASE WHEN ${sql.param(closed.length)}::int = 0 THEN NULL ELSE round(t.value * ${share}, 2)::text END AS target
            FROM targets t
            JOIN regions r ON r.code = t.region_code AND r.parent_code IS NOT NULL
            LEFT JOIN actual a ON a.region_code = t.region_code AND a.indicator = t.indicator
            WHERE t.year = ${period.year}`,
      ),
      runSql<DueRow>(
        this.dataSource,
        sql`SELECT p.region_code AS "regionCode", count(*)::int AS due,
              count(*) FILTER (WHERE i.closed_at IS NOT NULL AND i.closed_at <= i.due_at)::int AS "onTime"
            FROM project_issues i JOIN projects p ON p.id = i.project_id
            WHERE i.due_at >= ${start} AND i.due_at <= ${d}
            GROUP BY p.region_code`,
      ),
      runSql<DueRow>(
        this.dataSource,
        sql`SELECT p.region_code AS "regionCode", count(*)::int AS due,
              count(*) FILTER (WHERE n.closed_at IS NOT NULL AND n.closed_at <= n.deadline)::int AS "onTime"
            FROM notices n JOIN projects p ON p.id = n.project_id
            WHERE n.status IN ('ISSUED', 'ANSWERED', 'CLOSED') AND n.deadline >= ${start} AND n.deadline <= ${d}
            GROUP BY p.region_code`,
      ),
      // a commitment withdrawn (with its reason) by its due date no longer counts; withdrawn later, it was not honoured
      runSql<DueRow>(
        this.dataSource,
        sql`SELECT p.region_code AS "regionCode", count(*)::int AS due,
              count(*) FILTER (WHERE c.status = 'HONOURED' AND c.honoured_at <= c.due_at)::int AS "onTime"
            FROM policy_commitments c JOIN projects p ON p.id = c.project_id
            WHERE c.due_at >= ${start} AND c.due_at <= ${d} AND NOT (c.status = 'WITHDRAWN' AND c.withdrawn_at <= c.due_at)
            GROUP BY p.region_code`,
      ),
    ]);

    const facts = new Map<string, AssessmentDistrictFacts>(
      districts.map((r) => [
        r.code,
        {
          regionCode: r.code,
          regionName: r.name,
          targets: targets.filter((t) => t.regionCode === r.code).map(({ indicator, actual, target }) => ({ indicator, actual, target })),
          issues: pick(issues, r.code),
          notices: pick(notices, r.code),
          commitments: pick(commitments, r.code),
        },
      ]),
    );
    const inputs: AssessmentInput[] = [...facts.values()].map((f) => ({ regionCode: f.regionCode, regionName: f.regionName, ratios: ratiosOf(f) }));
    const rows = scoreAssessment(inputs, settings.weights).map((row) => ({ ...row, facts: facts.get(row.regionCode) as AssessmentDistrictFacts }));
    return {
      period,
      closedMonths: closed,
      openMonths: months.filter((m) => !closed.includes(m)),
      judgedOn,
      weights: settings.weights,
      settingsVersion: settings.version,
      rows,
    };
  }
}

function pick(rows: DueRow[], regionCode: string): { due: number; onTime: number } {
  const row = rows.find((r) => r.regionCode === regionCode);
  return { due: row?.due ?? 0, onTime: row?.onTime ?? 0 };
}

/** The pure function's inputs: completion per target indicator, shares of on-time closing; null when nothing to judge. */
function ratiosOf(facts: AssessmentDistrictFacts): Partial<Record<AssessmentComponent, number | null>> {
  const ratios: Partial<Record<AssessmentComponent, number | null>> = {};
  for (const t of facts.targets)
    // a pro-rata target of counts has decimals (10 a year → 2.50 a quarter): both are compared as 2-decimal amounts
    ratios[t.indicator] = rateOfAmounts(t.actual, t.target);
  ratios.issuesOnTime = rateOfCounts(facts.issues.onTime, facts.issues.due);
  ratios.noticesOnTime = rateOfCounts(facts.notices.onTime, facts.notices.due);
  ratios.commitmentsHonoured = rateOfCounts(facts.commitments.onTime, facts.commitments.due);
  return ratios;
}
