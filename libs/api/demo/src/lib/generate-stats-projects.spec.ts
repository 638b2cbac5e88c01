import { completedDiffers, DEFAULT_STATS_TOLERANCE, nationalCodeProblem, normalizedProjectName, registeredBy } from '@zhaoshang/shared/domain';
import { generateDemoProjects } from './generate-projects.js';
import { generateDemoStatsProjects } from './generate-stats-projects.js';

const NOW = new Date('2026-12-05T04:00:00Z');
const data = generateDemoProjects({ now: NOW });
const MONTHS = ['2026-10', '2026-11'];
// ours: every project 1000 万元 so far this year (the loader reads the real figures from SQL)
const oursYtd = new Map(data.projects.flatMap((p) => MONTHS.map((m) => [`${p.projectNo}:${m}`, '1000.00'] as const)));
const rows = generateDemoStatsProjects(data, { months: MONTHS, oursYtd });
const november = rows.filter((r) => r.month === '2026-11');

/** Pairs a row with one of ours as the reconciliation does: the code, else the name in the region. */
function ourProject(row: (typeof rows)[number]) {
  return data.projects.find((p) => p.nationalCode === row.nationalCode) ?? data.projects.find((p) => p.regionCode === row.regionCode && normalizedProjectName(p.name) === normalizedProjectName(row.name));
}

describe('generateDemoStatsProjects', () => {
  it('is the same list for the same data set', () => {
    expect(generateDemoStatsProjects(data, { months: MONTHS, oursYtd })).toEqual(rows);
  });

  it('gives valid rows, one per month and code', () => {
    for (const r of rows) {
      expect(nationalCodeProblem(r.nationalCode)).toBeNull();
      expect(r.registeredMonth <= r.month).toBe(true);
    }
    expect(new Set(rows.map((r) => `${r.month}:${r.nationalCode}`)).size).toBe(rows.length);
  });

  it('lists about 85% of our 入库 projects, and disagrees in every way the reconciliation lists', () => {
    const ours = data.projects.filter((p) => p.stage !== 'TERMINATED' && registeredBy(p, '2026-11'));
    const paired = november.map((r) => ({ row: r, project: ourProject(r) }));
    const listedOurs = new Set(paired.flatMap((x) => (x.project && registeredBy(x.project, '2026-11') ? [x.project.projectNo] : [])));
    const share = listedOurs.size / ours.length;
    expect(share).toBeGreaterThan(0.8);
    expect(share).toBeLessThan(0.9);
    // theirs that we have but never marked 入库; theirs we do not know at all; name-only pairs
    expect(paired.filter((x) => x.project && !x.project.statsRegistered).length).toBeGreaterThan(0);
    expect(paired.filter((x) => !x.project).length).toBeGreaterThan(3);
    expect(paired.filter((x) => x.project && x.project.nationalCode === null).length).toBeGreaterThan(5);
    // amounts beyond the tolerance, and 入库 months that differ
    const differing = paired.filter((x) => x.project && completedDiffers('1000.00', x.row.completedYtdWan, DEFAULT_STATS_TOLERANCE));
    expect(differing.length / paired.length).toBeGreaterThan(0.02);
    expect(differing.length / paired.length).toBeLessThan(0.15);
    expect(paired.filter((x) => x.project?.statsRegistered && x.project.statsRegisteredMonth !== x.row.registeredMonth).length).toBeGreaterThan(0);
  });
});
