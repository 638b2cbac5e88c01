export * from './lib/industries.routes';
