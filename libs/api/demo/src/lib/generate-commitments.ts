import {
  addWorkingDays,
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_TYPE_LABELS,
  type CommitmentStatus,
  type CommitmentType,
  DEFAULT_NOTICE_SETTINGS,
  noticeNumber,
  type WorkingCalendar,
} from '@zhaoshang/shared/domain';
import { districtBureau, FOLLOW_THROUGH_UNITS } from './follow-through-vocabulary.js';
import type { DemoAuthor, DemoNoticeCounter } from './generate-follow-through.js';
import { DEMO_DEFAULT_SEED, type DemoDataSet, type DemoProject } from './generate-projects.js';
import { dateOf, dayNumber, Random, shanghaiInstant, wan } from './random.js';
import { DISTRICTS } from './tongliao-vocabulary.js';

/**
 * 优惠政策兑现台账 in the demo (issue 15, DOMAIN.md §9): ~120 commitments on the signed projects (for 600),
 * 财政奖补, 土地, 税费 and 基础设施配套 most; ~45 % 已兑现 (some late), ~20 % 部分兑现, ~25 % 未兑现 (some
 * more than 30 days overdue: red POLICY warnings), ~10 % 不再兑现 with a reason; each change of status an
 * event as the app records it, and 3 提醒单 about the longest overdue ones, numbered after the
 * follow-through's.
 */

export interface DemoCommitmentEvent {
  status: CommitmentStatus;
  at: string;
  /** the cumulative amount after the change */
  honouredAmountWan: string;
  /** the app's own: 未兑现 → 部分兑现[：reason] */
  note: string;
  by: DemoAuthor;
}

export interface DemoCommitment {
  /** its place in `commitments`: notices name their commitment by it */
  key: number;
  projectNo: string;
  type: CommitmentType;
  content: string;
  promisedAmountWan: string | null;
  dueAt: string;
  unitName: string;
  status: CommitmentStatus;
  honouredAmountWan: string;
  honouredAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  recordedAt: string;
  version: number;
  /** oldest first */
  events: DemoCommitmentEvent[];
  createdAt: string;
  updatedAt: string;
}

/** A 提醒单 (issued, waiting for feedback) about an overdue commitment. */
export interface DemoCommitmentNotice {
  commitmentKey: number;
  projectNo: string;
  year: number;
  seq: number;
  number: string;
  recipientUnitName: string;
  title: string;
  facts: string;
  requirement: string;
  issuedAt: string;
  deadline: string;
  createdAt: string;
}

export interface DemoCommitments {
  commitments: DemoCommitment[];
  notices: DemoCommitmentNotice[];
  /** notice_counters after the notices: the follow-through's with REMINDER raised where the notices numbered on */
  counters: DemoNoticeCounter[];
}

export interface DemoCommitmentOptions {
  seed?: number;
  /** the instant of generation; timestamps stay before it (default: now) */
  now?: Date;
  /** the counters the follow-through left: the commitments' 提醒单 continue their numbering */
  counters?: readonly DemoNoticeCounter[];
}

/** per 600 projects */
export const COMMITMENTS_PER_600 = 120;
export const COMMITMENT_NOTICES = 3;

/** 财政奖补, 土地, 税费 and 基础设施配套 are what contracts promise most (the bureau's own tallies). */
export const COMMITMENT_TYPE_WEIGHTS: Record<CommitmentType, number> = { SUBSIDY: 30, LAND: 24, TAX: 18, INFRASTRUCTURE: 16, FINANCING: 5, TALENT: 5, OTHER: 2 };
export const COMMITMENT_STATUS_WEIGHTS: Record<CommitmentStatus, number> = { HONOURED: 45, PARTIAL: 20, PENDING: 25, WITHDRAWN: 10 };

type UnitKey = keyof typeof FOLLOW_THROUGH_UNITS | 'bureau';

interface CommitmentTemplate {
  content: string;
  unit: UnitKey;
  /** 万元, whole; null: a promise without an amount (a road, a school place) */
  amount: readonly [number, number] | null;
}

const TEMPLATES: Record<CommitmentType, readonly CommitmentTemplate[]> = {
  SUBSIDY: [
    { content: '设备投资补助：按项目设备投资额的 5% 给予奖补', unit: 'treasury', amount: [200, 3000] },
    { content: '固定资产投资奖励：当年完成固定资产投资超 1 亿元部分按 1% 奖励', unit: 'treasury', amount: [100, 1500] },
    { content: '标准化厂房租金补贴：前三年租金全额补贴', unit: 'treasury', amount: [50, 600] },
    { content: '首次达规入统奖励', unit: 'treasury', amount: [20, 100] },
  ],
  LAND: [
    { content: '按工业用地基准地价挂牌出让项目用地，土地出让金地方留成部分用于基础设施建设', unit: 'land', amount: [500, 6000] },
    { content: '二期预留用地纳入年度供地计划，按期完成挂牌出让', unit: 'land', amount: null },
    { content: '协调办理项目用地不动产权证书', unit: 'land', amount: null },
  ],
  TAX: [
    { content: '城镇土地使用税地方留成部分前三年全额奖励', unit: 'tax', amount: [80, 800] },
    { content: '企业所得税地方留成部分“三免三减半”等额奖励', unit: 'tax', amount: [200, 2500] },
    { content: '契税地方留成部分按 50% 奖励', unit: 'tax', amount: [50, 500] },
  ],
  INFRASTRUCTURE: [
    { content: '修通厂区外道路并接通供水、排水管网至红线', unit: 'housing', amount: [300, 2000] },
    { content: '建设 35 千伏专用变电站及配套线路', unit: 'power', amount: [500, 3000] },
    { content: '接通工业蒸汽和天然气管网至厂区', unit: 'housing', amount: [200, 1200] },
  ],
  FINANCING: [{ content: '协调银行授信并给予流动资金贷款贴息', unit: 'finance', amount: [100, 800] }],
  TALENT: [
    { content: '高管和技术骨干子女就近入学', unit: 'labour', amount: null },
    { content: '引进高层次人才安家补贴', unit: 'labour', amount: [20, 200] },
  ],
  OTHER: [{ content: '项目审批全程代办，承诺时限内办结全部前期手续', unit: 'bureau', amount: null }],
};

const WITHDRAWN_REASONS = [
  '项目投资额未达到协议约定条件，经双方协商不再兑现',
  '上级政策调整，原承诺的奖补政策已取消，已向企业书面说明',
  '企业主动放弃该项优惠，改为申请自治区专项资金',
  '项目变更建设内容，原配套条件不再需要',
] as const;

const CALENDAR: WorkingCalendar = DEFAULT_NOTICE_SETTINGS;
/** a stream of its own: the projects, reports and follow-through stay exactly as before */
const STREAM = 0x15_0c_0e;

export function generateDemoCommitments(data: DemoDataSet, options: DemoCommitmentOptions = {}): DemoCommitments {
  const random = new Random(((options.seed ?? DEMO_DEFAULT_SEED) ^ STREAM) >>> 0);
  const now = options.now ?? new Date();
  const today = dayNumber(data.today);
  const districts = new Map(DISTRICTS.map((d) => [d.code, d]));
  const unitNames = new Set(data.units.map((u) => u.name));
  // signed at least two months ago and not terminated: there has been time to promise and to honour
  const signed = data.projects.filter((p) => p.signedAt !== null && dayNumber(p.signedAt) <= today - 60 && p.stage !== 'TERMINATED');
  const count = Math.min(signed.length, Math.round((COMMITMENTS_PER_600 * data.projects.length) / 600));
  const instant = (day: number) => new Date(Math.min(now.getTime(), shanghaiInstant(day, random.int(9 * 60, 17 * 60)))).toISOString();
  const unitFor = (p: DemoProject, key: UnitKey): string => {
    const district = districts.get(p.regionCode) ?? DISTRICTS[0];
    const name = key === 'bureau' ? districtBureau(district) : FOLLOW_THROUGH_UNITS[key];
    return unitNames.has(name) ? name : districtBureau(district);
  };

  const commitments: DemoCommitment[] = [];
  for (let key = 0; key < count; key++) {
    const p = signed[random.int(0, signed.length - 1)];
    const type = random.weighted(COMMITMENT_TYPE_WEIGHTS);
    const template = random.pick(TEMPLATES[type]);
    const promisedHundredths = template.amount === null ? null : random.int(template.amount[0], template.amount[1]) * 100;
    const signedDay = dayNumber(p.signedAt as string);
    const recorded = Math.min(today - 1, signedDay + random.int(0, 20));
    const due = recorded + random.int(45, 540);
    let status = random.weighted(COMMITMENT_STATUS_WEIGHTS);
    // 部分兑现 needs an amount to be part of
    if (status === 'PARTIAL' && promisedHundredths === null) status = 'PENDING';
    const events: DemoCommitmentEvent[] = [];
    let honoured = 0;
    let honouredAt: number | null = null;
    let withdrawnAt: number | null = null;
    let withdrawnReason: string | null = null;
    let from: CommitmentStatus = 'PENDING';
    const move = (to: CommitmentStatus, at: number, amount: number, reason: string | null = null) => {
      events.push({ status: to, at: dateOf(at), honouredAmountWan: wan(amount), note: `${COMMITMENT_STATUS_LABELS[from]} → ${COMMITMENT_STATUS_LABELS[to]}${reason ? `：${reason}` : ''}`, by: 'DISTRICT' });
      from = to;
    };
    if (status === 'HONOURED') {
      // on time mostly; a quarter late, past their due date
      const target = random.chance(0.25) ? due + random.int(5, 90) : due - random.int(0, 120);
      const at = Math.max(recorded + 1, Math.min(today, target));
      if (promisedHundredths !== null && at - recorded > 30 && random.chance(0.3)) {
        const part = Math.max(100, Math.round((promisedHundredths * random.int(30, 60)) / 10_000) * 100);
        move('PARTIAL', random.int(recorded + 1, at - 1), part);
      }
      honoured = promisedHundredths ?? 0;
      honouredAt = at;
      move('HONOURED', at, honoured);
    } else if (status === 'PARTIAL') {
      honoured = Math.max(100, Math.round((promisedHundredths as number) * random.int(20, 80) / 10_000) * 100);
      honouredAt = random.int(recorded + 1, Math.max(recorded + 1, Math.min(today, due + 60)));
      move('PARTIAL', honouredAt, honoured);
    } else if (status === 'WITHDRAWN') {
      withdrawnAt = random.int(recorded + 1, Math.max(recorded + 1, Math.min(today, due + 30)));
      withdrawnReason = random.pick(WITHDRAWN_REASONS);
      move('WITHDRAWN', withdrawnAt, 0, withdrawnReason);
    }
    const lastDay = Math.max(recorded, ...events.map((e) => dayNumber(e.at)));
    const createdAt = instant(recorded);
    commitments.push({
      key,
      projectNo: p.projectNo,
      type,
      content: template.content,
      promisedAmountWan: promisedHundredths === null ? null : wan(promisedHundredths),
      dueAt: dateOf(due),
      unitName: unitFor(p, template.unit),
      status,
      honouredAmountWan: wan(honoured),
      honouredAt: honouredAt === null ? null : dateOf(honouredAt),
      withdrawnAt: withdrawnAt === null ? null : dateOf(withdrawnAt),
      withdrawnReason,
      recordedAt: dateOf(recorded),
      // created, then one save per change of status
      version: 1 + events.length,
      events,
      createdAt,
      updatedAt: new Date(Math.max(Date.parse(createdAt), Date.parse(instant(lastDay)))).toISOString(),
    });
  }

  // 提醒单 about the longest overdue open commitments, issued a few days ago, numbered after the follow-through's
  const counters = new Map((options.counters ?? []).map((c) => [`${c.kind}:${c.year}`, { ...c }]));
  const overdue = commitments
    .filter((c) => (c.status === 'PENDING' || c.status === 'PARTIAL') && dayNumber(c.dueAt) < today - 10)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key - b.key)
    .slice(0, COMMITMENT_NOTICES);
  const cn = (day: number) => {
    const [y, m, d] = dateOf(day).split('-').map(Number);
    return `${y}年${m}月${d}日`;
  };
  const notices: DemoCommitmentNotice[] = overdue.map((c, index) => {
    const p = data.projects.find((x) => x.projectNo === c.projectNo) as DemoProject;
    const issued = today - 3 + index;
    const year = Number(dateOf(issued).slice(0, 4));
    const counter = counters.get(`REMINDER:${year}`) ?? { kind: 'REMINDER' as const, year, last: 0 };
    counter.last += 1;
    counters.set(`REMINDER:${year}`, counter);
    const deadline = dayNumber(addWorkingDays(dateOf(issued), DEFAULT_NOTICE_SETTINGS.deadlineWorkingDays.REMINDER, CALENDAR));
    const type = COMMITMENT_TYPE_LABELS[c.type];
    const promised = c.promisedAmountWan === null ? '' : `，承诺金额${c.promisedAmountWan}万元`;
    const honoured = c.status === 'PARTIAL' ? `目前已兑现${c.honouredAmountWan}万元` : '目前尚未兑现';
    return {
      commitmentKey: c.key,
      projectNo: c.projectNo,
      year,
      seq: counter.last,
      number: noticeNumber(DEFAULT_NOTICE_SETTINGS.prefixes.REMINDER, year, counter.last),
      recipientUnitName: c.unitName,
      // the title and facts the notices module composes for a commitment
      title: `关于${p.name}${type}优惠政策兑现问题的提醒单`,
      facts:
        `${p.name}（${p.projectNo}）签约时承诺的${type}优惠政策：${c.content}${promised}。` +
        `责任单位为${c.unitName}，兑现期限为${cn(dayNumber(c.dueAt))}，${honoured}，现已逾期${issued - dayNumber(c.dueAt)}天。`,
      requirement: `请${c.unitName}高度重视，于${cn(deadline)}前兑现，并将办理情况书面反馈市投资促进局。`,
      issuedAt: dateOf(issued),
      deadline: dateOf(deadline),
      createdAt: instant(issued),
    };
  });
  return { commitments, notices, counters: [...counters.values()] };
}
