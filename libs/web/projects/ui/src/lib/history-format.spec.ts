import type { AuditEntryDto } from '@zhaoshang/shared/domain';
import { changeText, formatProjectValue, historyItem, projectChanges } from './history-format';

const names = {
  regionName: (code: string) => ({ '150525': '奈曼旗', '150523': '开鲁县' })[code] ?? null,
  industryName: (code: string) => ({ NE: '新能源（风电、光伏、储能、氢能）' })[code] ?? null,
};

function entry(action: AuditEntryDto['action'], before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditEntryDto {
  return { id: '7', at: '2026-03-04T02:00:00Z', actorType: 'USER', actorId: 'u1', actorName: '孙丽', entity: 'project', entityId: 'p1', action, before, after, requestId: null };
}

describe('project history, as readable changes', () => {
  it('shows money with separators and two decimals', () => {
    const [change] = projectChanges({ contractAmountWan: '1200', version: 3 }, { contractAmountWan: '1350.00', version: 4 });
    expect(changeText(change)).toBe('签约额(万元) 1,200.00 → 1,350.00');
  });

  it('names stages, origins, booleans, regions and industries instead of their codes', () => {
    const changes = projectChanges(
      { stage: 'SIGNED', investorOrigin: 'LOCAL', isKeyProject: false, regionCode: '150525', industryCode: 'NE', plannedInvestmentWan: null },
      { stage: 'UNDER_CONSTRUCTION', investorOrigin: 'FOREIGN', isKeyProject: true, regionCode: '150523', industryCode: 'XX', plannedInvestmentWan: '20000' },
      names,
    );
    expect(changes.map(changeText)).toEqual([
      '所属地区 奈曼旗 → 开鲁县',
      '产业类别 新能源（风电、光伏、储能、氢能） → XX',
      '投资方来源 本地 → 境外',
      '计划总投资(万元) （空） → 20,000.00',
      '项目阶段 已签约 → 开工在建',
      '重点项目 否 → 是',
    ]);
  });

  it('leaves out bookkeeping and values that only look different', () => {
    expect(projectChanges({ version: 1, updatedAt: 'a', contractAmountWan: '5.1', notes: null }, { version: 2, updatedAt: 'b', contractAmountWan: '5.10', notes: '' })).toEqual([]);
  });

  it('compares the approvals checklist row by row, with the date of a done one', () => {
    const before = { approvals: [{ kind: 'ENVIRONMENT', status: 'IN_PROGRESS', doneAt: null }, { kind: 'LAND', status: 'DONE', doneAt: '2025-01-02' }] };
    const after = { approvals: [{ kind: 'ENVIRONMENT', status: 'DONE', doneAt: '2025-06-01' }, { kind: 'LAND', status: 'DONE', doneAt: '2025-01-02' }] };
    const item = historyItem(entry('UPDATE', before, after));
    expect(item.changes.map(changeText)).toEqual(['手续·环评 办理中 → 已办结（2025-06-01）']);
    expect(item.title).toBe('更新手续');
  });

  it('tells a stage move from a correction, which shows its reason', () => {
    const move = historyItem(entry('UPDATE', { stage: 'SIGNED', constructionStartedAt: null }, { stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-06-01' }));
    expect(move.title).toBe('变更阶段');
    expect(move.changes.map(changeText)).toEqual(['项目阶段 已签约 → 开工在建', '开工日期 （空） → 2025-06-01']);
    expect(move.reason).toBeNull();

    const correction = historyItem(
      entry('UPDATE', { stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-06-01' }, { stage: 'SIGNED', constructionStartedAt: null, correctionReason: '误报开工' }),
    );
    expect(correction.kind).toBe('correction');
    expect(correction.reason).toBe('误报开工');
    expect(correction.changes.map(changeText)).toEqual(['项目阶段 开工在建 → 已签约', '开工日期 2025-06-01 → （空）']);
  });

  it('sums a creation up by its number, stage, amount and signing date', () => {
    const item = historyItem(
      entry('CREATE', null, { projectNo: '150525-2026-0001', name: '风电项目', stage: 'SIGNED', contractAmountWan: '80000', signedAt: null, notes: '备注', version: 1 }),
    );
    expect(item.title).toBe('新建项目');
    expect(item.changes.map((c) => `${c.label}：${c.after}`)).toEqual(['项目编号：150525-2026-0001', '签约额(万元)：80,000.00', '项目阶段：已签约']);
    expect(item.actorName).toBe('孙丽');
  });

  it('formats single values', () => {
    expect(formatProjectValue('notes', '')).toBe('（空）');
    expect(formatProjectValue('statsRegistered', true)).toBe('是');
    expect(formatProjectValue('regionCode', '150599', names)).toBe('150599');
  });
});
