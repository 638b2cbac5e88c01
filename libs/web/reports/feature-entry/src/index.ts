export * from './lib/report-entry.routes';
