import { EXPORT_COLUMNS, exportFileName, exportRow } from './project-export.js';
import type { ProjectRow } from './project-sql.js';

describe('export file name', () => {
  it('names the file by the Shanghai date', () => {
    expect(exportFileName('2025-06-18')).toBe('项目清单-20250618.xlsx');
  });
});

describe('exportRow', () => {
  const row = {
    projectNo: '150525-2025-0001',
    name: '=1+1',
    regionName: '奈曼旗',
    industryName: '装备制造',
    investorName: '某公司',
    investorUscc: null,
    investorOrigin: 'FOREIGN',
    contractAmountWan: '1234.50',
    plannedInvestmentWan: null,
    signedAt: '2025-01-02',
    plannedStartMonth: '2025-06',
    stage: 'IN_PRODUCTION',
    registeredAt: null,
    constructionStartedAt: '2025-03-01',
    productionStartedAt: '2025-09-01',
    terminatedAt: null,
    terminationReason: null,
    isKeyProject: true,
    leadOfficial: null,
    leadDepartment: null,
    nationalCode: null,
    statsRegistered: false,
    statsRegisteredMonth: null,
    notes: null,
  } as unknown as ProjectRow;

  it('fills the import columns with labels, numbers for money and neutralised text', () => {
    const cells = exportRow(row);
    expect(cells).toHaveLength(EXPORT_COLUMNS.length);
    const byHeader = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c.header, cells[i]]));
    expect(byHeader).toMatchObject({ 项目名称: "'=1+1", 投资方来源: '境外', '签约额(万元)': 1234.5, '计划总投资(万元)': null, 项目阶段: '竣工投产', 重点项目: '是', 统计入库: '否' });
  });
});
