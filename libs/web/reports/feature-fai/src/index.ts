export * from './lib/fai.routes';
