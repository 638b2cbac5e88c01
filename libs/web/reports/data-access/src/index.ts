export * from './lib/report-months';
export * from './lib/reports.api';
