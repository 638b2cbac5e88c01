import type { Role } from '@zhaoshang/shared/domain';

export const ROLE_TAG_COLORS: Record<Role, string> = {
  ADMIN: 'magenta',
  CITY_STAFF: 'blue',
  DISTRICT_STAFF: 'cyan',
  LEADER: 'gold',
};
