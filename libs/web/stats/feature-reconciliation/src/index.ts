// The 统计对账 page (loaded lazily by the menu).
export * from './lib/reconciliation.routes';
