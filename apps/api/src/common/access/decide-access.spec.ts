import type { ApiKeyActor, UserActor } from './actor.js';
import { decideAccess, needsRegionLookup } from './decide-access.js';

const user = (role: UserActor['role'], regionCode: string | null = null): UserActor => ({
  kind: 'user',
  id: 'u',
  username: 'u',
  displayName: 'u',
  role,
  regionCode,
  requestId: 'r',
});
const key = (scopes: ApiKeyActor['scopes']): ApiKeyActor => ({ kind: 'apiKey', id: 'k', name: 'k', scopes, requestId: 'r' });
const none = { params: {}, query: {}, body: {} };

describe('decideAccess', () => {
  it('allows a role holding the capability and forbids the others', () => {
    expect(() => decideAccess({ capability: 'users:manage' }, user('ADMIN'), none)).not.toThrow();
    for (const role of ['CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'] as const) {
      expect(() => decideAccess({ capability: 'users:manage' }, user(role), none)).toThrow(expect.objectContaining({ status: 403 }));
    }
  });

  it('admits API keys only with a declared scope they hold', () => {
    expect(() => decideAccess({ capability: 'dictionary:read', scopes: ['read'] }, key(['read']), none)).not.toThrow();
    expect(() => decideAccess({ capability: 'dictionary:read', scopes: ['read'] }, key(['fai:write']), none)).toThrow(/缺少权限范围/);
    expect(() => decideAccess({ capability: 'users:manage' }, key(['read', 'fai:write']), none)).toThrow(/不接受 API 密钥/);
  });

  it('keeps district staff to their own region where a rule names one', () => {
    const rule = { capability: 'dictionary:read', region: { in: 'body', field: 'regionCode' } } as const;
    expect(() => decideAccess(rule, user('DISTRICT_STAFF', '150525'), { ...none, body: { regionCode: '150525' } })).not.toThrow();
    expect(() => decideAccess(rule, user('DISTRICT_STAFF', '150525'), { ...none, body: { regionCode: '150502' } })).toThrow(/本地区/);
    expect(() => decideAccess(rule, user('CITY_STAFF'), { ...none, body: { regionCode: '150502' } })).not.toThrow();
  });

  it('lets no person call an API-key-only route', () => {
    expect(() => decideAccess({ capability: null, scopes: ['fai:write'] }, user('ADMIN'), none)).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('decides a rule naming a record by id on the region the guard resolved for it', () => {
    const rule = { capability: 'projects:edit', region: { in: 'params', field: 'id', resolve: 'project' } } as const;
    const request = { ...none, params: { id: 'some-project' } };
    expect(() => decideAccess(rule, user('DISTRICT_STAFF', '150525'), request, '150525')).not.toThrow();
    expect(() => decideAccess(rule, user('DISTRICT_STAFF', '150525'), request, '150502')).toThrow(/本地区/);
    // no such record: the handler answers 404, access is not refused for it
    expect(() => decideAccess(rule, user('DISTRICT_STAFF', '150525'), request, null)).not.toThrow();
    expect(() => decideAccess(rule, user('CITY_STAFF'), request, '150502')).not.toThrow();
    expect(() => decideAccess(rule, user('LEADER'), request, '150525')).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('looks a record up only for people who may call the route at all', () => {
    const rule = { capability: 'projects:edit', region: { in: 'params', field: 'id', resolve: 'project' } } as const;
    expect(needsRegionLookup(rule, user('DISTRICT_STAFF', '150525'))).toBe(true);
    expect(needsRegionLookup(rule, user('LEADER'))).toBe(false);
    expect(needsRegionLookup(rule, key(['read']))).toBe(false);
    expect(needsRegionLookup({ capability: 'projects:edit', region: { in: 'body', field: 'regionCode' } }, user('DISTRICT_STAFF', '150525'))).toBe(false);
  });
});
