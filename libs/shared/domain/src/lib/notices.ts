/**
 * 三单一函 (DOMAIN.md §9, `Notice`): the escalation ladder 提醒单 → 催办单 → 督办单 → 移交函. A notice
 * concerns a problem (问题诉求), a red warning of a project or (issue 15) an overdue commitment; it is
 * numbered per kind and year (通招督〔2026〕7号, the prefixes a setting), sent to a unit with the facts,
 * a requirement and a deadline in working days (a setting). 提醒单 and 催办单 are issued by city staff at
 * once; 督办单 and 移交函 are drafted by city staff and issued only when the leader named as signer signs
 * them. The recipient answers (feedback); the issuer closes it (办结) or it becomes overdue. An item still
 * open past its notice's deadline is proposed for the next kind (待升级); a person issues it.
 */
import { isCalendarDate } from './lifecycle.js';
import type { IssueCategory } from './problems.js';
import type { WarningRule } from './warnings.js';

export const NOTICE_KINDS = ['REMINDER', 'URGE', 'SUPERVISE', 'TRANSFER'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  REMINDER: '提醒单',
  URGE: '催办单',
  SUPERVISE: '督办单',
  TRANSFER: '移交函',
};

/** The next rung of the ladder; 移交函 (to 纪委监委) is the last. */
export const NEXT_NOTICE_KIND: Record<NoticeKind, NoticeKind | null> = {
  REMINDER: 'URGE',
  URGE: 'SUPERVISE',
  SUPERVISE: 'TRANSFER',
  TRANSFER: null,
};

/** 督办单 and 移交函 are issued only when a leader signs them (签发). */
export function needsSignature(kind: NoticeKind): boolean {
  return kind === 'SUPERVISE' || kind === 'TRANSFER';
}

/**
 * PENDING_SIGNATURE 待签发 (督办单/移交函 drafted, waiting for the leader) → ISSUED 已下发 (numbered);
 * RETURNED 已退回 (the leader sent the draft back with a comment; editing it submits it again);
 * ISSUED → ANSWERED 已反馈 (the recipient's feedback) → CLOSED 已办结 (the issuer closes it; an issued
 * notice without feedback may be closed too, with a note); CANCELLED 已作废 (a draft withdrawn).
 */
export const NOTICE_STATUSES = ['PENDING_SIGNATURE', 'RETURNED', 'ISSUED', 'ANSWERED', 'CLOSED', 'CANCELLED'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  PENDING_SIGNATURE: '待签发',
  RETURNED: '已退回',
  ISSUED: '已下发',
  ANSWERED: '已反馈',
  CLOSED: '已办结',
  CANCELLED: '已作废',
};

/** Issued and not yet closed: these run against their deadline. */
export const LIVE_NOTICE_STATUSES: readonly NoticeStatus[] = ['ISSUED', 'ANSWERED'];

/** What a notice is about. */
export const NOTICE_SUBJECTS = ['ISSUE', 'WARNING', 'COMMITMENT'] as const;
export type NoticeSubject = (typeof NOTICE_SUBJECTS)[number];

export const NOTICE_SUBJECT_LABELS: Record<NoticeSubject, string> = {
  ISSUE: '问题诉求',
  WARNING: '红色预警',
  COMMITMENT: '优惠政策兑现',
};

export interface NoticeSettings {
  /** 文号 prefixes per kind: 通招提〔2026〕3号 */
  prefixes: Record<NoticeKind, string>;
  /** default 办理时限 in working days after the day of issue */
  deadlineWorkingDays: Record<NoticeKind, number>;
  /** public holidays (YYYY-MM-DD) that are not working days */
  holidays: string[];
  /** weekend days that are working days (调休上班) */
  extraWorkdays: string[];
  /** the issuing office printed in the 落款 */
  issuer: string;
}

/** Defaults: DOMAIN.md §9 gives 7, 5, 3 working days; 移交函 gets 10 (the commission's own inquiry). */
export const DEFAULT_NOTICE_SETTINGS: NoticeSettings = {
  prefixes: { REMINDER: '通招提', URGE: '通招催', SUPERVISE: '通招督', TRANSFER: '通招移' },
  deadlineWorkingDays: { REMINDER: 7, URGE: 5, SUPERVISE: 3, TRANSFER: 10 },
  holidays: [],
  extraWorkdays: [],
  issuer: '通辽市投资促进局',
};

/** 通招督〔2026〕7号 */
export function noticeNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

export interface NoticeDto {
  id: string;
  kind: NoticeKind;
  status: NoticeStatus;
  /** null until issued */
  number: string | null;
  subjectType: NoticeSubject;
  projectId: string;
  projectNo: string;
  projectName: string;
  regionCode: string;
  regionName: string;
  /** the problem, when subjectType = ISSUE */
  issueId: string | null;
  issueCategory: IssueCategory | null;
  /** the warning rule, when subjectType = WARNING */
  warningRule: WarningRule | null;
  /** the commitment, when subjectType = COMMITMENT (issue 15) */
  commitmentId: string | null;
  /** the notice this one escalates (the previous rung) */
  previousNoticeId: string | null;
  recipientUnitId: string;
  recipientUnitName: string;
  title: string;
  facts: string;
  requirement: string;
  /** 办理时限 */
  deadline: string;
  /**
   * Whether the drafter set the deadline of a 督办单/移交函 (kept when signed); false: the draft's
   * deadline is provisional and is computed again from the day the leader signs.
   */
  deadlineChosen?: boolean;
  draftedByName: string;
  /** the leader who must sign (督办单/移交函) */
  signerLeaderId: string | null;
  signerLeaderName: string | null;
  signedAt: string | null;
  /** the leader's comment when signing or returning */
  signComment: string | null;
  issuedAt: string | null;
  issuedByName: string | null;
  feedback: string | null;
  feedbackAt: string | null;
  feedbackByName: string | null;
  closedAt: string | null;
  closeNote: string | null;
  /** live (已下发/已反馈) past its deadline, as of today */
  overdue: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateNoticeRequest {
  kind: NoticeKind;
  subjectType: NoticeSubject;
  /** required for ISSUE */
  issueId?: string;
  /** required for WARNING (and COMMITMENT); for ISSUE the problem's project */
  projectId?: string;
  warningRule?: WarningRule;
  commitmentId?: string;
  previousNoticeId?: string;
  recipientUnitId: string;
  title?: string;
  facts: string;
  requirement: string;
  /** default: the day of issue plus the kind's working days */
  deadline?: string;
  /** required for 督办单/移交函: a leader of the list linked to an account */
  signerLeaderId?: string;
}

export interface UpdateNoticeRequest {
  recipientUnitId?: string;
  title?: string;
  facts?: string;
  requirement?: string;
  deadline?: string;
  signerLeaderId?: string;
  version: number;
}

export interface NoticeSignRequest {
  comment?: string;
  version: number;
}
export interface NoticeReturnRequest {
  comment: string;
  version: number;
}
export interface NoticeFeedbackRequest {
  text: string;
  at?: string;
  version: number;
}
export interface NoticeCloseRequest {
  note?: string;
  at?: string;
  version: number;
}
export interface NoticeCancelRequest {
  reason: string;
  version: number;
}

/** Suggested fields for a new notice about a subject (GET /notices/compose). */
export interface NoticeComposeResponse {
  kind: NoticeKind;
  title: string;
  facts: string;
  requirement: string;
  deadline: string;
  recipientUnitId: string | null;
  previousNoticeId: string | null;
}

export interface NoticeQuery {
  kind?: NoticeKind;
  status?: NoticeStatus;
  regionCode?: string;
  recipientUnitId?: string;
  subjectType?: NoticeSubject;
  issueId?: string;
  projectId?: string;
  overdue?: boolean;
  /** notices waiting for my signature (LEADER) */
  toSign?: boolean;
  /** issued in this year */
  year?: number;
  page?: number;
  pageSize?: number;
}

export interface NoticeCounts {
  total: number;
  pendingSignature: number;
  live: number;
  overdue: number;
  closed: number;
  /** closed on or before the deadline */
  closedOnTime: number;
}

export interface NoticeListResponse {
  items: NoticeDto[];
  page: number;
  pageSize: number;
  counts: NoticeCounts;
}

export interface NoticeStatsRow {
  key: string;
  label: string;
  /** issued (numbered) notices per kind, and those of them overdue now */
  issued: Record<NoticeKind, number>;
  overdue: Record<NoticeKind, number>;
  closed: number;
  closedOnTime: number;
}

export interface NoticeStatsResponse {
  groupBy: 'region' | 'unit';
  rows: NoticeStatsRow[];
  total: NoticeStatsRow;
}

/** An item of 待升级: its latest notice is live and past its deadline, the item still open. */
export interface EscalationItem {
  subjectType: NoticeSubject;
  projectId: string;
  projectNo: string;
  projectName: string;
  regionCode: string;
  regionName: string;
  issueId: string | null;
  warningRule: WarningRule | null;
  commitmentId: string | null;
  /** one line: the problem's description or the warning's message */
  summary: string;
  latestNoticeId: string;
  latestKind: NoticeKind;
  latestNumber: string;
  deadline: string;
  recipientUnitId: string;
  recipientUnitName: string;
  /** working days past the deadline */
  workingDaysOverdue: number;
  /** null after a 移交函: nothing above it */
  proposedKind: NoticeKind | null;
}

export interface EscalationResponse {
  items: EscalationItem[];
}

/** The calendar of working days: Monday–Friday, less the holidays, plus the 调休 weekend working days. */
export interface WorkingCalendar {
  holidays: readonly string[];
  extraWorkdays: readonly string[];
}

function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.extraWorkdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/**
 * The `n`-th working day after `date` (the day of issue itself does not count, whatever it is):
 * issued on a Friday with 3 working days → due the Wednesday after. n = 0 gives `date` itself.
 */
export function addWorkingDays(date: string, n: number, calendar: WorkingCalendar): string {
  let at = date;
  for (let left = n; left > 0; ) {
    at = nextDay(at);
    if (isWorkingDay(at, calendar)) left--;
  }
  return at;
}

/** Working days in (from, to]: how many working days `to` is past `from` (0 when `to` ≤ `from`). */
export function workingDaysAfter(from: string, to: string, calendar: WorkingCalendar): number {
  let count = 0;
  for (let at = nextDay(from); at <= to; at = nextDay(at)) if (isWorkingDay(at, calendar)) count++;
  return count;
}

/** GET/PUT /settings/notices: the settings in force and their version (0 until an admin saves them). */
export interface NoticeSettingsResponse {
  settings: NoticeSettings;
  version: number;
}

export interface NoticeSettingsRequest {
  settings: NoticeSettings;
  version: number;
}

/** The bounds an admin may set: 文号 prefixes of 1–10 characters, 1–60 working days. */
export const NOTICE_PREFIX_MAX = 10;
export const NOTICE_DAYS_MIN = 1;
export const NOTICE_DAYS_MAX = 60;
/** What is wrong with submitted notice settings, each problem naming its field (`settings.prefixes.URGE`), in Chinese; [] when fine. */
export function noticeSettingsProblems(value: unknown): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const s = (value ?? {}) as Partial<Record<keyof NoticeSettings, unknown>>;
  const prefixes = (s.prefixes ?? {}) as Record<string, unknown>;
  const days = (s.deadlineWorkingDays ?? {}) as Record<string, unknown>;
  for (const kind of NOTICE_KINDS) {
    const prefix = prefixes[kind];
    if (typeof prefix !== 'string' || prefix.trim().length < 1 || prefix.trim().length > NOTICE_PREFIX_MAX) {
      problems.push({ field: `settings.prefixes.${kind}`, message: `${NOTICE_KIND_LABELS[kind]}的文号前缀应为 1 至 ${NOTICE_PREFIX_MAX} 个字` });
    }
  }
  for (const kind of NOTICE_KINDS) {
    const n = days[kind];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < NOTICE_DAYS_MIN || n > NOTICE_DAYS_MAX) {
      problems.push({ field: `settings.deadlineWorkingDays.${kind}`, message: `${NOTICE_KIND_LABELS[kind]}的办理时限应为 ${NOTICE_DAYS_MIN} 至 ${NOTICE_DAYS_MAX} 之间的整数（工作日）` });
    }
  }
  for (const [field, label] of [['holidays', '节假日'], ['extraWorkdays', '调休上班日']] as const) {
    const list = s[field];
    if (!Array.isArray(list)) {
      problems.push({ field: `settings.${field}`, message: `${label}应为日期（YYYY-MM-DD）的列表` });
      continue;
    }
    list.forEach((d, i) => {
      if (typeof d !== 'string' || !isCalendarDate(d)) problems.push({ field: `settings.${field}.${i}`, message: `${label}第 ${i + 1} 项应为日期（YYYY-MM-DD），收到“${String(d)}”` });
    });
  }
  if (typeof s.issuer !== 'string' || s.issuer.trim() === '' || s.issuer.trim().length > 50) {
    problems.push({ field: 'settings.issuer', message: '发文机关应为 1 至 50 个字' });
  }
  return problems;
}

/** Stored settings over the defaults: a key saved before a field existed still reads whole. */
export function withDefaultNoticeSettings(stored: Partial<NoticeSettings> | null | undefined): NoticeSettings {
  return {
    prefixes: { ...DEFAULT_NOTICE_SETTINGS.prefixes, ...(stored?.prefixes ?? {}) },
    deadlineWorkingDays: { ...DEFAULT_NOTICE_SETTINGS.deadlineWorkingDays, ...(stored?.deadlineWorkingDays ?? {}) },
    holidays: [...(stored?.holidays ?? DEFAULT_NOTICE_SETTINGS.holidays)].sort(),
    extraWorkdays: [...(stored?.extraWorkdays ?? DEFAULT_NOTICE_SETTINGS.extraWorkdays)].sort(),
    issuer: stored?.issuer ?? DEFAULT_NOTICE_SETTINGS.issuer,
  };
}

/** The suggested title: 关于某项目用地问题的提醒单. */
export function noticeTitle(kind: NoticeKind, projectName: string, topic: string): string {
  return `关于${projectName}${topic}问题的${NOTICE_KIND_LABELS[kind]}`;
}

/** The standard requirement sentence of each rung (the wording the bureau's Word templates use). */
export function noticeRequirement(kind: NoticeKind, workingDays: number): string {
  switch (kind) {
    case 'REMINDER':
      return `请贵单位高度重视，抓紧推进相关工作，于${workingDays}个工作日内将办理情况书面反馈市投资促进局。`;
    case 'URGE':
      return `该事项经提醒后仍未办结，请贵单位主要负责同志亲自过问，于${workingDays}个工作日内办结并书面反馈办理结果。`;
    case 'SUPERVISE':
      return `请于${workingDays}个工作日内办结并书面反馈办理结果，逾期将按程序移交市纪委监委。`;
    case 'TRANSFER':
      return `该事项经提醒、催办、督办仍未办结，现按程序移交市纪委监委，请于${workingDays}个工作日内说明情况并反馈处理结果。`;
  }
}

/** 2026年12月5日: the date as official documents print it (no leading zeros). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The .docx file's name: 通招督〔2026〕7号-督办单.docx, a draft 草稿-督办单.docx. */
export function noticeFileName(notice: Pick<NoticeDto, 'number' | 'kind'>): string {
  return `${notice.number ?? '草稿'}-${NOTICE_KIND_LABELS[notice.kind]}.docx`;
}
