import type { Role } from '@zhaoshang/shared/domain';

/** DOMAIN.md §7 in one sentence per role. */
export const ROLE_DUTIES: Record<Role, string> = {
  ADMIN: '可查看和修改全部数据，负责用户、密钥、基础数据、目标任务、月结和重新打开月份。',
  CITY_STAFF: '可查看全部数据，维护任意项目，核实或退回旗县市区报送的月报，月结。',
  DISTRICT_STAFF: '可查看全部数据，维护本地区的项目和月报。',
  LEADER: '可查看全部项目和汇总数据，不修改数据。',
};
