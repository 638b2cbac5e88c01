export * from './lib/targets.routes';
