import { HomeOutline, KeyOutline, TeamOutline } from '@ant-design/icons-angular/icons';
import { ROLES } from '@zhaoshang/shared/domain';
import { NAV_ENTRIES, type NavEntry, type NavItem, visibleNav } from './nav';
import { navRoute } from './shell.routes';

/** The menu as text: `工作台`, `系统管理[用户管理,API 密钥]`. */
function outline(items: NavItem[]): string[] {
  return items.map((item) => (item.kind === 'link' ? item.link.label : `${item.group.label}[${item.group.links.map((l) => l.label).join(',')}]`));
}

describe('visibleNav', () => {
  it('shows an admin every page, system pages grouped under 系统管理', () => {
    expect(outline(visibleNav('ADMIN'))).toEqual(['工作台', '驾驶舱', '项目管理', '月报填报', '月报核实', '数据导入', '固定资产投资', '统计对账', '目标任务', '数据修订', '更正记录', '项目预警', '问题清单', '督办台账', '兑现台账', '季度通报', '考核排名', '操作日志', '系统管理[月结管理,用户管理,API 密钥,产业类别,包联领导与责任单位,预警设置,督办设置,Webhook 订阅]']);
  });

  it('shows city staff 月结管理 among the system pages; the audit log is in everyone\'s menu (DOMAIN.md §7)', () => {
    expect(outline(visibleNav('CITY_STAFF'))).toEqual(['工作台', '驾驶舱', '项目管理', '月报填报', '月报核实', '数据导入', '固定资产投资', '统计对账', '目标任务', '数据修订', '更正记录', '项目预警', '问题清单', '督办台账', '兑现台账', '季度通报', '考核排名', '操作日志', '系统管理[月结管理]']);
  });

  it('leaves out the empty system group for district staff and leaders', () => {
    expect(outline(visibleNav('DISTRICT_STAFF'))).toEqual(['工作台', '驾驶舱', '项目管理', '月报填报', '数据导入', '固定资产投资', '统计对账', '目标任务', '数据修订', '更正记录', '项目预警', '问题清单', '督办台账', '兑现台账', '季度通报', '考核排名', '操作日志']);
    // leaders land on the 驾驶舱 and do not fill in reports (issue 13)
    expect(outline(visibleNav('LEADER'))).toEqual(['驾驶舱', '项目管理', '固定资产投资', '统计对账', '目标任务', '数据修订', '更正记录', '项目预警', '问题清单', '督办台账', '兑现台账', '季度通报', '考核排名', '操作日志']);
    expect(visibleNav(null)).toEqual([]);
  });

  it('builds absolute links, exact only for the home page', () => {
    const nav = visibleNav('ADMIN');
    const [home, , projects] = nav;
    const system = nav[nav.length - 1];
    expect(projects).toEqual({ kind: 'link', link: { label: '项目管理', icon: 'project', link: '/projects', exact: false } });
    expect(home).toEqual({ kind: 'link', link: { label: '工作台', icon: 'home', link: '/', exact: true } });
    expect(system.kind === 'group' && system.group.links[1]).toEqual({ label: '用户管理', icon: 'team', link: '/admin/users', exact: false });
  });

  it('keeps a group at the place of its first visible entry', () => {
    const load = () => Promise.resolve([]);
    const entries: NavEntry[] = [
      { label: '工作台', icon: HomeOutline, route: '', capability: 'workbench:use', load },
      { label: '用户管理', icon: TeamOutline, route: 'a', capability: 'users:manage', group: 'system', load },
      { label: '项目', icon: HomeOutline, route: 'p', capability: 'dictionary:read', load },
      { label: 'API 密钥', icon: KeyOutline, route: 'k', capability: 'apiKeys:manage', group: 'system', load },
    ];
    expect(outline(visibleNav('ADMIN', entries))).toEqual(['工作台', '系统管理[用户管理,API 密钥]', '项目']);
    expect(outline(visibleNav('LEADER', entries))).toEqual(['项目']);
  });

  it('guards every page route with the capability of its menu entry', () => {
    for (const entry of NAV_ENTRIES) {
      const route = navRoute(entry);
      expect(route.path).toBe(entry.route);
      expect(route.title).toBe(entry.label);
      expect(route.canActivate).toHaveLength(1);
      // only the home page sends a role elsewhere without a word (leaders to the 驾驶舱); other pages refuse with a message
      expect(entry.otherwise === undefined || entry.route === '').toBe(true);
      expect(route.loadChildren).toBe(entry.load);
    }
    // every role has at least one page (leaders: the 驾驶舱 first)
    for (const role of ROLES) expect(visibleNav(role).length).toBeGreaterThan(0);
  });
});
