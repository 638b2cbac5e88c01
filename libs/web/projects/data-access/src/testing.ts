// Test data of the projects lib, a separate entry (`@zhaoshang/web/projects/data-access/testing`)
// so that no page bundles it: only specs import it.
import type { ProjectDetailDto } from '@zhaoshang/shared/domain';

/** A project as the API returns it (奈曼旗's signed wind farm), for the specs of the project pages. */
export function projectDetail(overrides: Partial<ProjectDetailDto> = {}): ProjectDetailDto {
  return {
    id: 'p1',
    projectNo: '150525-2025-0012',
    name: '奈曼旗 50 万千瓦风电项目',
    regionCode: '150525',
    regionName: '奈曼旗',
    industryCode: 'NE',
    industryName: '新能源（风电、光伏、储能、氢能）',
    investorName: '内蒙古某新能源有限公司',
    investorUscc: null,
    investorOrigin: 'OUT_OF_REGION',
    contractAmountWan: '350000.00',
    plannedInvestmentWan: null,
    stage: 'SIGNED',
    signedAt: '2025-01-02',
    registeredAt: null,
    constructionStartedAt: null,
    productionStartedAt: null,
    terminatedAt: null,
    terminationReason: null,
    plannedStartMonth: null,
    isKeyProject: true,
    leadOfficial: null,
    leadDepartment: null,
    districtContactId: null,
    districtContactName: null,
    nationalCode: null,
    statsRegistered: false,
    statsRegisteredMonth: null,
    statsCode: null,
    notes: null,
    parentProjectNo: null,
    approvals: [],
    approvalsComplete: false,
    version: 5,
    createdAt: '2025-01-02T01:00:00Z',
    updatedAt: '2025-01-02T01:00:00Z',
    capitalIncreases: [],
    ...overrides,
  };
}
