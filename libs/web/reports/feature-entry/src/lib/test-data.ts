import type { MonthlyReportDto, ReportGridResponse, ReportGridRow, ReportStatus } from '@zhaoshang/shared/domain';

export function report(projectId: string, status: ReportStatus, version: number, figures: Partial<MonthlyReportDto> = {}): MonthlyReportDto {
  return {
    id: `r-${projectId}`,
    projectId,
    projectNo: `150525-2026-${projectId}`,
    projectName: `项目${projectId}`,
    regionCode: '150525',
    month: '2026-10',
    arrivedEquityWan: '0.00',
    arrivedLoanWan: '0.00',
    arrivedOtherWan: '0.00',
    completedInvestmentWan: '0.00',
    arrivedTotalWan: '0.00',
    progress: null,
    status,
    returnReason: status === 'RETURNED' ? '贷款金额与凭证不符' : null,
    submittedAt: status === 'DRAFT' ? null : '2026-11-03T02:00:00Z',
    verifiedAt: null,
    version,
    updatedAt: '2026-11-03T02:00:00Z',
    ...figures,
  };
}

export function gridRow(projectId: string, current: MonthlyReportDto | null = null): ReportGridRow {
  return {
    projectId,
    projectNo: `150525-2026-${projectId}`,
    projectName: `项目${projectId}`,
    stage: 'UNDER_CONSTRUCTION',
    investorOrigin: 'OUT_OF_REGION',
    report: current,
    lastMonth: { arrivedEquityWan: '100', arrivedLoanWan: '200.5', arrivedOtherWan: '0', completedInvestmentWan: '300', progress: '主体施工', arrivedTotalWan: '300.50' },
    yearToDate: { arrivedTotalWan: '1234.5', completedInvestmentWan: '2000' },
  };
}

export function gridResponse(rows: ReportGridRow[], closed = false): ReportGridResponse {
  return {
    regionCode: '150525',
    month: '2026-10',
    monthState: { month: '2026-10', closed, closedAt: null, closedBy: null, reopenReason: null, version: 1 },
    rows,
    counts: { DRAFT: 0, SUBMITTED: 0, VERIFIED: 0, RETURNED: 0, MISSING: rows.length },
  };
}
