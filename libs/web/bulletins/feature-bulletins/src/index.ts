export * from './lib/bulletins.routes';
