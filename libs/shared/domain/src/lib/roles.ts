/** DOMAIN.md §7. The identifiers are stored in the database and sent over the API. */
export const ROLES = ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: '管理员',
  CITY_STAFF: '市级招商人员',
  DISTRICT_STAFF: '旗县招商人员',
  LEADER: '领导',
};

export const API_KEY_SCOPES = ['read', 'fai:write', 'stats:write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, string> = {
  read: '读取（项目、月报、指标）',
  'fai:write': '写入全社会固定资产投资',
  'stats:write': '写入统计局固定资产投资项目库清单',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isApiKeyScope(value: unknown): value is ApiKeyScope {
  return typeof value === 'string' && (API_KEY_SCOPES as readonly string[]).includes(value);
}

/** Only district staff are bound to one region; everyone else works city-wide. */
export function roleNeedsRegion(role: Role): boolean {
  return role === 'DISTRICT_STAFF';
}
