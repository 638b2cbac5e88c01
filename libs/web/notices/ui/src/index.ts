export * from './lib/notice-view';
export * from './lib/notice-tags';
export * from './lib/notice-paper';
