import type { Role } from './roles.js';

/**
 * What each role may do, named once and used by the API's access guard and by the web app's
 * menu and route guards, so that the two can never disagree (DOMAIN.md §7).
 */
export const CAPABILITIES = {
  /** sign in and read one's own profile */
  'session:use': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'],
  /** 工作台: the to-dos of the people who do the daily work; leaders land on the 驾驶舱 instead (issue 13) */
  'workbench:use': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF'],
  /** read reference data: regions, industries */
  'dictionary:read': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'],
  'dictionary:manage': ['ADMIN'],
  'users:manage': ['ADMIN'],
  'apiKeys:manage': ['ADMIN'],
  /** webhook subscriptions and their delivery log (DOMAIN.md §7, §10) */
  'webhooks:manage': ['ADMIN'],
  /** the audit log: every signed-in user, of the entities `auditEntitiesReadableBy` gives their role (DOMAIN.md §7) */
  'audit:read': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'],
  'projects:read': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'],
  /** create and edit projects: district staff only in their own region (the route declares where the region is) */
  'projects:edit': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF'],
  /** move a project back to an earlier stage (a correction, DOMAIN.md §5) */
  'projects:correct': ['ADMIN', 'CITY_STAFF'],
  'reports:read': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'],
  /** enter, save and submit monthly reports: district staff only in their own region */
  'reports:edit': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF'],
  /** 核实: verify or return submitted reports */
  'reports:verify': ['ADMIN', 'CITY_STAFF'],
  /** 月结: close a month (DOMAIN.md §7: city staff or admin) */
  'months:close': ['ADMIN', 'CITY_STAFF'],
  /** reopen a closed month: admin only, with a reason (DOMAIN.md §7) */
  'months:reopen': ['ADMIN'],
  'fai:read': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'],
  'fai:edit': ['ADMIN', 'CITY_STAFF'],
  /** spreadsheet imports; each row still needs the right of its own (region, verification) */
  'imports:run': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF'],
  /** the indicators of DOMAIN.md §6, the leaders' summary page and the 月调度表 */
  'indicators:read': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'],
  'targets:read': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'],
  /** 目标任务: each region's annual targets */
  'targets:manage': ['ADMIN'],
  'warnings:read': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'],
  /** 问题诉求 (DOMAIN.md §9): everyone reads them */
  'problems:read': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'],
  /** raise, assign, progress and close problems: district staff only of their own region's projects */
  'problems:edit': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF'],
  /** progress notes and comments: leaders comment on problems (DOMAIN.md §7) */
  'problems:comment': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'],
  /** 优惠政策兑现台账 (DOMAIN.md §9): everyone reads the ledger */
  'commitments:read': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'],
  /** record commitments and their 兑现: district staff only for their own region's projects */
  'commitments:edit': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF'],
  /** 三单一函 (DOMAIN.md §9): everyone signed in reads the notices and their .docx */
  'notices:read': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'],
  /** issue 提醒单/催办单, draft 督办单/移交函, close and cancel (DOMAIN.md §7: city staff) */
  'notices:issue': ['ADMIN', 'CITY_STAFF'],
  /** sign or return a 督办单/移交函: leaders only, and only the one named as signer (admins do not sign) */
  'notices:sign': ['LEADER'],
  /** the recipient's feedback: district staff for their region's projects, city staff for a city unit */
  'notices:feedback': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF'],
  /** 季通报 (issue 15 item 2): every signed-in user reads and downloads the bulletins */
  'bulletins:read': ['ADMIN', 'CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'],
  /** generate (and keep) a bulletin: city staff, as they close the months it reports */
  'bulletins:generate': ['ADMIN', 'CITY_STAFF'],
  /** thresholds of the warning rules and other settings */
  'settings:manage': ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(role: Role | null | undefined, capability: Capability): boolean {
  return role != null && (CAPABILITIES[capability] as readonly Role[]).includes(role);
}

/**
 * Whether a user may change data that belongs to a region: district staff only their own,
 * city staff and admins everywhere, leaders nowhere.
 */
export function canEditRegion(actor: { role: Role; regionCode: string | null }, regionCode: string): boolean {
  switch (actor.role) {
    case 'ADMIN':
    case 'CITY_STAFF':
      return true;
    case 'DISTRICT_STAFF':
      return actor.regionCode === regionCode;
    case 'LEADER':
      return false;
  }
}
