// The 兑现台账 page (loaded lazily by the menu) and what the project's page uses of it: the
// 优惠政策兑现 card with 登记承诺.
export * from './lib/commitments.routes';
export * from './lib/commitment-dialog';
export * from './lib/commitment-tags';
export * from './lib/project-commitments-card';
