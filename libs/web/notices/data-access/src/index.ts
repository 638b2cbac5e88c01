export * from './lib/notices.api';
export * from './lib/notice-query';
export * from './lib/notice-actions';
