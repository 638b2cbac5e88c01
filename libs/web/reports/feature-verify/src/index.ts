export * from './lib/report-verify.routes';
