import type { AuditAction, AuditEntity } from './audit.js';
import { monthLabel } from './monthly.js';

/**
 * 工作台 (issue 13): what waits for the signed-in person. Each kind is one card on the page; the API
 * (GET /api/v1/workbench) counts them in SQL for the caller's role and region.
 * - TO_VERIFY 待核实: SUBMITTED reports of open months (city staff, admins)
 * - MONTHS_TO_CLOSE 待月结: finished months (before this one) with reports, not yet closed (city staff, admins)
 * - MISSING 未填报: projects of the region owing this or last month's report without one (district staff)
 * - DRAFT 草稿 / RETURNED 退回: the region's reports of open months in that status (district staff)
 * - RED_WARNINGS 红色预警: today's red warnings, of the region for district staff, of the city otherwise
 * - WEBHOOKS_PAUSED: webhook subscriptions the server paused because they kept failing (admins only, issue 16)
 */
export const WORKBENCH_TODO_KINDS = ['TO_VERIFY', 'MONTHS_TO_CLOSE', 'MISSING', 'DRAFT', 'RETURNED', 'RED_WARNINGS', 'WEBHOOKS_PAUSED'] as const;
export type WorkbenchTodoKind = (typeof WORKBENCH_TODO_KINDS)[number];

export interface WorkbenchMonthCount {
  /** YYYY-MM */
  month: string;
  count: number;
}

export interface WorkbenchTodo {
  kind: WorkbenchTodoKind;
  count: number;
  /** the count split by month, oldest first (empty for RED_WARNINGS; one entry per month, count 1, for MONTHS_TO_CLOSE) */
  months: WorkbenchMonthCount[];
  /** RETURNED: how many of them carry the verifier's reason (a return always should; old data may not) */
  withReason?: number;
}

/**
 * A line of 最近动态: an audit entry with the human keys of what changed (project number and name,
 * report month, region), so the page can say it in a sentence without another request.
 */
export interface WorkbenchActivity {
  id: string;
  /** ISO timestamp */
  at: string;
  /** the person's display name (the audit log stores "显示名（用户名）"; the name is enough here) */
  actorName: string;
  action: AuditAction;
  entity: AuditEntity;
  projectId: string | null;
  projectNo: string | null;
  projectName: string | null;
  /** YYYY-MM of a report, a month close or an FAI figure */
  month: string | null;
  regionName: string | null;
  /** what is left when the keys above do not name the thing (a target's year and indicator, an industry's name) */
  detail: string | null;
}

export interface WorkbenchResponse {
  /** the day the counts are for (Asia/Shanghai) */
  today: string;
  /** the current month, YYYY-MM */
  month: string;
  /** the region the counts are limited to: the district staff's own, null for city-wide */
  regionCode: string | null;
  todos: WorkbenchTodo[];
  /**
   * 问题 and 督办 due (DOMAIN.md §9): the slot later issues fill with cards of the same shape; empty
   * until problems and notices exist.
   */
  followUps: WorkbenchTodo[];
  activity: WorkbenchActivity[];
}

const ACTION_VERBS: Record<AuditAction, string> = {
  CREATE: '新建了',
  UPDATE: '修改了',
  DELETE: '删除了',
  LOGIN: '登录了',
  RESET_PASSWORD: '重置了密码：',
  REVOKE: '吊销了',
  SUBMIT: '报送了',
  VERIFY: '核实了',
  RETURN: '退回了',
  CLOSE: '月结了',
  REOPEN: '重新打开了',
};

const ENTITY_NOUNS: Record<AuditEntity, string> = {
  user: '用户',
  apiKey: 'API 密钥',
  industry: '产业类别',
  project: '项目',
  monthlyReport: '月报',
  month: '',
  faiTotal: '全社会固定资产投资',
  target: '目标任务',
  setting: '设置',
  leader: '包联领导',
  unit: '责任单位',
  projectIssue: '问题诉求',
  notice: '三单一函',
  commitment: '优惠政策兑现',
  bulletin: '季度通报',
  webhook: 'Webhook 订阅',
};

/**
 * What an activity line says after the person's name, in Chinese: "报送了 150525-2026-0001 某项目
 * 2026年11月月报", "月结了 2026年10月". Pure, so the page and its tests say the same thing.
 */
export function activityText(a: Pick<WorkbenchActivity, 'action' | 'entity' | 'projectNo' | 'projectName' | 'month' | 'regionName' | 'detail'>): string {
  const verb = ACTION_VERBS[a.action];
  const project = [a.projectNo, a.projectName].filter(Boolean).join(' ');
  const month = a.month ? monthLabel(a.month) : '';
  switch (a.entity) {
    case 'project':
      return `${verb}项目 ${project}`.trim();
    case 'monthlyReport':
      return `${verb} ${project} ${month}月报`.replace(/\s+/g, ' ').trim();
    case 'month':
      return `${verb} ${month}`.trim();
    case 'faiTotal':
      return `${verb}${a.regionName ?? ''}${month}全社会固定资产投资`;
    default:
      return `${verb}${ENTITY_NOUNS[a.entity]}${a.detail ? ` ${a.detail}` : ''}`;
  }
}
