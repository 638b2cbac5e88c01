import type { MonthOverview } from '@zhaoshang/shared/domain';
import { formatCount } from '@zhaoshang/web/shared/util';

export const REOPEN_REASON_MAX_LENGTH = 200;
export const CLOSE_REASON_MAX_LENGTH = 200;

/** Reports of the month that are not verified yet: drafts, waiting, returned. */
export function notVerifiedCount(month: MonthOverview): number {
  return month.counts.DRAFT + month.counts.SUBMITTED + month.counts.RETURNED;
}

/** What closing the month leaves behind, said before the admin confirms. */
export function closeWarning(month: MonthOverview): { level: 'warning' | 'info'; text: string } {
  const open = notVerifiedCount(month);
  const missing = month.counts.MISSING;
  if (month.expected === 0 && open === 0 && missing === 0 && month.counts.VERIFIED === 0) {
    return { level: 'info', text: '该月没有需要填报的项目。月结后该月将不能再填报月报。' };
  }
  if (open === 0 && missing === 0) {
    return { level: 'info', text: `该月 ${formatCount(month.counts.VERIFIED)} 条月报已全部核实。月结后将冻结该月全部月报。` };
  }
  return { level: 'warning', text: `仍有 ${formatCount(open)} 条未核实、${formatCount(missing)} 个项目未填报，月结后将冻结该月全部月报。` };
}

/** Reports submitted and still waiting for verification: closing over them needs a reason (DOMAIN.md §7). */
export function waitingWarning(month: MonthOverview): string | null {
  const waiting = month.counts.SUBMITTED;
  return waiting > 0 ? `尚有 ${formatCount(waiting)} 份月报待核实。如确需月结，请填写月结说明（记入操作日志）。` : null;
}
