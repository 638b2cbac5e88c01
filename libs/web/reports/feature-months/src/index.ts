export * from './lib/months.routes';
