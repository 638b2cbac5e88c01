import {
  addDays,
  addWorkingDays,
  DEFAULT_ISSUE_DUE_DAYS,
  DEFAULT_NOTICE_SETTINGS,
  DEFAULT_WARNING_SETTINGS,
  ISSUE_CATEGORY_LABELS,
  isWorkingDay,
  type IssueCategory,
  type IssueStatus,
  NEXT_NOTICE_KIND,
  NOTICE_KIND_LABELS,
  type NoticeKind,
  noticeNumber,
  type NoticeStatus,
  type NoticeSubject,
  type WarningRule,
  warningMessage,
  warningThresholds,
  type WarningThresholds,
  type WorkingCalendar,
} from '@zhaoshang/shared/domain';
import {
  CATEGORY_STAGES,
  CATEGORY_WEIGHTS,
  districtBureau,
  FEEDBACKS,
  FINAL_FEEDBACKS,
  FIRST_NOTES,
  FOLLOW_THROUGH_UNITS,
  PROBLEMS,
  type ProblemTemplate,
  RETURN_COMMENTS,
  SIGN_COMMENTS,
  UNRESOLVABLE_REASONS,
  WARNING_FEEDBACKS,
} from './follow-through-vocabulary.js';
import { DEMO_DEFAULT_SEED, type DemoDataSet, type DemoProject } from './generate-projects.js';
import { dateOf, dayNumber, Random, shanghaiInstant } from './random.js';
import { DISTRICTS, type DistrictProfile } from './tongliao-vocabulary.js';

/**
 * Who wrote something, resolved to a person by the loader (the demo's accounts when there are any):
 * the city's staff, the staff of the project's district, or the responsible unit itself.
 */
export type DemoAuthor = 'CITY' | 'DISTRICT' | 'UNIT';

export interface DemoIssueNote {
  at: string;
  text: string;
  by: DemoAuthor;
}

/** A problem (问题诉求) of a generated project, its unit named as in the list. */
export interface DemoIssue {
  /** its place in `issues`: notices name their problem by it */
  key: number;
  projectNo: string;
  category: IssueCategory;
  description: string;
  raisedAt: string;
  raisedBy: DemoAuthor;
  unitName: string;
  dueAt: string;
  status: IssueStatus;
  resolution: string | null;
  closedAt: string | null;
  version: number;
  notes: DemoIssueNote[];
  createdAt: string;
  updatedAt: string;
}

/** A notice (三单一函), its problem and previous rung named by key, its unit and signer by name. */
export interface DemoNotice {
  key: number;
  kind: NoticeKind;
  status: NoticeStatus;
  year: number | null;
  seq: number | null;
  number: string | null;
  subjectType: Extract<NoticeSubject, 'ISSUE' | 'WARNING'>;
  projectNo: string;
  issueKey: number | null;
  warningRule: WarningRule | null;
  previousKey: number | null;
  recipientUnitName: string;
  title: string;
  facts: string;
  requirement: string;
  deadline: string;
  /** the leader whose signature 督办单 and 移交函 need */
  signerLeaderName: string | null;
  signedAt: string | null;
  signComment: string | null;
  issuedAt: string | null;
  feedback: string | null;
  feedbackAt: string | null;
  feedbackBy: DemoAuthor | null;
  closedAt: string | null;
  closeNote: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** notice_counters: the last number given per kind and year. */
export interface DemoNoticeCounter {
  kind: NoticeKind;
  year: number;
  last: number;
}

export interface DemoFollowThrough {
  issues: DemoIssue[];
  /** a previous rung always before the notice that escalates it */
  notices: DemoNotice[];
  counters: DemoNoticeCounter[];
}

export interface DemoFollowThroughOptions {
  seed?: number;
  /** the instant of generation; timestamps stay before it (default: now) */
  now?: Date;
}

/**
 * How a chain of notices about one subject ends: its last rung live within or past its deadline,
 * closed by its deadline or after it, or (督办单) still a draft waiting for or returned by the leader.
 */
export type ChainEnd = 'LIVE_IN_TIME' | 'LIVE_OVERDUE' | 'CLOSED_ON_TIME' | 'CLOSED_LATE' | 'PENDING_SIGNATURE' | 'RETURNED';

interface ChainPlan {
  subject: 'ISSUE' | 'WARNING';
  /** the rung the chain reaches: 0 提醒单 … 3 移交函 */
  top: number;
  end: ChainEnd;
  count: number;
}

/**
 * The ladder at work for 600 projects (scaled for other sizes): 40 chains, so ~40 提醒单, 15 催办单,
 * 6 督办单 (one waiting for the leader's signature, one returned), 2 移交函; some closed on time, some
 * late, some live and overdue (待升级 is not empty).
 */
export const CHAIN_PLANS: readonly ChainPlan[] = [
  { subject: 'ISSUE', top: 3, end: 'LIVE_IN_TIME', count: 1 },
  { subject: 'ISSUE', top: 3, end: 'CLOSED_LATE', count: 1 },
  { subject: 'ISSUE', top: 2, end: 'PENDING_SIGNATURE', count: 1 },
  { subject: 'ISSUE', top: 2, end: 'RETURNED', count: 1 },
  { subject: 'ISSUE', top: 2, end: 'CLOSED_ON_TIME', count: 1 },
  { subject: 'WARNING', top: 2, end: 'LIVE_OVERDUE', count: 1 },
  { subject: 'ISSUE', top: 1, end: 'CLOSED_ON_TIME', count: 3 },
  { subject: 'ISSUE', top: 1, end: 'CLOSED_LATE', count: 1 },
  { subject: 'ISSUE', top: 1, end: 'LIVE_OVERDUE', count: 2 },
  { subject: 'ISSUE', top: 1, end: 'LIVE_IN_TIME', count: 1 },
  { subject: 'WARNING', top: 1, end: 'LIVE_OVERDUE', count: 1 },
  { subject: 'WARNING', top: 1, end: 'CLOSED_ON_TIME', count: 1 },
  { subject: 'ISSUE', top: 0, end: 'CLOSED_ON_TIME', count: 10 },
  { subject: 'ISSUE', top: 0, end: 'CLOSED_LATE', count: 3 },
  { subject: 'ISSUE', top: 0, end: 'LIVE_IN_TIME', count: 3 },
  { subject: 'ISSUE', top: 0, end: 'LIVE_OVERDUE', count: 3 },
  { subject: 'WARNING', top: 0, end: 'CLOSED_ON_TIME', count: 2 },
  { subject: 'WARNING', top: 0, end: 'LIVE_OVERDUE', count: 2 },
  { subject: 'WARNING', top: 0, end: 'LIVE_IN_TIME', count: 2 },
];

/** ~150 problems per 600 projects, raised over the last 10 months. */
export const ISSUES_PER_PROJECT = 150 / 600;
const RAISED_WITHIN_DAYS = 300;
const LADDER: readonly NoticeKind[] = ['REMINDER', 'URGE', 'SUPERVISE', 'TRANSFER'];
const CALENDAR: WorkingCalendar = DEFAULT_NOTICE_SETTINGS;
/** the follow-through draws from a stream of its own: the projects and reports stay exactly as before */
const STREAM = 0x14_0e_14;

/**
 * The follow-through of a generated data set (DOMAIN.md §9): problems with their notes, notices in
 * chains up the ladder with their numbers per kind and year, and the counters. Pure and deterministic
 * for the data set, the seed and `now`.
 */
export function generateDemoFollowThrough(data: DemoDataSet, options: DemoFollowThroughOptions = {}): DemoFollowThrough {
  return new FollowThroughGenerator(data, options).run();
}

interface Timeline {
  kind: NoticeKind;
  drafted: number;
  signed: number | null;
  issued: number | null;
  deadline: number;
  feedbackAt: number | null;
  closedAt: number | null;
  status: NoticeStatus;
  final: boolean;
}

interface IssueDraft {
  project: DemoProject;
  category: IssueCategory;
  template: ProblemTemplate;
  unitName: string;
  n: number;
  raised: number;
  due: number;
  closed: number | null;
  unresolvable: boolean;
}

class FollowThroughGenerator {
  private readonly random: Random;
  private readonly now: Date;
  private readonly today: number;
  private readonly scale: number;
  private readonly districts = new Map(DISTRICTS.map((d) => [d.code, d]));
  private readonly signer: string;
  private readonly unitNames: Set<string>;
  private readonly issues: IssueDraft[] = [];
  /** project and problem already raised */
  private readonly raised = new Set<string>();
  /** projects red for START today (warning notices are about them), found once */
  private redStart: { p: DemoProject; t: WarningThresholds }[] | null = null;

  constructor(
    private readonly data: DemoDataSet,
    options: DemoFollowThroughOptions,
  ) {
    this.random = new Random(((options.seed ?? DEMO_DEFAULT_SEED) ^ STREAM) >>> 0);
    this.now = options.now ?? new Date();
    this.today = dayNumber(data.today);
    this.scale = data.projects.length / 600;
    // 督办单 and 移交函 are signed by the city leader in charge of 招商引资 (the demo `leader` account's entry)
    const signer = data.leaders.find((l) => l.level === 'CITY' && (l.portfolio ?? '').includes('招商引资')) ?? data.leaders.find((l) => l.level === 'CITY');
    if (!signer) throw new Error('演示数据缺少市级包联领导，无法生成督办单的签发人');
    this.signer = signer.name;
    this.unitNames = new Set(data.units.map((u) => u.name));
  }

  run(): DemoFollowThrough {
    const chains: { plan: ChainPlan; timelines: Timeline[]; issue: number | null; project: DemoProject; warning: string | null; recipient: string }[] = [];
    const usedWarningProjects = new Set<string>();
    for (const plan of CHAIN_PLANS) {
      for (let i = 0; i < Math.round(plan.count * this.scale); i++) {
        const chain = plan.subject === 'ISSUE' ? this.issueChain(plan) : this.warningChain(plan, usedWarningProjects);
        if (chain) chains.push({ plan, ...chain });
      }
    }
    this.ordinaryIssues(Math.max(0, Math.round(this.data.projects.length * ISSUES_PER_PROJECT) - this.issues.length));
    const issues = this.finishIssues();
    const notices = this.finishNotices(chains, issues);
    return { issues, ...notices };
  }

  // ——— problems ———

  /** Per category, the projects in a stage that meets it, with their signing day (parsed once: this runs for every problem). */
  private readonly pools = new Map<IssueCategory, { p: DemoProject; signed: number }[]>();

  private eligible(category: IssueCategory, latestRaise: number): DemoProject[] {
    let pool = this.pools.get(category);
    if (pool === undefined) {
      const stages = CATEGORY_STAGES[category];
      pool = this.data.projects.filter((p) => stages.includes(p.stage) && p.signedAt !== null).map((p) => ({ p, signed: dayNumber(p.signedAt as string) }));
      this.pools.set(category, pool);
    }
    return pool.filter((x) => x.signed <= latestRaise).map((x) => x.p);
  }

  /** A project for a problem: key projects and those being built likelier (they meet the most). */
  private pickProject(category: IssueCategory, latestRaise: number): DemoProject | null {
    const pool = this.eligible(category, latestRaise);
    if (pool.length === 0) return null;
    return this.random.pickWeighted(pool, (p) => (p.isKeyProject ? 3 : 1) * (p.stage === 'UNDER_CONSTRUCTION' ? 1.5 : 1));
  }

  private category(): IssueCategory {
    return this.random.weighted(CATEGORY_WEIGHTS);
  }

  private unitFor(template: ProblemTemplate, project: DemoProject): string {
    const district = this.districts.get(project.regionCode) as DistrictProfile;
    const name = template.unit === 'bureau' ? districtBureau(district) : FOLLOW_THROUGH_UNITS[template.unit];
    // a data set whose unit list lacks it (never with generateDemoProjects) falls back to the district's bureau
    return this.unitNames.has(name) ? name : districtBureau(district);
  }

  private newIssue(category: IssueCategory, project: DemoProject, raised: number, closed: number | null, unresolvable = false): number {
    // the same problem twice on one project reads as a mistake: another of its category when there is one
    const fresh = PROBLEMS[category].filter((t) => !this.raised.has(`${project.projectNo}|${t.description}`));
    const template = this.random.pick(fresh.length > 0 ? fresh : PROBLEMS[category]);
    this.raised.add(`${project.projectNo}|${template.description}`);
    this.issues.push({
      project,
      category,
      template,
      unitName: this.unitFor(template, project),
      n: template.n ? this.random.pick(template.n) : 0,
      raised,
      due: dayNumber(addDays(dateOf(raised), DEFAULT_ISSUE_DUE_DAYS[category])),
      closed,
      unresolvable,
    });
    return this.issues.length - 1;
  }

  /**
   * The problems without notices: ~55% closed overall (mostly in time, some late, one in eight found
   * unresolvable), the open ones within their time, past it, or more than 15 days past it (red).
   */
  private ordinaryIssues(count: number): void {
    const deck = this.random.deck(['CLOSED', 'IN_TIME', 'YELLOW', 'RED'] as const, (f) => ({ CLOSED: 54, IN_TIME: 30, YELLOW: 11, RED: 5 })[f], count);
    for (const fate of deck) {
      const category = this.category();
      const days = DEFAULT_ISSUE_DUE_DAYS[category];
      let raised: number;
      let closed: number | null = null;
      if (fate === 'CLOSED') {
        raised = this.today - this.random.int(12, RAISED_WITHIN_DAYS);
        const late = this.random.chance(0.2);
        closed = Math.min(this.today - 1, raised + (late ? days + this.random.int(1, 40) : this.random.int(3, days)));
      } else if (fate === 'IN_TIME') {
        raised = this.today - this.random.int(1, days - 1);
      } else if (fate === 'YELLOW') {
        raised = this.today - days - this.random.int(1, 14);
      } else {
        raised = this.today - days - this.random.int(16, Math.max(17, RAISED_WITHIN_DAYS - days));
      }
      const project = this.pickProject(category, raised);
      if (project) this.newIssue(category, project, raised, closed, closed !== null && this.random.chance(0.12));
    }
  }

  // ——— chains of notices ———

  private workingDayFrom(day: number): number {
    let at = day;
    while (!isWorkingDay(dateOf(at), CALENDAR)) at++;
    return at;
  }

  private addWorking(day: number, n: number): number {
    return dayNumber(addWorkingDays(dateOf(day), n, CALENDAR));
  }

  /**
   * The dates of a chain whose first 提醒单 is issued on `start`: each rung's deadline in working days
   * (督办单 and 移交函 signed a day or two after drafting), the next rung issued some days after the
   * previous one's deadline, the previous one then closed as escalated; the last one ends as planned.
   * Null when the plan does not fit before today.
   */
  private timelines(start: number, plan: ChainPlan): Timeline[] | null {
    const out: Timeline[] = [];
    let day = this.workingDayFrom(start);
    for (let rung = 0; rung <= plan.top; rung++) {
      const kind = LADDER[rung];
      const final = rung === plan.top;
      const draftOnly = final && (plan.end === 'PENDING_SIGNATURE' || plan.end === 'RETURNED');
      const signed = kind === 'SUPERVISE' || kind === 'TRANSFER' ? (draftOnly ? null : this.addWorking(day, this.random.int(1, 2))) : null;
      const issued = draftOnly ? null : (signed ?? day);
      const deadline = this.addWorking(issued ?? day, DEFAULT_NOTICE_SETTINGS.deadlineWorkingDays[kind]);
      const t: Timeline = { kind, drafted: day, signed, issued, deadline, feedbackAt: null, closedAt: null, status: 'ISSUED', final };
      out.push(t);
      const previous = out[rung - 1];
      if (previous) {
        // escalated: the previous rung is closed the day the next one goes out; while the next one is a
        // draft on the leader's desk, the previous one stays live (and past its deadline)
        if (issued !== null) {
          previous.closedAt = issued;
          previous.status = 'CLOSED';
        } else previous.status = previous.feedbackAt !== null ? 'ANSWERED' : 'ISSUED';
      }
      if (draftOnly) {
        t.status = plan.end === 'PENDING_SIGNATURE' ? 'PENDING_SIGNATURE' : 'RETURNED';
        // the leader's desk: drafted days ago, not yet signed
        if (day > this.today || day < this.today - 12) return null;
        break;
      }
      if (!final) {
        // the unit answered (or not) but did not finish: the next rung some days after the deadline
        if (this.random.chance(0.5)) t.feedbackAt = this.random.int((issued as number) + 1, deadline);
        day = this.workingDayFrom(deadline + this.random.int(1, 8));
        continue;
      }
      const issuedDay = issued as number;
      switch (plan.end) {
        case 'LIVE_IN_TIME':
          if (deadline < this.today || issuedDay > this.today) return null;
          if (issuedDay < this.today - 1 && this.random.chance(0.4)) {
            t.feedbackAt = this.random.int(issuedDay + 1, this.today - 1);
            t.status = 'ANSWERED';
          }
          break;
        case 'LIVE_OVERDUE':
          if (deadline >= this.today - 2) return null;
          if (this.random.chance(0.5)) {
            t.feedbackAt = this.random.int(issuedDay + 1, deadline);
            t.status = 'ANSWERED';
          }
          break;
        case 'CLOSED_ON_TIME':
          t.feedbackAt = this.random.int(Math.min(issuedDay + 1, deadline), deadline);
          t.closedAt = Math.min(deadline, t.feedbackAt + this.random.int(0, 1));
          t.status = 'CLOSED';
          if (t.closedAt >= this.today) return null;
          break;
        case 'CLOSED_LATE':
          t.feedbackAt = deadline + this.random.int(1, 10);
          t.closedAt = t.feedbackAt + this.random.int(0, 3);
          t.status = 'CLOSED';
          if (t.closedAt >= this.today) return null;
          break;
      }
    }
    const dates = out.flatMap((t) => [t.drafted, t.signed, t.issued, t.feedbackAt, t.closedAt]);
    return dates.every((d) => d === null || d <= this.today) ? out : null;
  }

  /**
   * A first day to try for a chain: any day from `earliest` for a chain that ends closed or overdue;
   * for one that must still be live within its deadline or on the leader's desk, a day about as far
   * back as the chain takes (the working days of its rungs and the gaps between them), so that few
   * tries miss.
   */
  private startDay(plan: ChainPlan, earliest: number): number {
    if (plan.end !== 'LIVE_IN_TIME' && plan.end !== 'PENDING_SIGNATURE' && plan.end !== 'RETURNED') return this.random.int(earliest, this.today - 1);
    let span = 0;
    for (let rung = 0; rung < plan.top; rung++) span += Math.ceil((DEFAULT_NOTICE_SETTINGS.deadlineWorkingDays[LADDER[rung]] * 7) / 5) + 6;
    return Math.max(earliest, this.today - span - this.random.int(-6, 12));
  }

  /** A chain about a problem: the problem made to fit it (overdue when the first 提醒单 comes, closed when the chain is). */
  private issueChain(plan: ChainPlan): { timelines: Timeline[]; issue: number; project: DemoProject; warning: null; recipient: string } | null {
    for (let attempt = 0; attempt < 400; attempt++) {
      const category = this.category();
      const start = this.startDay(plan, this.today - (RAISED_WITHIN_DAYS - DEFAULT_ISSUE_DUE_DAYS[category] - 8));
      const timelines = this.timelines(start, plan);
      if (timelines === null) continue;
      const due = start - this.random.int(1, 7);
      const raised = dayNumber(addDays(dateOf(due), -DEFAULT_ISSUE_DUE_DAYS[category]));
      const project = this.pickProject(category, raised);
      if (project === null) continue;
      const last = timelines[timelines.length - 1];
      // the problem ends when the unit reports it solved; an escalated problem is never found unresolvable
      const closed = last.status === 'CLOSED' ? (last.feedbackAt as number) : null;
      const issue = this.newIssue(category, project, raised, closed);
      return { timelines, issue, project, warning: null, recipient: this.issues[issue].unitName };
    }
    return null;
  }

  /** A chain about a red START warning of a project still not started: issued after the warning turned red. */
  private warningChain(plan: ChainPlan, used: Set<string>): { timelines: Timeline[]; issue: null; project: DemoProject; warning: string; recipient: string } | null {
    this.redStart ??= this.data.projects
      .filter((p) => p.stage === 'SIGNED' || p.stage === 'REGISTERED')
      .map((p) => ({ p, t: warningThresholds({ ...p, reports: [], issues: [] }, DEFAULT_WARNING_SETTINGS, this.data.today).find((t) => t.rule === 'START') }))
      .filter((x): x is { p: DemoProject; t: WarningThresholds } => x.t !== undefined && x.t.redFrom <= this.data.today);
    const red = this.redStart.filter((x) => !used.has(x.p.projectNo));
    if (red.length === 0) return null;
    for (let attempt = 0; attempt < 400; attempt++) {
      const { p, t } = this.random.pick(red);
      const redDay = Math.max(dayNumber(t.redFrom), this.today - RAISED_WITHIN_DAYS + 60);
      if (redDay >= this.today) continue;
      const timelines = this.timelines(this.startDay(plan, redDay), plan);
      if (timelines === null) continue;
      used.add(p.projectNo);
      const district = this.districts.get(p.regionCode) as DistrictProfile;
      const recipient = p.leadDepartment !== null && this.unitNames.has(p.leadDepartment) ? p.leadDepartment : districtBureau(district);
      return { timelines, issue: null, project: p, warning: warningMessage('START', 'RED', t.basis, DEFAULT_WARNING_SETTINGS), recipient };
    }
    return null;
  }

  // ——— finishing: texts, numbers, timestamps ———

  private instant(day: number): string {
    const ms = Math.min(this.now.getTime() - 60_000, shanghaiInstant(day, this.random.int(8 * 60 + 30, 17 * 60 + 30)));
    return new Date(ms).toISOString();
  }

  private fill(text: string, issue: { unitName: string; n: number; project: DemoProject }): string {
    const district = this.districts.get(issue.project.regionCode) as DistrictProfile;
    return text.replace(/\{unit\}/g, issue.unitName).replace(/\{park\}/g, district.park).replace(/\{n\}/g, String(issue.n));
  }

  private finishIssues(): DemoIssue[] {
    return this.issues.map((d, key) => {
      const open = d.closed === null;
      const end = d.closed ?? this.today;
      const notes: DemoIssueNote[] = [];
      // 待办 only while nobody has taken it up: recent and not yet worked on
      const taken = !open || end - d.raised > 5 || this.random.chance(0.5);
      const span = Math.max(0, end - d.raised);
      const progress = [...d.template.progress];
      if (!taken) {
        if (span > 0) notes.push({ at: dateOf(d.raised + this.random.int(1, span)), text: this.fill(this.random.pick(FIRST_NOTES), d), by: 'CITY' });
      } else {
        const first = d.raised + Math.min(span, this.random.int(1, 5));
        notes.push({ at: dateOf(first), text: `待办 → 办理中：${this.fill(progress.shift() ?? this.random.pick(FIRST_NOTES), d)}`, by: 'DISTRICT' });
        if (progress.length > 0 && end - first > 4 && this.random.chance(open ? 0.7 : 0.5)) {
          notes.push({ at: dateOf(this.random.int(first + 1, end - 1)), text: this.fill(progress[0], d), by: 'UNIT' });
        }
      }
      let resolution: string | null = null;
      if (!open) {
        resolution = d.unresolvable ? this.random.pick(UNRESOLVABLE_REASONS) : this.fill(d.template.resolution, d);
        notes.push({ at: dateOf(end), text: `办理中 → ${d.unresolvable ? '无法解决' : '已解决'}：${resolution}`, by: 'DISTRICT' });
      }
      notes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      const status: IssueStatus = open ? (taken ? 'IN_PROGRESS' : 'OPEN') : d.unresolvable ? 'UNRESOLVABLE' : 'RESOLVED';
      const createdAt = this.instant(d.raised);
      const lastChange = dayNumber(notes[notes.length - 1]?.at ?? dateOf(d.raised));
      const updatedAt = new Date(Math.max(Date.parse(createdAt), Date.parse(this.instant(lastChange)))).toISOString();
      return {
        key,
        projectNo: d.project.projectNo,
        category: d.category,
        description: this.fill(d.template.description, d),
        raisedAt: dateOf(d.raised),
        // district staff raise most of their projects' problems; the city's staff some (a 调度会's list)
        raisedBy: this.random.chance(0.75) ? 'DISTRICT' : 'CITY',
        unitName: d.unitName,
        dueAt: dateOf(d.due),
        status,
        resolution,
        closedAt: open ? null : dateOf(end),
        // one version per change the app would have made: taken up, closed
        version: 1 + (taken ? 1 : 0) + (open ? 0 : 1),
        notes,
        createdAt,
        updatedAt,
      };
    });
  }

  private finishNotices(
    chains: { plan: ChainPlan; timelines: Timeline[]; issue: number | null; project: DemoProject; warning: string | null; recipient: string }[],
    issues: DemoIssue[],
  ): { notices: DemoNotice[]; counters: DemoNoticeCounter[] } {
    // numbers per kind and year in the order of issue (a chain's rungs are ordered, so a previous rung numbered first)
    const all = chains.flatMap((chain) => chain.timelines.map((t, rung) => ({ chain, t, rung })));
    const counters = new Map<string, number>();
    const numbered = new Map<Timeline, { year: number; seq: number; number: string }>();
    for (const x of [...all].filter((x) => x.t.issued !== null).sort((a, b) => (a.t.issued as number) - (b.t.issued as number))) {
      const year = Number(dateOf(x.t.issued as number).slice(0, 4));
      const key = `${x.t.kind}-${year}`;
      const seq = (counters.get(key) ?? 0) + 1;
      counters.set(key, seq);
      numbered.set(x.t, { year, seq, number: noticeNumber(DEFAULT_NOTICE_SETTINGS.prefixes[x.t.kind], year, seq) });
    }
    const notices: DemoNotice[] = [];
    for (const chain of chains) {
      let previous: { key: number; t: Timeline } | null = null;
      for (const [rung, t] of chain.timelines.entries()) {
        const key = notices.length;
        const number = numbered.get(t) ?? null;
        const next = chain.timelines[rung + 1];
        notices.push(this.notice(key, t, chain, previous, number, numbered, issues, next === undefined ? null : (numbered.get(next)?.number ?? null)));
        previous = { key, t };
      }
    }
    return {
      notices,
      counters: [...counters].map(([key, last]) => ({ kind: key.slice(0, key.indexOf('-')) as NoticeKind, year: Number(key.slice(key.indexOf('-') + 1)), last })),
    };
  }

  private notice(
    key: number,
    t: Timeline,
    chain: { plan: ChainPlan; issue: number | null; project: DemoProject; warning: string | null; recipient: string },
    previous: { key: number; t: Timeline } | null,
    number: { year: number; seq: number; number: string } | null,
    numbered: Map<Timeline, { number: string }>,
    issues: DemoIssue[],
    nextNumber: string | null,
  ): DemoNotice {
    const issue = chain.issue === null ? null : issues[chain.issue];
    const p = chain.project;
    const label = NOTICE_KIND_LABELS[t.kind];
    const transfer = t.kind === 'TRANSFER';
    const recipient = transfer ? FOLLOW_THROUGH_UNITS.discipline : chain.recipient;
    const handler = chain.recipient;
    const matter = issue ? `${ISSUE_CATEGORY_LABELS[issue.category]}问题` : '未按期开工问题';
    // the titles the notices module composes (关于<项目名称><问题类别>问题的提醒单)
    const title = transfer ? `关于移交${p.name}${matter}办理不力情况的函` : `关于${p.name}${matter}的${label}`;
    const cn = (day: number) => {
      const [y, m, d] = dateOf(day).split('-').map(Number);
      return `${y}年${m}月${d}日`;
    };
    const background = issue
      ? `${p.name}（${p.projectNo}）于${cn(dayNumber(issue.raisedAt))}反映：${issue.description}。该问题由${issue.unitName}办理，应于${cn(dayNumber(issue.dueAt))}前办结，截至${cn(t.drafted)}仍未办结。`
      : `${p.name}（${p.projectNo}）${chain.warning}，已触发红色预警。`;
    const history = previous ? `${numbered.get(previous.t)?.number ?? ''}${NOTICE_KIND_LABELS[previous.t.kind]}要求于${cn(previous.t.deadline)}前办结，逾期仍未办结。` : '';
    const requirement = {
      REMINDER: `请${handler}高度重视，于${cn(t.deadline)}前办结，并将办理情况书面反馈市投资促进局。`,
      URGE: `请${handler}加快办理，于${cn(t.deadline)}前办结并书面反馈；逾期未办结的，将提请市政府领导督办。`,
      SUPERVISE: `经市政府领导签批，请${handler}主要负责同志亲自调度，于${cn(t.deadline)}前办结并书面报告办理结果；逾期未办结的，将移交市纪委监委。`,
      TRANSFER: `${handler}经提醒、催办、督办仍未按期办结，现将有关情况移交，请依规依纪核查，并于${cn(t.deadline)}前反馈处理意见。`,
    }[t.kind];
    const fillFor = { unitName: handler, n: 0, project: p };
    let feedback: string | null = null;
    if (t.feedbackAt !== null) {
      const ends = t.final && t.status === 'CLOSED';
      feedback = this.fill(this.random.pick(issue === null ? WARNING_FEEDBACKS : ends ? FINAL_FEEDBACKS : FEEDBACKS), fillFor);
    }
    let closeNote: string | null = null;
    if (t.closedAt !== null) {
      if (!t.final) closeNote = `逾期未办结，已升级为${NOTICE_KIND_LABELS[NEXT_NOTICE_KIND[t.kind] as NoticeKind]}（${nextNumber ?? ''}）`;
      else if (t.closedAt <= t.deadline) closeNote = '已按期办结';
      else closeNote = `逾期办结（办理时限${dateOf(t.deadline)}）`;
    }
    const returned = t.status === 'RETURNED';
    // versions: created, signed, answered, closed — each a change the app would have counted
    const version = 1 + (t.signed !== null || returned ? 1 : 0) + (t.feedbackAt !== null ? 1 : 0) + (t.closedAt !== null ? 1 : 0);
    const lastDay = Math.max(t.drafted, t.signed ?? 0, t.feedbackAt ?? 0, t.closedAt ?? 0);
    const createdAt = this.instant(t.drafted);
    return {
      key,
      kind: t.kind,
      status: t.status,
      year: number?.year ?? null,
      seq: number?.seq ?? null,
      number: number?.number ?? null,
      subjectType: issue ? 'ISSUE' : 'WARNING',
      projectNo: p.projectNo,
      issueKey: issue?.key ?? null,
      warningRule: issue ? null : 'START',
      previousKey: previous?.key ?? null,
      recipientUnitName: recipient,
      title,
      facts: background + history,
      requirement,
      deadline: dateOf(t.deadline),
      signerLeaderName: t.kind === 'SUPERVISE' || t.kind === 'TRANSFER' ? this.signer : null,
      signedAt: t.signed === null ? null : dateOf(t.signed),
      signComment: returned ? this.random.pick(RETURN_COMMENTS) : t.signed !== null ? this.random.pick(SIGN_COMMENTS) : null,
      issuedAt: t.issued === null ? null : dateOf(t.issued),
      feedback,
      feedbackAt: t.feedbackAt === null ? null : dateOf(t.feedbackAt),
      // a district unit's feedback is entered by the district's staff, a city unit's by the city's (DOMAIN.md §7)
      feedbackBy: t.feedbackAt === null ? null : this.data.units.find((u) => u.name === recipient)?.level === 'DISTRICT' ? 'DISTRICT' : 'CITY',
      closedAt: t.closedAt === null ? null : dateOf(t.closedAt),
      closeNote,
      version,
      createdAt,
      updatedAt: new Date(Math.max(Date.parse(createdAt), Date.parse(this.instant(lastDay)))).toISOString(),
    };
  }
}

