export * from './lib/api-keys.routes';
