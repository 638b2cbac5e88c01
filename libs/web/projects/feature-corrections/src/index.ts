export * from './lib/corrections.routes';
