export * from './lib/targets.api';
