import { Logger } from '@nestjs/common';
import { DISTRICTS, generateDemoCommitments, generateDemoFollowThrough, generateDemoProjects, INDUSTRIES } from '@zhaoshang/api/demo';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { runSql, sql, type SqlRunner } from '../common/sql/sql.js';
import { loadDemoCommitments, loadDemoFollowThrough, loadDemoMonthlyData, loadDemoProjects } from '../demo/load-demo.js';
import { loadDemoStatsProjects } from '../demo/load-demo-stats.js';

/**
 * SEED_DEMO=true on a database without projects: the demo data set (600 projects of Tongliao, their
 * monthly reports, FAI totals and month closes), in one transaction. A database that has projects is
 * left as it is, so a restart adds nothing, and so is one whose regions or industries are another
 * city's: the demo set is Tongliao's.
 * Returns how many projects were loaded (0 when none were).
 */
export async function ensureDemoProjects(dataSource: DataSource, config: AppConfig): Promise<number> {
  if (!config.seedDemo) return 0;
  const logger = new Logger('Demo');
  return dataSource.transaction(async (em) => {
    // one starter at a time, even when two API processes boot on one database
    await runSql(em, sql`SELECT pg_advisory_xact_lock(7301002)`);
    const [{ any }] = await runSql<{ any: boolean }>(em, sql`SELECT EXISTS (SELECT 1 FROM projects) AS "any"`);
    if (any) return 0;
    const [{ regions, industries }] = await runSql<{ regions: number; industries: number }>(
      em,
      sql`SELECT (SELECT count(*) FROM regions WHERE code = ANY(${DISTRICTS.map((d) => d.code)}))::int AS regions, (SELECT count(*) FROM industries WHERE code = ANY(${INDUSTRIES.map((i) => i.code)}))::int AS industries`,
    );
    if (regions < DISTRICTS.length || industries < INDUSTRIES.length) {
      logger.warn('演示数据未载入：地区或产业字典不是通辽市的（演示数据按通辽市生成）');
      return 0;
    }
    const started = Date.now();
    const now = new Date();
    const data = generateDemoProjects({ now });
    const loaded = await loadDemoProjects(em, data, { audit: true });
    // their monthly reports, FAI totals and closed months, in the same transaction
    const monthly = await loadDemoMonthlyData(em, data, { audit: true });
    await linkDemoAccounts(em);
    // issue 14: problems, notices up the ladder, their counters (after the links: the signer is the linked leader)
    const followThroughSet = generateDemoFollowThrough(data, { now });
    const followThrough = await loadDemoFollowThrough(em, followThroughSet, { audit: true });
    // issue 15: policy commitments, their history and 提醒单 numbered after the follow-through's
    const commitments = await loadDemoCommitments(em, generateDemoCommitments(data, { now, counters: followThroughSet.counters }), { audit: true });
    // issue 16: the statistics bureau's list of the last two months, with its disagreements
    const statsRows = await loadDemoStatsProjects(em, data);
    logger.log(
      `已载入演示数据：${loaded.projects} 个项目、${monthly.reports} 条月报、${monthly.faiTotals} 条固定资产投资、${monthly.monthCloses} 个已月结月份、` +
        `${followThrough.issues} 个问题诉求、${followThrough.notices + commitments.notices} 份督办通知、${commitments.commitments} 条优惠政策承诺、${statsRows} 行统计局入库项目清单（${Date.now() - started} ms）`,
    );
    return loaded.projects;
  });
}

/**
 * 1+N+9 in the demo (DOMAIN.md §9): the demo leader account is the city leader in charge of 招商引资
 * (their 包联项目 open their home), and each district's demo account is the 旗县联系人 of its region's
 * projects that have a 包联领导 (their 我联系的项目). The accounts were made just before (ensureInitialUsers).
 */
async function linkDemoAccounts(em: SqlRunner): Promise<void> {
  await runSql(
    em,
    sql`UPDATE leaders SET user_id = (SELECT id FROM users WHERE username = 'leader' AND role = 'LEADER')
         WHERE id = (SELECT id FROM leaders WHERE level = 'CITY' AND portfolio LIKE '%招商引资%' ORDER BY sort_order LIMIT 1)
           AND NOT EXISTS (SELECT 1 FROM leaders WHERE user_id IS NOT NULL)`,
  );
  await runSql(
    em,
    sql`UPDATE projects p SET district_contact_id = u.id
          FROM users u
         WHERE u.role = 'DISTRICT_STAFF' AND u.region_code = p.region_code AND p.lead_official IS NOT NULL AND p.district_contact_id IS NULL
           AND u.id = (SELECT min(v.id::text)::uuid FROM users v WHERE v.role = 'DISTRICT_STAFF' AND v.region_code = p.region_code)`,
  );
}
