export * from './lib/responsibility.routes';
