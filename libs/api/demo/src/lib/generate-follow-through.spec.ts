import {
  addDays,
  addWorkingDays,
  DEFAULT_NOTICE_SETTINGS,
  DEFAULT_WARNING_SETTINGS,
  isClosedIssue,
  isWorkingDay,
  LIVE_NOTICE_STATUSES,
  NEXT_NOTICE_KIND,
  type NoticeKind,
  noticeNumber,
  warningThresholds,
} from '@zhaoshang/shared/domain';
import { CHAIN_PLANS, type DemoFollowThrough, type DemoNotice, generateDemoFollowThrough } from './generate-follow-through.js';
import { PROBLEMS } from './follow-through-vocabulary.js';
import { type DemoDataSet, generateDemoProjects } from './generate-projects.js';

const NOW = new Date('2026-12-05T04:00:00Z');
const TODAY = '2026-12-05';
const data = generateDemoProjects({ now: NOW });
const ft = generateDemoFollowThrough(data, { now: NOW });
const RUNGS: readonly NoticeKind[] = ['REMINDER', 'URGE', 'SUPERVISE', 'TRANSFER'];

/** How many notices of each kind the plans make: a chain reaching rung r has one of each kind up to r. */
const planned = (kind: NoticeKind) => CHAIN_PLANS.filter((p) => p.top >= RUNGS.indexOf(kind)).reduce((sum, p) => sum + p.count, 0);

/** The latest notice of each subject (problem, or project + warning rule). */
function latestBySubject(set: DemoFollowThrough): DemoNotice[] {
  const later = new Set(set.notices.map((n) => n.previousKey));
  return set.notices.filter((n) => !later.has(n.key));
}

describe('generateDemoFollowThrough', () => {
  it('gives the same follow-through for the same data set, seed and day', () => {
    expect(generateDemoFollowThrough(data, { now: NOW })).toEqual(ft);
  });

  it('raises ~150 problems over the last 10 months, 用地, 水电气暖 and 审批服务 most often', () => {
    expect(ft.issues.length).toBeGreaterThanOrEqual(140);
    expect(ft.issues.length).toBeLessThanOrEqual(155);
    expect(ft.issues.every((i) => i.raisedAt >= addDays(TODAY, -300) && i.raisedAt <= TODAY)).toBe(true);
    const byCategory = new Map<string, number>();
    for (const i of ft.issues) byCategory.set(i.category, (byCategory.get(i.category) ?? 0) + 1);
    const ranked = [...byCategory].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(ranked.slice(0, 4)).toEqual(expect.arrayContaining(['LAND', 'UTILITIES']));
    expect(ranked.indexOf('APPROVAL_SERVICE')).toBeLessThan(5);
    expect(byCategory.size).toBe(10);
  });

  it('raises a problem only on a project already signed, in a stage where it is met, with its due date by category', () => {
    const projects = new Map(data.projects.map((p) => [p.projectNo, p]));
    for (const i of ft.issues) {
      const p = projects.get(i.projectNo);
      expect(p?.signedAt).not.toBeNull();
      expect((p?.signedAt as string) <= i.raisedAt).toBe(true);
      expect(['NEGOTIATING', 'TERMINATED']).not.toContain(p?.stage);
      expect(i.dueAt >= i.raisedAt).toBe(true);
    }
    expect(ft.issues.some((i) => i.description.includes('用地'))).toBe(true);
    const raised = ft.issues.map((i) => `${i.projectNo}|${i.description}`);
    expect(new Set(raised).size).toBe(raised.length);
  });

  it('closes ~55% (most resolved, some found unresolvable), leaves some open in time, some overdue, a few red (> 15 days)', () => {
    const closed = ft.issues.filter((i) => isClosedIssue(i.status));
    expect(closed.length / ft.issues.length).toBeGreaterThan(0.5);
    expect(closed.length / ft.issues.length).toBeLessThan(0.6);
    const unresolvable = closed.filter((i) => i.status === 'UNRESOLVABLE').length;
    expect(unresolvable).toBeGreaterThan(3);
    expect(unresolvable).toBeLessThan(closed.length * 0.2);
    const open = ft.issues.filter((i) => !isClosedIssue(i.status));
    expect(open.filter((i) => i.dueAt >= TODAY).length).toBeGreaterThan(15);
    const overdue = open.filter((i) => i.dueAt < TODAY);
    expect(overdue.length).toBeGreaterThan(15);
    const red = overdue.filter((i) => i.dueAt < addDays(TODAY, -15));
    expect(red.length).toBeGreaterThanOrEqual(5);
    expect(red.length).toBeLessThan(overdue.length);
    // closed ⇔ resolution and closing day (the table's chk_project_issues_closed), never before raising nor after today
    for (const i of ft.issues) {
      expect(isClosedIssue(i.status)).toBe(i.resolution !== null && i.closedAt !== null);
      if (i.closedAt) expect(i.closedAt >= i.raisedAt && i.closedAt < TODAY).toBe(true);
    }
    expect(closed.some((i) => (i.closedAt as string) > i.dueAt)).toBe(true);
  });

  it('gives every problem 1–3 notes dated between raising and closing (today for the open), the closing one as the app writes it', () => {
    for (const i of ft.issues) {
      expect(i.notes.length).toBeGreaterThanOrEqual(1);
      expect(i.notes.length).toBeLessThanOrEqual(3);
      const end = i.closedAt ?? TODAY;
      expect(i.notes.every((n) => n.at >= i.raisedAt && n.at <= end)).toBe(true);
      expect(i.notes.map((n) => n.at)).toEqual([...i.notes.map((n) => n.at)].sort());
      if (i.status === 'RESOLVED') expect(i.notes[i.notes.length - 1].text).toBe(`办理中 → 已解决：${i.resolution}`);
      if (i.status === 'OPEN') expect(i.notes.every((n) => !n.text.includes('→'))).toBe(true);
    }
  });

  it('fills every placeholder of its sentences, {n} from the values of its sentence', () => {
    expect(JSON.stringify(ft)).not.toMatch(/\{(n|park|unit)\}/);
    for (const template of Object.values(PROBLEMS).flat()) {
      expect(template.description.includes('{n}') || template.resolution.includes('{n}')).toBe(template.n !== undefined);
    }
  });

  it('sends problems to the units of the list that handle their category', () => {
    const units = new Map(data.units.map((u) => [u.name, u]));
    expect(ft.issues.every((i) => units.has(i.unitName))).toBe(true);
    expect(ft.issues.filter((i) => i.category === 'EIA').every((i) => i.unitName === '市生态环境局')).toBe(true);
    expect(ft.issues.filter((i) => i.category === 'FINANCING').every((i) => i.unitName === '市金融工作办公室')).toBe(true);
    expect(ft.issues.filter((i) => i.category === 'UTILITIES').every((i) => ['国网通辽供电公司', '市住房和城乡建设局'].includes(i.unitName))).toBe(true);
    // a district's bureau only for its own projects
    for (const i of ft.issues.filter((x) => units.get(x.unitName)?.level === 'DISTRICT')) expect(units.get(i.unitName)?.regionCode).toBe(i.projectNo.slice(0, 6));
  });

  it('issues notices at every rung: ~40 提醒单, 15 催办单, 6 督办单 (one waiting for the signature, one returned), 2 移交函', () => {
    const count = (kind: NoticeKind) => ft.notices.filter((n) => n.kind === kind).length;
    expect([count('REMINDER'), count('URGE'), count('SUPERVISE'), count('TRANSFER')]).toEqual([40, 15, 6, 2]);
    expect(RUNGS.map(planned)).toEqual([40, 15, 6, 2]);
    const supervise = ft.notices.filter((n) => n.kind === 'SUPERVISE');
    expect(supervise.filter((n) => n.status === 'PENDING_SIGNATURE')).toHaveLength(1);
    expect(supervise.filter((n) => n.status === 'RETURNED')).toHaveLength(1);
    expect(ft.notices.filter((n) => n.subjectType === 'WARNING').length).toBeGreaterThan(5);
  });

  it('chains each notice to the previous rung about the same subject, which is closed the day the next is issued', () => {
    const byKey = new Map(ft.notices.map((n) => [n.key, n]));
    for (const n of ft.notices) {
      if (n.previousKey === null) {
        expect(n.kind).toBe('REMINDER');
        continue;
      }
      const previous = byKey.get(n.previousKey) as DemoNotice;
      expect(previous.key).toBeLessThan(n.key);
      expect(NEXT_NOTICE_KIND[previous.kind]).toBe(n.kind);
      expect([previous.subjectType, previous.projectNo, previous.issueKey, previous.warningRule]).toEqual([n.subjectType, n.projectNo, n.issueKey, n.warningRule]);
      // escalated only once the previous deadline had passed
      expect(previous.deadline < (n.issuedAt ?? n.createdAt.slice(0, 10))).toBe(true);
      if (n.issuedAt !== null) expect([previous.status, previous.closedAt]).toEqual(['CLOSED', n.issuedAt]);
      else expect(LIVE_NOTICE_STATUSES).toContain(previous.status);
    }
    // one chain per subject
    const subjects = latestBySubject(ft).map((n) => `${n.issueKey ?? ''}|${n.projectNo}|${n.warningRule ?? ''}`);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it('numbers issued notices per kind and year consecutively in the order of issue, with the settings’ prefixes; the counters at the last', () => {
    const issued = ft.notices.filter((n) => n.issuedAt !== null);
    expect(ft.notices.every((n) => (n.issuedAt !== null) === ['ISSUED', 'ANSWERED', 'CLOSED'].includes(n.status))).toBe(true);
    const groups = new Map<string, DemoNotice[]>();
    for (const n of issued) groups.set(`${n.kind}-${n.year}`, [...(groups.get(`${n.kind}-${n.year}`) ?? []), n]);
    for (const [, group] of groups) {
      const sorted = [...group].sort((a, b) => (a.seq as number) - (b.seq as number));
      expect(sorted.map((n) => n.seq)).toEqual(sorted.map((_, i) => i + 1));
      expect(sorted.map((n) => n.issuedAt)).toEqual([...sorted.map((n) => n.issuedAt)].sort());
      for (const n of sorted) {
        expect(n.year).toBe(Number((n.issuedAt as string).slice(0, 4)));
        expect(n.number).toBe(noticeNumber(DEFAULT_NOTICE_SETTINGS.prefixes[n.kind], n.year as number, n.seq as number));
      }
    }
    expect(ft.counters.map((c) => [c.kind, c.year, c.last]).sort()).toEqual([...groups].map(([, g]) => [g[0].kind, g[0].year, g.length]).sort());
    expect(ft.notices.filter((n) => n.issuedAt === null).every((n) => n.number === null && n.seq === null && n.year === null)).toBe(true);
  });

  it('sets deadlines in working days from the day of issue, issues on working days, and has the leader sign 督办单 and 移交函', () => {
    const signer = data.leaders.find((l) => l.level === 'CITY' && l.portfolio?.includes('招商引资'))?.name;
    expect(signer).toMatch(/^常务副市长 /);
    for (const n of ft.notices) {
      const from = n.issuedAt ?? n.createdAt.slice(0, 10);
      if (n.issuedAt !== null) expect(n.deadline).toBe(addWorkingDays(n.issuedAt, DEFAULT_NOTICE_SETTINGS.deadlineWorkingDays[n.kind], DEFAULT_NOTICE_SETTINGS));
      if (n.issuedAt !== null) expect(isWorkingDay(n.issuedAt, DEFAULT_NOTICE_SETTINGS)).toBe(true);
      expect(n.signerLeaderName).toBe(n.kind === 'SUPERVISE' || n.kind === 'TRANSFER' ? signer : null);
      if (n.kind === 'SUPERVISE' || n.kind === 'TRANSFER') expect(n.signedAt === null).toBe(n.issuedAt === null);
      if (n.status === 'RETURNED') expect(n.signComment).toBeTruthy();
      expect(n.kind === 'TRANSFER' ? n.recipientUnitName === '市纪委监委' : n.recipientUnitName !== '市纪委监委').toBe(true);
      expect(from <= TODAY).toBe(true);
    }
  });

  it('closes some on time and some late, leaves some live and overdue (待升级 not empty), some live within their time', () => {
    const final = latestBySubject(ft);
    const closed = final.filter((n) => n.status === 'CLOSED');
    expect(closed.filter((n) => (n.closedAt as string) <= n.deadline).length).toBeGreaterThan(10);
    expect(closed.filter((n) => (n.closedAt as string) > n.deadline).length).toBeGreaterThanOrEqual(3);
    const live = final.filter((n) => LIVE_NOTICE_STATUSES.includes(n.status));
    expect(live.filter((n) => n.deadline < TODAY).length).toBeGreaterThanOrEqual(5);
    expect(live.filter((n) => n.deadline >= TODAY).length).toBeGreaterThanOrEqual(3);
    expect(live.some((n) => n.status === 'ANSWERED' && n.feedback !== null && n.feedbackAt !== null)).toBe(true);
    // the problem of a chain: open while its notice is live, resolved when the notice is closed
    const issues = ft.issues;
    for (const n of final.filter((x) => x.issueKey !== null)) {
      const issue = issues[n.issueKey as number];
      expect(issue.dueAt < (n.issuedAt ?? n.createdAt.slice(0, 10))).toBe(true);
      expect(isClosedIssue(issue.status)).toBe(n.status === 'CLOSED');
    }
  });

  it('issues warning notices only about projects red for START on the day of issue, and still not started', () => {
    const projects = new Map(data.projects.map((p) => [p.projectNo, p]));
    for (const n of ft.notices.filter((x) => x.subjectType === 'WARNING')) {
      const p = projects.get(n.projectNo);
      expect(['SIGNED', 'REGISTERED']).toContain(p?.stage);
      const start = warningThresholds({ ...(p as DemoDataSet['projects'][number]), reports: [], issues: [] }, DEFAULT_WARNING_SETTINGS, TODAY).find((t) => t.rule === 'START');
      expect(start && start.redFrom <= (n.issuedAt ?? TODAY)).toBe(true);
    }
  });

  it('places every planned chain whatever the day of the year, and keeps every date before today', () => {
    for (const month of ['01', '03', '05', '07', '09', '11']) {
      const now = new Date(`2027-${month}-16T02:00:00Z`);
      const set = generateDemoProjects({ now });
      const other = generateDemoFollowThrough(set, { now });
      expect(RUNGS.map((kind) => other.notices.filter((n) => n.kind === kind).length)).toEqual([40, 15, 6, 2]);
      const today = set.today;
      const dates = [...other.issues.flatMap((i) => [i.raisedAt, i.closedAt, ...i.notes.map((n) => n.at)]), ...other.notices.flatMap((n) => [n.signedAt, n.issuedAt, n.feedbackAt, n.closedAt])];
      expect(dates.every((d) => d === null || d <= today)).toBe(true);
      expect([...other.issues, ...other.notices].every((x) => Date.parse(x.createdAt) <= Date.parse(x.updatedAt) && Date.parse(x.updatedAt) < now.getTime())).toBe(true);
      // numbering restarts with the year of issue
      expect(other.counters.every((c) => c.last === other.notices.filter((n) => n.kind === c.kind && n.year === c.year).length)).toBe(true);
    }
  });

  it('scales with the data set, and makes nothing for a tiny one it cannot fill', () => {
    const small = generateDemoProjects({ now: NOW, count: 60 });
    const set = generateDemoFollowThrough(small, { now: NOW });
    expect(set.issues.length).toBeGreaterThan(5);
    expect(set.issues.length).toBeLessThan(30);
    expect(set.notices.length).toBeLessThan(15);
  });
});
