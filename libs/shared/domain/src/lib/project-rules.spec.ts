import fc from 'fast-check';
import { usccCheckCharacter } from './codes.js';
import { projectFieldProblems } from './project-rules.js';
import type { ProjectFields } from './projects.js';

const TODAY = '2026-11-23';
const FIRST17 = '91150525MA0N0QXX0';
const validUscc = FIRST17 + usccCheckCharacter(FIRST17);

const base: ProjectFields = {
  name: '奈曼旗 200MW 风电项目',
  regionCode: '150525',
  industryCode: 'NE',
  investorName: '某新能源有限公司',
  investorUscc: validUscc,
  investorOrigin: 'OUT_OF_REGION',
  contractAmountWan: '120000.00',
  plannedInvestmentWan: '150000',
  stage: 'SIGNED',
  signedAt: '2025-03-01',
  registeredAt: null,
  constructionStartedAt: null,
  productionStartedAt: null,
  terminatedAt: null,
  terminationReason: null,
  plannedStartMonth: '2025-09',
  isKeyProject: true,
  leadOfficial: null,
  leadDepartment: null,
  districtContactId: null,
  nationalCode: '2024-150525-44-01-123456',
  statsRegistered: false,
  statsRegisteredMonth: null,
  statsCode: null,
  notes: null,
  parentProjectNo: null,
};

const fields = (p: Partial<ProjectFields>) => projectFieldProblems({ ...base, ...p }, TODAY, 500).map((x) => x.field);
const messages = (p: Partial<ProjectFields>) => projectFieldProblems({ ...base, ...p }, TODAY, 500).map((x) => x.message);

describe('projectFieldProblems', () => {
  it('accepts a complete, consistent project', () => {
    expect(projectFieldProblems(base, TODAY, 500)).toEqual([]);
  });

  it('requires the name and the investor, naming them', () => {
    expect(messages({ name: '  ', investorName: '' })).toEqual(['项目名称不能为空', '投资方名称不能为空']);
  });

  it('checks the uscc check character and the national code shape, naming the field', () => {
    const wrong = validUscc.slice(0, 17) + (validUscc[17] === '0' ? '1' : '0');
    expect(messages({ investorUscc: wrong })).toEqual([expect.stringMatching(/^投资方统一社会信用代码校验位不正确/)]);
    expect(fields({ nationalCode: '2024-150525-44-01-12345' })).toEqual(['nationalCode']);
    expect(messages({ nationalCode: 'X' })[0]).toMatch(/^投资项目代码格式/);
  });

  it('takes money as decimal strings with at most 2 decimals, not negative', () => {
    expect(messages({ contractAmountWan: '1.234' })).toEqual(['签约额(万元)最多保留 2 位小数']);
    expect(messages({ plannedInvestmentWan: '-5' })).toEqual(['计划总投资(万元)不能为负数']);
    expect(fields({ contractAmountWan: 'abc' })).toEqual(['contractAmountWan']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        expect(fields({ contractAmountWan: `${whole}.${String(cents).padStart(2, '0')}` })).toEqual([]);
      }),
    );
  });

  it('wants months as YYYY-MM', () => {
    expect(messages({ plannedStartMonth: '2025-13' })).toEqual(['计划开工月份应为 YYYY-MM 格式，例如 2025-06']);
  });

  it('lets only projects of 500 万元 planned investment or more be 入库, with a month', () => {
    expect(fields({ statsRegistered: true, statsRegisteredMonth: '2025-10' })).toEqual([]);
    expect(fields({ statsRegistered: true })).toEqual(['statsRegisteredMonth']);
    expect(fields({ statsRegistered: true, statsRegisteredMonth: '2025-10', plannedInvestmentWan: '499.99' })).toEqual(['statsRegistered']);
    expect(fields({ statsRegistered: true, statsRegisteredMonth: '2025-10', plannedInvestmentWan: null })).toEqual(['plannedInvestmentWan']);
    expect(fields({ statsRegistered: true, statsRegisteredMonth: '2026-12' })).toEqual(['statsRegisteredMonth']);
    expect(fields({ statsRegistered: false, statsRegisteredMonth: '2025-10', statsCode: 'X1' })).toEqual(['statsRegisteredMonth', 'statsCode']);
  });

  it('takes the 入库 threshold from the setting, and leaves it to the API where it is not known', () => {
    const registered = { ...base, statsRegistered: true, statsRegisteredMonth: '2025-10', plannedInvestmentWan: '800.00' };
    expect(projectFieldProblems(registered, TODAY, 500)).toEqual([]);
    expect(projectFieldProblems(registered, TODAY, 1000)).toEqual([{ field: 'statsRegistered', message: '计划总投资(万元)不足 1000 万元的项目不能统计入库' }]);
    expect(projectFieldProblems({ ...registered, plannedInvestmentWan: '1.00' }, TODAY, null)).toEqual([]);
  });

  it('applies the lifecycle rules of the stage', () => {
    expect(fields({ stage: 'UNDER_CONSTRUCTION' })).toEqual(['constructionStartedAt']);
    expect(fields({ stage: 'TERMINATED', terminatedAt: '2025-04-01' })).toEqual(['terminationReason']);
  });
});
