import { type FollowThroughSummary, NOTICE_KIND_LABELS, NOTICE_KINDS, type NoticeKind, noticeTotals } from '@zhaoshang/shared/domain';
import { type DrillLink, overdueNoticesLink, overdueProblemsLink } from '@zhaoshang/web/dashboard/data-access';
import { formatCount, formatRate } from '@zhaoshang/web/shared/util';

export interface NoticeKindLine {
  kind: NoticeKind;
  label: string;
  issued: string;
  overdue: string;
  /** the overdue ones of this kind in the 督办台账; null when there are none */
  link: DrillLink | null;
}

/** The 跟踪落实 card's figures, formatted, with the links to the lists behind them. */
export interface FollowThroughView {
  asOf: string;
  problems: { total: string; open: string; overdue: string; overdueCount: number; closedRate: string };
  notices: NoticeKindLine[];
  noticeTotal: { issued: string; overdue: string; overdueCount: number };
  problemsLink: DrillLink;
  noticesLink: DrillLink;
}

/** The scope's figures (the summary's total) for the card; the links keep the selected district. */
export function followThroughView(summary: FollowThroughSummary, region: string | null): FollowThroughView {
  const { problems, notices } = summary.total;
  const totals = noticeTotals(notices);
  return {
    asOf: summary.asOf,
    problems: {
      total: formatCount(problems.total),
      open: formatCount(problems.open),
      overdue: formatCount(problems.overdue),
      overdueCount: problems.overdue,
      closedRate: formatRate(problems.closedRate),
    },
    notices: NOTICE_KINDS.map((kind) => ({
      kind,
      label: NOTICE_KIND_LABELS[kind],
      issued: formatCount(notices[kind].issued),
      overdue: formatCount(notices[kind].overdue),
      link: notices[kind].overdue > 0 ? overdueNoticesLink(region, kind) : null,
    })),
    noticeTotal: { issued: formatCount(totals.issued), overdue: formatCount(totals.overdue), overdueCount: totals.overdue },
    problemsLink: overdueProblemsLink(region),
    noticesLink: overdueNoticesLink(region),
  };
}
