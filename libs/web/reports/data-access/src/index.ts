export * from './lib/report-months';
export * from './lib/reports.api';
export * from './lib/fai.api';
export * from './lib/months.api';
