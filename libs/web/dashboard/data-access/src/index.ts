export * from './lib/dashboard.api';
export * from './lib/drill';
export * from './lib/period';
