import { AUDIT_ENTITIES } from '@zhaoshang/shared/domain';
import { auditChanges, changeSummary, entityLabel, entryChanges, entrySubject, formatValue } from './audit-format';

describe('auditChanges', () => {
  it('lists only the fields that changed, in Chinese', () => {
    const before = { displayName: '王芳', role: 'LEADER', regionCode: null, disabled: false, version: 3 };
    const after = { displayName: '王芳', role: 'DISTRICT_STAFF', regionCode: '150525', disabled: true, version: 4 };
    const regionName = (code: string) => (code === '150525' ? '奈曼旗' : null);
    expect(auditChanges(before, after, { regionName }).map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      // in the label table's order: the API's snapshots come as jsonb, whose key order means nothing
      '所属地区: （空） → 奈曼旗（150525）',
      '角色: 领导 → 旗县招商人员',
      '停用: 否 → 是',
    ]);
  });

  it('shows a creation as every field coming from nothing, and a deletion the other way', () => {
    expect(auditChanges(null, { code: 'NE', name: '新能源', active: true }, {}, 'industry')).toEqual([
      { field: 'name', label: '名称', before: null, after: '新能源' },
      { field: 'code', label: '代码', before: null, after: 'NE' },
      { field: 'active', label: '启用', before: null, after: '是' },
    ]);
    expect(auditChanges({ name: '新能源' }, null, {}, 'industry')).toEqual([{ field: 'name', label: '名称', before: '新能源', after: null }]);
  });

  it('shows instants in Beijing time', () => {
    expect(auditChanges({ revokedAt: null }, { revokedAt: '2026-03-01T02:30:00.000Z' })[0]).toMatchObject({ before: '（空）', after: '2026-03-01 10:30' });
  });

  it('compares arrays and objects by value and never prints a password', () => {
    expect(auditChanges({ scopes: ['read'] }, { scopes: ['read'] })).toEqual([]);
    expect(auditChanges({ scopes: ['read'] }, { scopes: ['read', 'fai:write'] })[0].after).toBe('读取（项目、月报、指标）、写入全社会固定资产投资');
    expect(auditChanges({ passwordHash: 'a' }, { passwordHash: 'b' })[0]).toMatchObject({ before: '******', after: '******' });
    expect(formatValue('extra', { a: 1 })).toBe('{"a":1}');
  });
});

describe('entityLabel', () => {
  it('names every entity the API records, as the API spells it, and keeps unknown ones', () => {
    expect(entityLabel('user')).toBe('用户');
    expect(entityLabel('apiKey')).toBe('API 密钥');
    expect(entityLabel('monthlyReport')).toBe('月报');
    expect(entityLabel('faiTotal')).toBe('全社会固定资产投资');
    expect(AUDIT_ENTITIES.every((entity) => entityLabel(entity) !== entity)).toBe(true);
    expect(entityLabel('api_key')).toBe('api_key');
    expect(entityLabel('Widget')).toBe('Widget');
  });
});

describe('entryChanges', () => {
  it('reads a project entry as the project’s 变更记录 does, with the correction’s reason', () => {
    const changes = entryChanges({
      entity: 'project',
      action: 'UPDATE',
      before: { stage: 'UNDER_CONSTRUCTION', contractAmountWan: '1200', version: 3 },
      after: { stage: 'SIGNED', contractAmountWan: '1350.5', version: 4, correctionReason: '误报开工' },
    });
    expect(changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ['签约额(万元)', '1,200.00', '1,350.50'],
      ['项目阶段', '开工在建', '已签约'],
      ['更正原因', null, '误报开工'],
    ]);
  });

  it('names a report’s status and amounts, and leaves out its project’s id', () => {
    const report = { projectId: '7f1c0e9a-1111-4222-8333-944445555666', projectNo: '150525-2026-0001', month: '2026-03', status: 'DRAFT', arrivedEquityWan: '1200', progress: null };
    const created = entryChanges({ entity: 'monthlyReport', action: 'CREATE', before: null, after: report });
    expect(created.map((c) => `${c.label}=${c.after}`)).toEqual(['项目编号=150525-2026-0001', '月份=2026-03', '自有资金到位(万元)=1,200.00', '状态=草稿']);
    // the row's subject names the project and the month: the summary tells the rest
    expect(changeSummary(created, 2, 'monthlyReport')).toBe('自有资金到位(万元)：1,200.00；状态：草稿');
    const verified = entryChanges({ entity: 'monthlyReport', action: 'VERIFY', before: { ...report, status: 'SUBMITTED' }, after: { ...report, status: 'VERIFIED' } });
    expect(changeSummary(verified)).toBe('状态：待核实 → 已核实');
  });

  it('sums up many changes by the first two and a count, and names a record by its subject', () => {
    const changes = auditChanges({ role: 'LEADER', disabled: false, displayName: '甲' }, { role: 'ADMIN', disabled: true, displayName: '乙' });
    expect(changeSummary(changes)).toBe('姓名：甲 → 乙；角色：领导 → 管理员 等 3 项');
    expect(changeSummary([])).toBe('—');
    expect(entrySubject({ entity: 'monthlyReport', entityId: 'x', subject: '150525-2026-0001 风电项目 · 2026年3月' })).toBe('150525-2026-0001 风电项目 · 2026年3月');
    expect(entrySubject({ entity: 'user', entityId: 'u9', subject: null })).toBe('用户 u9');
  });
});
