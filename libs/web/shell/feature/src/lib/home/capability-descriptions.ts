import type { Capability, Role } from '@zhaoshang/shared/domain';

/** What each capability lets a person do, in the words of the home page. */
export const CAPABILITY_DESCRIPTIONS: Record<Capability, string> = {
  'session:use': '登录系统，修改本人密码',
  'dictionary:read': '查看地区、产业类别等基础数据',
  'dictionary:manage': '维护产业类别等基础数据',
  'users:manage': '管理用户账号：新建、修改、停用、重置密码',
  'apiKeys:manage': '管理统计等外部系统使用的 API 密钥',
  'audit:read': '查阅操作日志，追溯每一次数据变更',
  'projects:read': '查询全部招商项目，查看进度、手续和变更记录，导出 Excel',
  'projects:edit': '登记和维护项目、变更阶段、办理手续（旗县人员限本地区）',
  'projects:correct': '更正项目阶段（退回），须填写原因',
  'reports:read': '查看各地区的月报（到位资金、完成投资、形象进度）及报送、核实情况',
  'reports:edit': '填报、保存和报送月报（旗县人员限本地区）',
  'reports:verify': '核实或退回旗县报送的月报',
  'months:close': '月结：冻结某月全部月报并发布当月指标',
  'months:reopen': '附原因重新打开已月结的月份',
  'fai:read': '查看各地区全社会固定资产投资',
  'fai:edit': '录入全社会固定资产投资（当月数或累计数）',
  'imports:run': '用 Excel / CSV 批量导入项目、月报（固定资产投资限市级）',
  'indicators:read': '查看到位资金、开工率、固投占比等指标，驾驶舱与月调度表',
  'targets:read': '查看各地区年度目标任务及完成情况',
  'targets:manage': '设定各地区年度目标任务',
  'warnings:read': '查看项目预警（未开工、未入库、资金未到位、月报未报）',
  'settings:manage': '调整预警规则的阈值等系统设置',
};

/** DOMAIN.md §7 in one sentence per role. */
export const ROLE_DUTIES: Record<Role, string> = {
  ADMIN: '可查看和修改全部数据，负责用户、密钥、基础数据、目标任务、月结和重新打开月份。',
  CITY_STAFF: '可查看全部数据，维护任意项目，核实或退回旗县市区报送的月报，月结。',
  DISTRICT_STAFF: '可查看全部数据，维护本地区的项目和月报。',
  LEADER: '可查看全部项目和汇总数据，不修改数据。',
};
