// The 统计对账 page (loaded lazily by the menu).
export * from './lib/reconciliation.routes';
// the 驾驶舱's line on how many of our 入库 projects the bureau also lists
export * from './lib/stats-coverage-line';
