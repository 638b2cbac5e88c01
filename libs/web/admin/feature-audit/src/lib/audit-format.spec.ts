import { AUDIT_ENTITIES } from '@zhaoshang/shared/domain';
import { auditChanges, entityLabel, formatValue } from './audit-format';

describe('auditChanges', () => {
  it('lists only the fields that changed, in Chinese', () => {
    const before = { displayName: '王芳', role: 'LEADER', regionCode: null, disabled: false, version: 3 };
    const after = { displayName: '王芳', role: 'DISTRICT_STAFF', regionCode: '150525', disabled: true, version: 4 };
    const regionName = (code: string) => (code === '150525' ? '奈曼旗' : null);
    expect(auditChanges(before, after, { regionName }).map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      '角色: 领导 → 旗县招商人员',
      '所属地区: （空） → 奈曼旗（150525）',
      '停用: 否 → 是',
    ]);
  });

  it('shows a creation as every field coming from nothing, and a deletion the other way', () => {
    expect(auditChanges(null, { code: 'NE', name: '新能源', active: true })).toEqual([
      { field: 'code', label: '代码', before: null, after: 'NE' },
      { field: 'name', label: '名称', before: null, after: '新能源' },
      { field: 'active', label: '启用', before: null, after: '是' },
    ]);
    expect(auditChanges({ name: '新能源' }, null)).toEqual([{ field: 'name', label: '名称', before: '新能源', after: null }]);
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
