import type { Routes } from '@angular/router';
import type { IconDefinition } from '@ant-design/icons-angular';
import { AccountBookOutline, AimOutline, AlertOutline, ApartmentOutline, ApiOutline, AppstoreOutline, AuditOutline, CarryOutOutline, ControlOutline, DashboardOutline, DiffOutline, FileSearchOutline, FileWordOutline, FormOutline, FundOutline, HistoryOutline, HomeOutline, ImportOutline, IssuesCloseOutline, KeyOutline, NotificationOutline, ProjectOutline, ReconciliationOutline, ScheduleOutline, SettingOutline, TeamOutline, TrophyOutline } from '@ant-design/icons-angular/icons';
import { type Capability, type Role, can } from '@zhaoshang/shared/domain';

export const NAV_GROUPS = {
  system: { label: '系统管理', icon: SettingOutline },
} as const satisfies Record<string, { label: string; icon: IconDefinition }>;

export type NavGroupKey = keyof typeof NAV_GROUPS;

export interface NavEntry {
  label: string;
  /** registered with the icon service by the layout; shown in the menu by its name */
  icon: IconDefinition;
  /** the path under the shell, '' for the home page */
  route: string;
  /** who sees the entry and may open the page (the route guard checks the same) */
  capability: Capability;
  /** where a role without the capability goes instead, quietly (the home page sends leaders to the 驾驶舱) */
  otherwise?: string;
  /** entries of a group are shown in its submenu */
  group?: NavGroupKey;
  /** the page's routes, lazily loaded */
  load: () => Promise<Routes>;
}

/**
 * Every page of the signed-in app, in menu order. Adding a page is one line here: the menu entry,
 * the lazy route and its capability guard all come from it.
 */
export const NAV_ENTRIES: readonly NavEntry[] = [
  // leaders land on the 驾驶舱 (issue 13): the 工作台 lists the daily work of the other roles
  { label: '工作台', icon: HomeOutline, route: '', capability: 'workbench:use', otherwise: '/dashboard', load: () => import('./home/home-page').then((m) => m.homeRoutes) },
  { label: '驾驶舱', icon: DashboardOutline, route: 'dashboard', capability: 'indicators:read', load: () => import('@zhaoshang/web/dashboard/feature-dashboard').then((m) => m.dashboardRoutes) },
  { label: '项目管理', icon: ProjectOutline, route: 'projects', capability: 'projects:read', load: () => import('@zhaoshang/web/projects/feature-list').then((m) => m.projectsRoutes) },
  // a page to fill in reports: for those who may (leaders read the figures on the 驾驶舱, 月调度表 and through the API, 'reports:read')
  { label: '月报填报', icon: FormOutline, route: 'reports/entry', capability: 'reports:edit', load: () => import('@zhaoshang/web/reports/feature-entry').then((m) => m.reportEntryRoutes) },
  { label: '月报核实', icon: AuditOutline, route: 'reports/verify', capability: 'reports:verify', load: () => import('@zhaoshang/web/reports/feature-verify').then((m) => m.reportVerifyRoutes) },
  { label: '数据导入', icon: ImportOutline, route: 'imports', capability: 'imports:run', load: () => import('@zhaoshang/web/imports/feature-import').then((m) => m.importsRoutes) },
  { label: '固定资产投资', icon: FundOutline, route: 'reports/fai', capability: 'fai:read', load: () => import('@zhaoshang/web/reports/feature-fai').then((m) => m.faiRoutes) },
  // 统计对账 (issue 16): everyone reads the comparison with the statistics bureau's list; the accept is per row
  { label: '统计对账', icon: ReconciliationOutline, route: 'stats/reconciliation', capability: 'projects:read', load: () => import('@zhaoshang/web/stats/feature-reconciliation').then((m) => m.reconciliationRoutes) },
  { label: '目标任务', icon: AimOutline, route: 'targets', capability: 'targets:read', load: () => import('@zhaoshang/web/targets/feature-targets').then((m) => m.targetsRoutes) },
  { label: '数据修订', icon: DiffOutline, route: 'reports/revisions', capability: 'indicators:read', load: () => import('@zhaoshang/web/reports/feature-revisions').then((m) => m.revisionsRoutes) },
  { label: '更正记录', icon: HistoryOutline, route: 'corrections', capability: 'projects:read', load: () => import('@zhaoshang/web/projects/feature-corrections').then((m) => m.correctionsRoutes) },
  { label: '项目预警', icon: AlertOutline, route: 'warnings', capability: 'warnings:read', load: () => import('@zhaoshang/web/warnings/feature-list').then((m) => m.warningsRoutes) },
  { label: '问题清单', icon: IssuesCloseOutline, route: 'problems', capability: 'problems:read', load: () => import('@zhaoshang/web/problems/feature-list').then((m) => m.problemsRoutes) },
  // 三单一函 (DOMAIN.md §9): everyone signed in reads the ledger; what each role may do is on the notice's page
  { label: '督办台账', icon: NotificationOutline, route: 'notices', capability: 'notices:read', load: () => import('@zhaoshang/web/notices/feature-ledger').then((m) => m.noticesRoutes) },
  { label: '兑现台账', icon: AccountBookOutline, route: 'commitments', capability: 'commitments:read', load: () => import('@zhaoshang/web/commitments/feature-ledger').then((m) => m.commitmentsRoutes) },
  // 季通报 (issue 15 item 2): everyone signed in reads and downloads; city staff generate (the page says who may)
  { label: '季度通报', icon: FileWordOutline, route: 'bulletins', capability: 'bulletins:read', load: () => import('@zhaoshang/web/bulletins/feature-bulletins').then((m) => m.bulletinsRoutes) },
  // 考核排名 (DOMAIN.md §9): whoever reads the figures reads the ranking; the weights drawer is the admin's
  { label: '考核排名', icon: TrophyOutline, route: 'assessment', capability: 'indicators:read', load: () => import('@zhaoshang/web/assessment/feature-ranking').then((m) => m.assessmentRoutes) },
  // every signed-in user reads the log of the business data (DOMAIN.md §7): not under 系统管理
  { label: '操作日志', icon: FileSearchOutline, route: 'admin/audit', capability: 'audit:read', load: () => import('@zhaoshang/web/admin/feature-audit').then((m) => m.auditRoutes) },
  { label: '月结管理', icon: CarryOutOutline, route: 'reports/months', capability: 'months:close', group: 'system', load: () => import('@zhaoshang/web/reports/feature-months').then((m) => m.monthsRoutes) },
  { label: '用户管理', icon: TeamOutline, route: 'admin/users', capability: 'users:manage', group: 'system', load: () => import('@zhaoshang/web/admin/feature-users').then((m) => m.usersRoutes) },
  { label: 'API 密钥', icon: KeyOutline, route: 'admin/api-keys', capability: 'apiKeys:manage', group: 'system', load: () => import('@zhaoshang/web/admin/feature-api-keys').then((m) => m.apiKeysRoutes) },
  { label: '产业类别', icon: AppstoreOutline, route: 'admin/industries', capability: 'dictionary:manage', group: 'system', load: () => import('@zhaoshang/web/admin/feature-industries').then((m) => m.industriesRoutes) },
  { label: '包联领导与责任单位', icon: ApartmentOutline, route: 'admin/responsibility', capability: 'dictionary:manage', group: 'system', load: () => import('@zhaoshang/web/admin/feature-responsibility').then((m) => m.responsibilityRoutes) },
  { label: '预警设置', icon: ControlOutline, route: 'admin/warning-settings', capability: 'settings:manage', group: 'system', load: () => import('@zhaoshang/web/warnings/feature-settings').then((m) => m.warningSettingsRoutes) },
  { label: '督办设置', icon: ScheduleOutline, route: 'admin/notice-settings', capability: 'settings:manage', group: 'system', load: () => import('@zhaoshang/web/notices/feature-ledger').then((m) => m.noticeSettingsRoutes) },
  { label: 'Webhook 订阅', icon: ApiOutline, route: 'admin/webhooks', capability: 'webhooks:manage', group: 'system', load: () => import('@zhaoshang/web/admin/feature-webhooks').then((m) => m.webhooksRoutes) },
];

export interface NavLink {
  label: string;
  icon: string;
  /** absolute router link */
  link: string;
  exact: boolean;
}

export interface NavGroup {
  key: NavGroupKey;
  label: string;
  icon: string;
  links: NavLink[];
}

/** A menu item: a link, or a group (submenu) of links. */
export type NavItem = { kind: 'link'; link: NavLink } | { kind: 'group'; group: NavGroup };

/**
 * The menu a role sees: entries it has the capability for, in order, grouped into submenus at the
 * place of the group's first visible entry; a group with nothing visible is left out.
 */
export function visibleNav(role: Role | null | undefined, entries: readonly NavEntry[] = NAV_ENTRIES): NavItem[] {
  const items: NavItem[] = [];
  const groups = new Map<NavGroupKey, NavGroup>();
  for (const entry of entries) {
    if (!can(role, entry.capability)) continue;
    const link: NavLink = { label: entry.label, icon: entry.icon.name, link: `/${entry.route}`, exact: entry.route === '' };
    if (!entry.group) {
      items.push({ kind: 'link', link });
      continue;
    }
    let group = groups.get(entry.group);
    if (!group) {
      const { label, icon } = NAV_GROUPS[entry.group];
      group = { key: entry.group, label, icon: icon.name, links: [] };
      groups.set(entry.group, group);
      items.push({ kind: 'group', group });
    }
    group.links.push(link);
  }
  return items;
}
