import { Logger } from '@nestjs/common';
import { DISTRICTS, generateDemoProjects, INDUSTRIES } from '@zhaoshang/api/demo';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { runSql, sql } from '../common/sql/sql.js';
import { loadDemoMonthlyData, loadDemoProjects } from '../demo/load-demo.js';

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
    const data = generateDemoProjects();
    const loaded = await loadDemoProjects(em, data, { audit: true });
    // their monthly reports, FAI totals and closed months, in the same transaction
    const monthly = await loadDemoMonthlyData(em, data, { audit: true });
    logger.log(`已载入演示数据：${loaded.projects} 个项目、${monthly.reports} 条月报、${monthly.faiTotals} 条固定资产投资、${monthly.monthCloses} 个已月结月份（${Date.now() - started} ms）`);
    return loaded.projects;
  });
}
