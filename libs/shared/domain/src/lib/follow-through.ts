import { NOTICE_KINDS, type NoticeKind } from './notices.js';

/**
 * 跟踪落实 figures (issue 14 item 4) for the dashboard and the 月调度表, per district and for the scope:
 * problems (问题诉求) open and overdue, and 办结率; notices (三单一函) issued in the period and overdue, by kind.
 *
 * The states are judged on one day, `asOf`: the period's last day, or today while the period is under
 * way, from history (a problem counts when raised by that day and not closed by it; a notice when
 * issued by it and not closed by it), so a past month's table keeps its figures and today's equal
 * the 问题清单's and the 督办台账's ("overdue" = past the due date or deadline, not closed).
 */
export interface FollowThroughProblemCounts {
  /** raised by the day */
  total: number;
  /** open on the day (待办 or 办理中) */
  open: number;
  /** open and past their due date */
  overdue: number;
  /** closed by the day (已解决 or 无法解决) */
  closed: number;
  /** 办结率 = closed ÷ total; null without problems */
  closedRate: number | null;
}

export interface FollowThroughNoticeCounts {
  /** numbered (issued) within the period */
  issued: number;
  /** issued, not closed on the day, and past their deadline */
  overdue: number;
}

export interface FollowThroughCounts {
  problems: FollowThroughProblemCounts;
  notices: Record<NoticeKind, FollowThroughNoticeCounts>;
}

export interface FollowThroughRow extends FollowThroughCounts {
  regionCode: string;
  regionName: string;
}

export interface FollowThroughQuery {
  /** YYYY-MM */
  from: string;
  to: string;
  /** the scope of `total`; the city when absent */
  region?: string;
}

export interface FollowThroughSummary {
  from: string;
  to: string;
  /** the scope of `total` (the city's code when none was asked) */
  region: string;
  /** the day the states are judged on: the period's last day, or today if earlier */
  asOf: string;
  /** every district, in the regions' order, whatever the scope (a district is seen among the others) */
  rows: FollowThroughRow[];
  total: FollowThroughCounts;
}

/** Sum of the notice counts over the kinds (the 月调度表's 督办 columns). */
export function noticeTotals(notices: Record<NoticeKind, FollowThroughNoticeCounts>): FollowThroughNoticeCounts {
  return NOTICE_KINDS.reduce((sum, kind) => ({ issued: sum.issued + notices[kind].issued, overdue: sum.overdue + notices[kind].overdue }), { issued: 0, overdue: 0 });
}
