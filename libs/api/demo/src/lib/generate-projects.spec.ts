import {
  DEFAULT_WARNING_SETTINGS,
  APPROVAL_KINDS,
  INVESTOR_ORIGINS,
  milestoneProblems,
  MONEY_WAN_PATTERN,
  NATIONAL_CODE_PATTERN,
  PROJECT_NO_PATTERN,
  projectFieldProblems,
  usccProblem,
} from '@zhaoshang/shared/domain';
import { createHash } from 'node:crypto';
import { type DemoProject, generateDemoProjects } from './generate-projects.js';

const NOW = new Date('2026-03-15T04:00:00Z');
const TODAY = '2026-03-15';
const data = generateDemoProjects({ now: NOW });
const projects = data.projects;
const share = (predicate: (p: DemoProject) => boolean, of: DemoProject[] = projects) => of.filter(predicate).length / of.length;
const sum = (items: DemoProject[]) => items.reduce((total, p) => total + Number(p.contractAmountWan), 0);

describe('generateDemoProjects', () => {
  it('gives the same data for the same seed and day, other data for another seed', () => {
    expect(generateDemoProjects({ now: NOW })).toEqual(data);
    const other = generateDemoProjects({ now: NOW, seed: 7 });
    expect(other.projects.map((p) => p.name)).not.toEqual(projects.map((p) => p.name));
  });

  it('makes 600 projects by default, and as many as asked', () => {
    expect(projects).toHaveLength(600);
    expect(data.today).toBe(TODAY);
    expect(generateDemoProjects({ now: NOW, count: 37 }).projects).toHaveLength(37);
  });

  it('makes every project valid by the shared rules', () => {
    for (const p of projects) {
      expect({ projectNo: p.projectNo, problems: milestoneProblems(p.stage, p, TODAY) }).toEqual({ projectNo: p.projectNo, problems: [] });
      expect({ projectNo: p.projectNo, problems: projectFieldProblems(p, TODAY, DEFAULT_WARNING_SETTINGS.STATS.minPlannedInvestmentWan) }).toEqual({ projectNo: p.projectNo, problems: [] });
      expect(p.contractAmountWan).toMatch(/^\d+\.\d{2}$/);
      expect(p.contractAmountWan).toMatch(MONEY_WAN_PATTERN);
      expect(Number(p.contractAmountWan)).toBeGreaterThanOrEqual(500);
      expect(Number(p.contractAmountWan)).toBeLessThanOrEqual(500_000);
      expect(p.createdAt <= p.updatedAt && new Date(p.updatedAt) <= NOW).toBe(true);
    }
  });

  it.each([
    ['2021-01-05T02:00:00Z', 1],
    ['2023-07-01T15:59:00Z', 2],
    ['2030-12-31T23:00:00Z', 3],
  ])('stays valid on any day, however short the history (now %s, seed %d)', (now, seed) => {
    const generated = generateDemoProjects({ now: new Date(now), seed, count: 300 });
    expect(generated.projects).toHaveLength(300);
    for (const p of generated.projects) {
      expect(projectFieldProblems(p, generated.today, DEFAULT_WARNING_SETTINGS.STATS.minPlannedInvestmentWan)).toEqual([]);
      if (p.parentProjectNo !== null) expect(generated.projects.some((q) => q.projectNo === p.parentProjectNo)).toBe(true);
      expect(new Date(p.updatedAt) <= new Date(now)).toBe(true);
    }
  });

  it('numbers projects {region}-{year}-{seq} without gaps, and gives the sequences the API continues from', () => {
    const numbers = projects.map((p) => p.projectNo);
    expect(new Set(numbers).size).toBe(numbers.length);
    const seqs = new Map<string, number[]>();
    for (const p of projects) {
      expect(p.projectNo).toMatch(PROJECT_NO_PATTERN);
      const [region, year, seq] = p.projectNo.split('-');
      expect(region).toBe(p.regionCode);
      if (p.signedAt !== null) expect(year).toBe(p.signedAt.slice(0, 4));
      seqs.set(`${region}-${year}`, [...(seqs.get(`${region}-${year}`) ?? []), Number(seq)]);
    }
    expect(data.sequences).toHaveLength(seqs.size);
    for (const s of data.sequences) {
      const given = seqs.get(`${s.regionCode}-${s.year}`) ?? [];
      expect(given).toEqual(Array.from({ length: s.lastSeq }, (_, i) => i + 1));
    }
  });

  it('continues after numbers already given', () => {
    const key = `${projects[0].regionCode}-${projects[0].projectNo.slice(7, 11)}`;
    const more = generateDemoProjects({ now: NOW, lastSeqs: new Map([[key, 40]]) });
    expect(more.projects[0].projectNo).toBe(`${key}-0041`);
    expect(more.sequences.find((s) => `${s.regionCode}-${s.year}` === key)?.lastSeq).toBe((data.sequences.find((s) => `${s.regionCode}-${s.year}` === key)?.lastSeq ?? 0) + 40);
  });

  it('gives most investors a valid USCC, one name per USCC, and several projects to some', () => {
    const withUscc = projects.filter((p) => p.investorUscc !== null);
    expect(withUscc.length / projects.length).toBeGreaterThan(0.85);
    const names = new Map<string, Set<string>>();
    for (const p of withUscc) {
      expect(usccProblem(p.investorUscc as string)).toBeNull();
      names.set(p.investorUscc as string, (names.get(p.investorUscc as string) ?? new Set()).add(p.investorName));
    }
    expect([...names.values()].every((n) => n.size === 1)).toBe(true);
    expect(names.size).toBeLessThan(withUscc.length * 0.9);
    expect(projects.every((p) => /(公司|株式会社)$/.test(p.investorName))).toBe(true);
  });

  it('links ~3% capital increases to an earlier project of the same investor in the same district', () => {
    const increases = projects.filter((p) => p.parentProjectNo !== null);
    expect(increases.length).toBe(18);
    for (const child of increases) {
      const parentIndex = projects.findIndex((p) => p.projectNo === child.parentProjectNo);
      expect(parentIndex).toBeGreaterThanOrEqual(0);
      expect(parentIndex).toBeLessThan(projects.indexOf(child));
      const parent = projects[parentIndex];
      expect([parent.investorName, parent.investorUscc, parent.regionCode, parent.parentProjectNo]).toEqual([child.investorName, child.investorUscc, child.regionCode, null]);
      expect((parent.signedAt as string) < (child.signedAt as string)).toBe(true);
      expect(child.name).toContain('增资');
    }
  });

  it('keeps project names unique in a district, ignoring spaces and case', () => {
    const keys = projects.map((p) => `${p.regionCode}|${p.name.replace(/\s/g, '').toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has stages in plausible proportions, older projects further along', () => {
    expect(share((p) => p.stage === 'NEGOTIATING')).toBeGreaterThan(0.05);
    expect(share((p) => p.stage === 'NEGOTIATING')).toBeLessThan(0.11);
    expect(share((p) => p.stage === 'TERMINATED')).toBeGreaterThan(0.03);
    expect(share((p) => p.stage === 'TERMINATED')).toBeLessThan(0.08);
    expect(projects.filter((p) => p.stage === 'TERMINATED').every((p) => /[\u4e00-\u9fff]/.test(p.terminationReason ?? ''))).toBe(true);
    const signedIn = (year: string) => projects.filter((p) => p.signedAt?.startsWith(year));
    const producing = (year: string) => share((p) => p.stage === 'IN_PRODUCTION', signedIn(year));
    expect(producing('2021')).toBeGreaterThan(0.6);
    expect(producing('2021')).toBeGreaterThan(producing('2023'));
    expect(producing('2023')).toBeGreaterThan(producing('2025'));
    const counts = ['2021', '2022', '2023', '2024', '2025'].map((y) => signedIn(y).length);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(projects.every((p) => p.signedAt === null || p.signedAt >= '2021-01-01')).toBe(true);
  });

  it('draws origins mostly from outside the city', () => {
    const of = Object.fromEntries(INVESTOR_ORIGINS.map((o) => [o, share((p) => p.investorOrigin === o)]));
    expect(of['OUT_OF_REGION'] + of['IN_REGION_OUT_OF_CITY']).toBeGreaterThan(0.6);
    expect(of['OUT_OF_REGION']).toBeGreaterThan(of['IN_REGION_OUT_OF_CITY']);
    for (const o of ['FOREIGN', 'IN_CITY_OTHER_COUNTY', 'LOCAL']) {
      expect(of[o]).toBeGreaterThan(0.02);
      expect(of[o]).toBeLessThan(0.2);
    }
  });

  it('weights districts and industries as Tongliao is: the big three districts, NE/AG/NM first by amount', () => {
    const byRegion = new Map<string, number>();
    for (const p of projects) byRegion.set(p.regionCode, (byRegion.get(p.regionCode) ?? 0) + 1);
    expect(byRegion.size).toBe(9);
    const top3 = [...byRegion].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([code]) => code);
    expect(top3.sort()).toEqual(['150502', '150571', '150581']);
    const industries = [...new Set(projects.map((p) => p.industryCode))];
    expect(industries).toHaveLength(10);
    const byAmount = industries.map((code) => [code, sum(projects.filter((p) => p.industryCode === code))] as const).sort((a, b) => b[1] - a[1]);
    expect(byAmount.slice(0, 3).map(([code]) => code).sort()).toEqual(['AG', 'NE', 'NM']);
  });

  it('sizes contracts at the scale of the city reports, mostly from 1,000 万元, planned investment near them', () => {
    const signed = projects.filter((p) => p.signedAt !== null);
    const mean = sum(signed) / signed.length;
    expect(mean).toBeGreaterThan(25_000);
    expect(mean).toBeLessThan(55_000);
    expect(share((p) => Number(p.contractAmountWan) >= 1000)).toBeGreaterThan(0.9);
    expect(share((p) => Number(p.contractAmountWan) < 1000)).toBeGreaterThan(0.01);
    for (const p of projects.filter((q) => q.plannedInvestmentWan !== null)) {
      const ratio = Number(p.plannedInvestmentWan) / Number(p.contractAmountWan);
      expect(ratio).toBeGreaterThanOrEqual(0.95);
      expect(ratio).toBeLessThanOrEqual(1.45);
    }
  });

  it('flags ~10% key projects, each with a lead official and department', () => {
    const key = projects.filter((p) => p.isKeyProject);
    expect(key.length).toBe(60);
    expect(key.every((p) => /^\S+ \S+$/.test(p.leadOfficial ?? '') && (p.leadDepartment ?? '') !== '')).toBe(true);
    expect(sum(key) / key.length).toBeGreaterThan((sum(projects) / projects.length) * 2);
  });

  // issue 14 (1+N+9): beyond the key projects, most projects have a 包联领导 and 责任单位 too
  it('gives ~85% of all projects a lead official and department, a city leader to the big ones, few to those in negotiation', () => {
    const assigned = projects.filter((p) => p.leadOfficial !== null);
    expect(assigned.length / projects.length).toBeGreaterThan(0.8);
    expect(assigned.length / projects.length).toBeLessThan(0.9);
    expect(projects.every((p) => (p.leadOfficial === null) === (p.leadDepartment === null))).toBe(true);
    const negotiating = projects.filter((p) => p.stage === 'NEGOTIATING');
    expect(share((p) => p.leadOfficial !== null, negotiating)).toBeLessThan(0.6);
    const cityLeaders = new Set(data.leaders.filter((l) => l.level === 'CITY').map((l) => l.name));
    const big = projects.filter((p) => !p.isKeyProject && p.leadOfficial !== null && Number(p.contractAmountWan) >= 100_000);
    expect(big.length).toBeGreaterThan(10);
    expect(big.every((p) => cityLeaders.has(p.leadOfficial as string))).toBe(true);
    const small = projects.filter((p) => !p.isKeyProject && p.leadOfficial !== null && Number(p.contractAmountWan) < 100_000);
    expect(small.every((p) => !cityLeaders.has(p.leadOfficial as string))).toBe(true);
    // the executive vice mayor (the demo leader account's entry) keeps only the key projects they had
    const executive = data.leaders.find((l) => l.portfolio?.includes('招商引资'))?.name;
    expect(projects.filter((p) => p.leadOfficial === executive).every((p) => p.isKeyProject)).toBe(true);
    expect(share((p) => (p.leadDepartment ?? '').endsWith('商务和投资促进局') || p.leadDepartment === '通辽经济技术开发区投资促进局', assigned)).toBeGreaterThan(0.4);
  });

  it('keeps every other field as before issue 14: responsibilities come from a stream of their own', () => {
    // the fingerprint of the data set as generated before issue 14 (main at 5a167a8), the new responsibilities left out
    const before = projects.map((p) => (p.isKeyProject ? p : { ...p, leadOfficial: null, leadDepartment: null }));
    expect(createHash('sha256').update(JSON.stringify(before)).digest('hex')).toBe('37e09db69140ed12655e2b781a4581acaf8363fca02c12e4fc89199b732a58d1');
  });

  it('names only leaders and units of its lists, each leader once, a district leader only on its own district’s projects', () => {
    const leaders = new Map(data.leaders.map((l) => [l.name, l]));
    expect(leaders.size).toBe(data.leaders.length);
    expect(new Set(data.units.map((u) => u.name)).size).toBe(data.units.length);
    const units = new Set(data.units.map((u) => u.name));
    for (const p of projects.filter((x) => x.leadOfficial !== null)) {
      const leader = leaders.get(p.leadOfficial ?? '');
      expect(leader).toBeDefined();
      if (leader?.level === 'DISTRICT') expect(leader.regionCode).toBe(p.regionCode);
      expect(units.has(p.leadDepartment ?? '')).toBe(true);
    }
    expect(data.leaders.filter((l) => l.level === 'CITY').every((l) => l.portfolio !== null)).toBe(true);
  });

  it('gives about half a national code, and statistics registration only to started projects of ≥ 500 万元', () => {
    const coded = projects.filter((p) => p.nationalCode !== null);
    expect(coded.length / projects.length).toBeGreaterThan(0.35);
    expect(coded.length / projects.length).toBeLessThan(0.65);
    expect(coded.every((p) => NATIONAL_CODE_PATTERN.test(p.nationalCode as string) && (p.nationalCode as string).slice(5, 11) === p.regionCode)).toBe(true);
    const registered = projects.filter((p) => p.statsRegistered);
    expect(registered.length).toBeGreaterThan(projects.length * 0.3);
    for (const p of registered) {
      expect(p.constructionStartedAt).not.toBeNull();
      expect(Number(p.plannedInvestmentWan)).toBeGreaterThanOrEqual(500);
      expect((p.statsRegisteredMonth as string) >= (p.constructionStartedAt as string).slice(0, 7)).toBe(true);
    }
    const started = projects.filter((p) => p.constructionStartedAt !== null);
    expect(registered.length / started.length).toBeGreaterThan(0.75);
  });

  it('works through the approvals checklist as far as the stage makes plausible', () => {
    for (const p of projects) {
      expect(p.approvals.map((a) => a.kind)).toEqual([...APPROVAL_KINDS]);
      for (const a of p.approvals) {
        expect(a.status === 'DONE').toBe(a.doneAt !== null);
        if (a.doneAt === null) continue;
        expect(a.doneAt >= (p.signedAt as string) && a.doneAt <= TODAY).toBe(true);
        if (p.constructionStartedAt !== null) expect(a.doneAt <= p.constructionStartedAt).toBe(true);
      }
    }
    const done = (p: DemoProject) => p.approvals.filter((a) => a.status === 'DONE' || a.status === 'NOT_REQUIRED').length;
    const started = projects.filter((p) => p.stage === 'UNDER_CONSTRUCTION' || p.stage === 'IN_PRODUCTION');
    expect(share((p) => done(p) === 6, started)).toBeGreaterThan(0.8);
    expect(share((p) => done(p) < 6, started)).toBeGreaterThan(0.02);
    expect(projects.filter((p) => p.stage === 'NEGOTIATING').every((p) => p.approvals.every((a) => a.status !== 'DONE'))).toBe(true);
  });
});
