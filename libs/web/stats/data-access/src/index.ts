export * from './lib/stats.api';
