import { addMonths, isMonth, monthLabel, monthOf, type ReconciliationList, type ReconciliationRow, shanghaiToday } from '@zhaoshang/shared/domain';

/** The month the page opens on: `?month=` when it is a month up to this one, else last month (the bureau publishes after the month). */
export function initialMonth(param: string | null, today: string = shanghaiToday()): string {
  const thisMonth = monthOf(today);
  return param && isMonth(param) && param <= thisMonth ? param : addMonths(thisMonth, -1);
}

/** The region the page opens on: `?region=` when known, else a district user's own, else the city. */
export function initialRegion(param: string | null, known: readonly string[], own: string | null, city: string | null): string | null {
  if (param && known.includes(param)) return param;
  return own ?? city;
}

/** The list a page opens on: `?list=` when it is one, else the matched list. */
export function initialList(param: string | null): ReconciliationList {
  const lists: readonly string[] = ['matched', 'oursOnly', 'notRegistered', 'unknown', 'amountDiffers'];
  return param && lists.includes(param) ? (param as ReconciliationList) : 'matched';
}

/** What each list means, under its tab. */
export const LIST_HINTS: Record<ReconciliationList, string> = {
  matched: '双方都有、我方已入库的项目（先按投资项目代码，再按同一地区内的项目名称匹配）',
  oursOnly: '我方标记已入库、但统计局本月清单中没有的项目：核对是否已出库或代码有误',
  notRegistered: '统计局清单中有、我方项目未标记入库（或入库月份在本月之后）：核实后可采用统计入库月份',
  unknown: '统计局清单中有、我方找不到对应项目：可能是非招商项目，或我方漏登记、代码和名称都不一致',
  amountDiffers: '双方都有、本年完成投资相差超过允许差额和差异率的项目（我方为已核实月报之和）',
};

/** 「按代码」/「按名称」 */
export function matchedByLabel(row: ReconciliationRow): string {
  return row.matchedBy === 'CODE' ? '按代码' : row.matchedBy === 'NAME' ? '按名称' : '';
}

/** A month or a dash. */
export function monthText(month: string | null): string {
  return month ? monthLabel(month) : '—';
}
