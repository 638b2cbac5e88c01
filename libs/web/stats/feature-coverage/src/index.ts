// The 驾驶舱's line on how many of our 入库 projects the statistics bureau also lists: a lib of its
// own, so that the 驾驶舱's deferred chunk does not carry the 统计对账 page and its table.
export * from './lib/stats-coverage-line';
