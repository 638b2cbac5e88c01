import { formatDateTime } from '@zhaoshang/web/shared/util';
import { monthLabel, type WorkbenchResponse, type WorkbenchTodo, type WorkbenchTodoKind } from '@zhaoshang/shared/domain';

/** A router link as the target page reads it: path and query parameters. */
export interface WorkbenchLink {
  path: string;
  queryParams: Record<string, string>;
}

export interface WorkbenchCard {
  kind: WorkbenchTodoKind;
  title: string;
  count: number;
  /** the one line that says what is counted */
  explanation: string;
  /** the filtered page that shows exactly what is counted (the oldest month first where months matter) */
  link: WorkbenchLink;
  /** the count by month, each to its own month's page */
  chips: { label: string; link: WorkbenchLink }[];
  /** red: something is late or flagged; blue: work waiting; none left: green */
  tone: 'red' | 'blue' | 'done';
}

const TITLES: Record<WorkbenchTodoKind, string> = {
  TO_VERIFY: '待核实月报',
  MONTHS_TO_CLOSE: '待月结月份',
  MISSING: '未填报',
  DRAFT: '草稿未报送',
  RETURNED: '被退回',
  RED_WARNINGS: '红色预警',
  WEBHOOKS_PAUSED: '已暂停的 Webhook',
};

/** Where each card leads, with the query parameters its page understands (read from those pages). */
function linkFor(kind: WorkbenchTodoKind, month: string | null, regionCode: string | null): WorkbenchLink {
  switch (kind) {
    // 月报核实 reads month, regionCode and status
    case 'TO_VERIFY':
      return { path: '/reports/verify', queryParams: { ...(month ? { month } : {}), status: 'SUBMITTED' } };
    // 月结管理 shows the current year's months
    case 'MONTHS_TO_CLOSE':
      return { path: '/reports/months', queryParams: {} };
    // 月报填报 reads regionCode, month and show (its 只看未填 / 只看草稿 / 只看退回 filter)
    case 'MISSING':
    case 'DRAFT':
    case 'RETURNED':
      return { path: '/reports/entry', queryParams: { ...(regionCode ? { regionCode } : {}), ...(month ? { month } : {}), show: kind } };
    // 项目预警 reads level and regionCode
    case 'RED_WARNINGS':
      return { path: '/warnings', queryParams: { level: 'RED', ...(regionCode ? { regionCode } : {}) } };
    // Webhook 订阅 lists the paused ones first
    case 'WEBHOOKS_PAUSED':
      return { path: '/admin/webhooks', queryParams: {} };
  }
}

function explanation(todo: WorkbenchTodo, regionCode: string | null): string {
  const months = todo.months.length;
  switch (todo.kind) {
    case 'TO_VERIFY':
      return months > 1 ? `旗县已报送、等待核实的月报，涉及 ${months} 个月` : '旗县已报送、等待核实的月报';
    case 'MONTHS_TO_CLOSE':
      return '已过去、有月报但尚未月结的月份；月结后月报冻结并发布当月指标';
    case 'MISSING':
      return '本月和上月应报月报、尚未填写的项目';
    case 'DRAFT':
      return '已保存未报送的月报，报送后市级才能核实';
    case 'RETURNED':
      return todo.count === 0 ? '市级退回、需修改后重新报送的月报' : `市级退回、需修改后重新报送的月报，其中 ${todo.withReason ?? 0} 份附退回原因`;
    case 'RED_WARNINGS':
      return regionCode ? '今日本地区的红色预警：逾期未开工、未入库、资金未到位、月报未报' : '今日全市的红色预警：逾期未开工、未入库、资金未到位、月报未报';
    case 'WEBHOOKS_PAUSED':
      return '连续一天投递失败、已被系统自动暂停的订阅；修复接收端后恢复，积压的事件会按序补发';
  }
}

/**
 * The cards of the 工作台 in the order the API gives them, each with its link and its months:
 * the to-dos, or the slot of 问题 and 督办 due (`followUps`, filled by later issues).
 */
export function workbenchCards(response: WorkbenchResponse, list: 'todos' | 'followUps' = 'todos'): WorkbenchCard[] {
  return response[list].map((todo) => {
    const oldest = todo.months[0]?.month ?? (todo.kind === 'RED_WARNINGS' || todo.kind === 'MONTHS_TO_CLOSE' ? null : response.month);
    const chips =
      todo.kind === 'MONTHS_TO_CLOSE'
        ? todo.months.map((m) => ({ label: monthLabel(m.month), link: linkFor(todo.kind, m.month, response.regionCode) }))
        : todo.months.map((m) => ({ label: `${monthLabel(m.month)} ${m.count} 份`, link: linkFor(todo.kind, m.month, response.regionCode) }));
    const late = todo.kind === 'RED_WARNINGS' || todo.kind === 'WEBHOOKS_PAUSED' || todo.kind === 'RETURNED' || todo.kind === 'MISSING';
    return {
      kind: todo.kind,
      title: TITLES[todo.kind],
      count: todo.count,
      explanation: explanation(todo, response.regionCode),
      link: linkFor(todo.kind, oldest, response.regionCode),
      chips,
      tone: todo.count === 0 ? 'done' : late ? 'red' : 'blue',
    };
  });
}

/** When an activity happened, as people say it: `今天 10:32`, `昨天 16:05`, `12月3日 09:00`, `2025年12月3日`. */
export function activityTime(iso: string, today: string): string {
  const stamp = formatDateTime(iso, '');
  if (!stamp) return '';
  const [date, time] = stamp.split(' ');
  if (date === today) return `今天 ${time}`;
  if (date === shiftDay(today, -1)) return `昨天 ${time}`;
  const [y, m, d] = date.split('-').map(Number);
  return date.slice(0, 4) === today.slice(0, 4) ? `${m}月${d}日 ${time}` : `${y}年${m}月${d}日`;
}

function shiftDay(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}
