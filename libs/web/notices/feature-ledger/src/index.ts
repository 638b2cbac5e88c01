export * from './lib/notices.routes';
export * from './lib/compose/compose-form';
export * from './lib/compose/notice-compose-dialog';
export * from './lib/compose/notice-composer';
export * from './lib/to-sign-card';
